import { z } from 'zod';
import { normalizeShopDomain } from '../../shopify/shopDomain';
import { parseCsvLines } from './csvLines';

/**
 * The cart a buyer (or their ERP) submits: JSON with `lines`, or with `linesCsv` (the
 * `sku,quantity` text buyers paste). Parsing is pure; whether the SKUs exist is the
 * workflow's business (it reads the catalog in PostgreSQL).
 */
export const MAX_LINE_QUANTITY = 1_000_000;

const gid = (type: string) => z.string().regex(new RegExp(`^gid://shopify/${type}/\\d+$`), `must be a gid://shopify/${type}/<id>`);
// numeric(20, 4): at most 16 digits before the point.
const money = z.string().regex(/^\d{1,16}(\.\d{1,4})?$/, 'must be a decimal amount such as "25.00" (at most 16 digits before the point)');

const line = z
  .object({
    sku: z.string().trim().min(1).max(255).optional(),
    variantId: gid('ProductVariant').optional(),
    quantity: z.number().int().min(1).max(MAX_LINE_QUANTITY),
  })
  .refine((l) => (l.sku === undefined) !== (l.variantId === undefined), 'give exactly one of sku and variantId');

const address = z.object({
  address1: z.string().max(255).optional(),
  address2: z.string().max(255).optional(),
  city: z.string().max(255).optional(),
  company: z.string().max(255).optional(),
  countryCode: z.string().regex(/^[A-Za-z]{2}$/, 'must be an ISO 3166-1 alpha-2 code').transform((c) => c.toUpperCase()),
  provinceCode: z.string().max(10).optional(),
  zip: z.string().max(20).optional(),
  firstName: z.string().max(255).optional(),
  lastName: z.string().max(255).optional(),
  phone: z.string().max(40).optional(),
});

export const cartBody = z
  .object({
    shop: z.string().transform((value, ctx) => normalizeShopDomain(value) ?? (ctx.addIssue({ code: 'custom', message: 'must be a *.myshopify.com domain' }), z.NEVER)),
    companyLocationId: gid('CompanyLocation'),
    companyContactId: gid('CompanyContact').optional(),
    email: z.email().optional(),
    poNumber: z.string().trim().min(1).max(255).optional(),
    note: z.string().max(5000).optional(),
    shippingAddress: address.optional(),
    /** Freight negotiated for the whole cart: charged once, on the first draft. */
    shipping: z.object({ title: z.string().min(1).max(255), price: money }).optional(),
    lines: z.array(line).min(1).optional(),
    linesCsv: z.string().min(1).optional(),
  })
  .refine((c) => (c.lines === undefined) !== (c.linesCsv === undefined), 'give exactly one of lines and linesCsv');

export type CartLine = { sku: string; variantId?: undefined; quantity: number } | { sku?: undefined; variantId: string; quantity: number };

export interface CartRequest {
  shop: string;
  companyLocationId: string;
  companyContactId: string | null;
  email: string | null;
  poNumber: string | null;
  note: string | null;
  shippingAddress: z.infer<typeof address> | null;
  shipping: { title: string; price: string } | null;
  lines: CartLine[];
}

export interface CartProblem {
  path: string;
  message: string;
  /** The CSV row, when the problem is in `linesCsv`. */
  row?: number;
}

export type CartParseResult = { ok: true; cart: CartRequest } | { ok: false; problems: CartProblem[] };

export function parseCartRequest(body: unknown, options: { maxLines: number }): CartParseResult {
  const parsed = cartBody.safeParse(body);
  if (!parsed.success) {
    return { ok: false, problems: parsed.error.issues.slice(0, 100).map((i) => ({ path: i.path.join('.') || '(body)', message: i.message })) };
  }
  const c = parsed.data;
  let lines: CartLine[];
  if (c.linesCsv !== undefined) {
    const csv = parseCsvLines(c.linesCsv, { maxQuantity: MAX_LINE_QUANTITY });
    if (!csv.ok) return { ok: false, problems: csv.errors.map((e) => ({ path: 'linesCsv', row: e.row, message: `row ${e.row}: ${e.message}` })) };
    lines = csv.lines.map((l) => ({ sku: l.sku, quantity: l.quantity }));
    if (lines.length === 0) return { ok: false, problems: [{ path: 'linesCsv', message: 'no lines' }] };
  } else {
    lines = c.lines!.map((l) => (l.sku !== undefined ? { sku: l.sku, quantity: l.quantity } : { variantId: l.variantId!, quantity: l.quantity }));
  }
  if (lines.length > options.maxLines) return { ok: false, problems: [{ path: 'lines', message: `${lines.length} lines; a cart holds at most ${options.maxLines}` }] };
  return {
    ok: true,
    cart: {
      shop: c.shop,
      companyLocationId: c.companyLocationId,
      companyContactId: c.companyContactId ?? null,
      email: c.email ?? null,
      poNumber: c.poNumber ?? null,
      note: c.note ?? null,
      shippingAddress: c.shippingAddress ?? null,
      shipping: c.shipping ?? null,
      lines,
    },
  };
}
