import { productExists, variantCount, type CatalogVersion } from '../catalog/catalogSpec';
import { productUpdatedAt } from '../catalog/catalogValues';
import { locationView, productView, variantView } from '../catalog/catalogViews';
import type { View } from '../graphql/view';
import type { BulkQueryPlan } from './bulkQueryPlan';

/**
 * Everything that decides the bytes of one bulk export file. The file is never stored:
 * any byte range is regenerated from this spec, so it must stay immutable for the life
 * of the operation (the catalog version is the snapshot the export started from).
 *
 * The file is cut into chunks of `chunkSize` root objects; a chunk's lines depend only on
 * the spec and the chunk number, which is what lets a Range request start mid-file.
 */
export interface BulkFileSpec {
  plan: BulkQueryPlan;
  catalog: CatalogVersion;
  groupObjects: boolean;
  chunkSize: number;
  /** 1-based line to corrupt (an injected fault), or null. */
  malformedLine: number | null;
}

export function rootCount(spec: BulkFileSpec): number {
  switch (spec.plan.root) {
    case 'products':
      return spec.catalog.spec.products;
    case 'productVariants':
      return variantCount(spec.catalog.spec);
    case 'locations':
      return spec.catalog.spec.locations;
    default: {
      const unreachable: never = spec.plan.root;
      throw new Error(`unknown bulk root ${String(unreachable)}`);
    }
  }
}

export const chunkCount = (spec: BulkFileSpec): number => Math.ceil(rootCount(spec) / spec.chunkSize);

/** The root views of a chunk, in id order, without deleted products or filtered-out ones. */
export function chunkRoots(spec: BulkFileSpec, chunk: number): View[] {
  const { catalog } = spec;
  const from = chunk * spec.chunkSize;
  const to = Math.min(rootCount(spec), from + spec.chunkSize);
  const keep = rootFilter(spec);
  const views: View[] = [];
  for (let n = from; n < to; n += 1) {
    if (spec.plan.root === 'products') {
      if (productExists(catalog, n) && keep(n)) views.push(productView(catalog, n));
    } else if (spec.plan.root === 'productVariants') {
      const i = Math.floor(n / catalog.spec.variantsPerProduct);
      if (productExists(catalog, i) && keep(i)) views.push(variantView(catalog, n));
    } else views.push(locationView(catalog, n));
  }
  return views;
}

/**
 * `query:` on the root connection: `updated_at:>…`, `updated_at:>=…`, `updated_at:<…`
 * (incremental exports). Anything else was refused when the operation was created.
 */
export function rootFilter(spec: BulkFileSpec): (productIndex: number) => boolean {
  const query = spec.plan.rootArgs.query;
  if (typeof query !== 'string' || query.trim() === '') return () => true;
  const tests = parseUpdatedAtFilter(query);
  if (!tests) return () => true;
  return (i) => tests.every((test) => test(productUpdatedAt(spec.catalog, i)));
}

export function parseUpdatedAtFilter(query: string): ((ms: number) => boolean)[] | undefined {
  const terms = query.trim().split(/\s+(?:AND\s+)?/i);
  const tests: ((ms: number) => boolean)[] = [];
  for (const term of terms) {
    const m = /^updated_at:(>=|<=|>|<)['"]?([^'"]+)['"]?$/.exec(term);
    const at = m ? Date.parse(m[2]!) : NaN;
    if (!m || Number.isNaN(at)) return undefined;
    const op = m[1];
    tests.push((ms) => (op === '>' ? ms > at : op === '>=' ? ms >= at : op === '<' ? ms < at : ms <= at));
  }
  return tests;
}
