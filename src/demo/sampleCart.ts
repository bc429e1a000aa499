import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DemoError } from './demoClient';
import { QUOTA_SKU_POSITION } from './demoShop';
import type { DemoSku } from './demoRules';

/** The demo cart: 1,200 lines, cut by Shopify's 499-line limit into three linked drafts. */
export const DEMO_CART_LINES = 1_200;

/**
 * The demo cart's lines: SKUs in catalog order that the Main Warehouse holds, quantities
 * 1–30 (some past the 24-unit price break) but never more than it holds. US carts ship
 * from that one warehouse, and the warehouse rule refuses a line no allowed warehouse can
 * fill: a buyer's real order would be refused the same way.
 */
export function demoCartLines(skus: readonly DemoSku[], lines = DEMO_CART_LINES): { sku: string; quantity: number }[] {
  const inStock = skus.slice(0, QUOTA_SKU_POSITION).filter((s) => s.mainStock > 0).slice(0, lines);
  if (inStock.length < lines) throw new DemoError('cart', `only ${inStock.length} SKUs in stock at the Main Warehouse; the demo cart needs ${lines}`);
  return inStock.map((s, i) => ({ sku: s.sku, quantity: Math.min(1 + (i % 30), s.mainStock) }));
}

/** Writes the demo cart as the `sku,quantity` CSV `submit-cart` reads, in the temp folder (generated data stays out of the clone). */
export async function writeSampleCartCsv(skus: readonly DemoSku[]): Promise<string> {
  const dir = path.join(os.tmpdir(), 'b2b-demo');
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, `cart-${DEMO_CART_LINES}-lines.csv`);
  await writeFile(file, ['sku,quantity', ...demoCartLines(skus).map((l) => `${l.sku},${l.quantity}`), ''].join('\n'));
  return file;
}
