/**
 * The benchmark's catalog: a Shopify bulk-operation JSONL file with exactly the line shapes
 * CATALOG_EXPORT_QUERY returns, generated once per size and cached on disk.
 *
 * Shape, chosen so the file is ≈ 390 bytes per variant (a variant line alone is ~295
 * bytes and an inventory-level line ~307, so one level for every variant cannot fit
 * 390): products of 10 variants, one `b2b.case_pack` metafield per product, and every
 * 6th variant stocked, with one inventory level at one of three warehouses.
 * Children always follow their parent, but not right after it: a product's metafield
 * comes after its first variant and its inventory levels after the next product's
 * variants, as in real exports where Shopify does not group children.
 */
import { once } from 'node:events';
import { createWriteStream, existsSync, mkdirSync, renameSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const SHAPE = { variantsPerProduct: 10, stockedEvery: 6, locations: 3 } as const;

export interface CatalogFile {
  path: string;
  variants: number;
  bytes: number;
}

export function cacheDir(): string {
  return path.join(os.homedir(), '.cache', 'b2b-orchestrator', 'bench-catalog');
}

/** The cached file for `variants`, generated first if it is missing. */
export async function ensureCatalogFile(variants: number, dir = cacheDir()): Promise<CatalogFile> {
  const file = path.join(dir, `variants-${variants}.jsonl`);
  if (!existsSync(file)) {
    mkdirSync(dir, { recursive: true });
    const started = performance.now();
    // Written under a temporary name and renamed at the end: an interrupted run never
    // leaves a truncated file that a later run would take for the cache.
    const partial = `${file}.partial-${process.pid}`;
    await writeCatalog(partial, variants);
    renameSync(partial, file);
    console.log(`generated ${file} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
  return { path: file, variants, bytes: statSync(file).size };
}

const UPDATED_AT = (n: number) => `2026-07-01T${String(10 + (n % 10)).padStart(2, '0')}:${String(n % 60).padStart(2, '0')}:00Z`;
const money = (cents: number) => (cents / 100).toFixed(2);

function productLine(p: number): string {
  const gid = 8000000000001 + p;
  const status = p % 20 === 0 ? 'DRAFT' : 'ACTIVE';
  return `{"id":"gid://shopify/Product/${gid}","title":"Industrial part ${p + 1}","handle":"part-${p + 1}","status":"${status}","vendor":"Acme","productType":"Parts","tags":["b2b","tier-${(p % 3) + 1}"],"updatedAt":"${UPDATED_AT(p)}"}\n`;
}

function metafieldLine(p: number): string {
  return `{"id":"gid://shopify/Metafield/${30000000000001 + p}","namespace":"b2b","key":"case_pack","type":"number_integer","value":"${6 * ((p % 4) + 1)}","updatedAt":"${UPDATED_AT(p)}","__parentId":"gid://shopify/Product/${8000000000001 + p}"}\n`;
}

function variantLine(p: number, v: number, position: number): string {
  const cents = 99 + ((v * 7919) % 50_000);
  const compareAt = v % 7 === 0 ? `"${money(cents + 500)}"` : 'null';
  return `{"id":"gid://shopify/ProductVariant/${45000000000001 + v}","sku":"SKU-${String(v + 1).padStart(8, '0')}","title":"Size ${position - 1}","price":"${money(cents)}","compareAtPrice":${compareAt},"position":${position},"updatedAt":"${UPDATED_AT(v)}","inventoryItem":{"id":"gid://shopify/InventoryItem/${47000000000001 + v}"},"__parentId":"gid://shopify/Product/${8000000000001 + p}"}\n`;
}

function levelLine(v: number): string {
  // By stocked variant, not by variant: every warehouse gets its share.
  const location = Math.floor(v / SHAPE.stockedEvery) % SHAPE.locations;
  return `{"id":"gid://shopify/InventoryLevel/${120000000000001 + v}?inventory_item_id=${47000000000001 + v}","updatedAt":"${UPDATED_AT(v)}","quantities":[{"name":"available","quantity":${(v * 13) % 500}}],"location":{"id":"gid://shopify/Location/${70000000001 + location}","name":"Warehouse ${location + 1}"},"__parentId":"gid://shopify/ProductVariant/${45000000000001 + v}"}\n`;
}

/** Streams the file out in ~1 MB writes, waiting for 'drain': never the whole file in memory. */
async function writeCatalog(file: string, variants: number): Promise<void> {
  const out = createWriteStream(file, { highWaterMark: 4 * 1024 * 1024 });
  const closed = once(out, 'close');
  let buffer = '';
  const emit = async (line: string) => {
    buffer += line;
    if (buffer.length < 1024 * 1024) return;
    const flushed = out.write(buffer);
    buffer = '';
    if (!flushed) await once(out, 'drain');
  };
  let pendingLevels: number[] = [];
  const products = Math.ceil(variants / SHAPE.variantsPerProduct);
  for (let p = 0; p < products; p++) {
    await emit(productLine(p));
    const levels: number[] = [];
    const first = p * SHAPE.variantsPerProduct;
    const last = Math.min(first + SHAPE.variantsPerProduct, variants);
    for (let v = first; v < last; v++) {
      await emit(variantLine(p, v, v - first + 1));
      if (v === first) await emit(metafieldLine(p));
      if (v % SHAPE.stockedEvery === 0) levels.push(v);
    }
    // The previous product's levels, after this product's variants.
    for (const v of pendingLevels) await emit(levelLine(v));
    pendingLevels = levels;
  }
  for (const v of pendingLevels) await emit(levelLine(v));
  out.end(buffer);
  await closed;
}
