import { GraphQLError } from 'graphql';

/**
 * A list behind a Relay connection field. Views return these from connection fields; the
 * field resolver pages them by the field's arguments, and bulk exports read `all()` for the
 * small child lists (variants of one product, levels of one item). Huge lists (a catalog's
 * variants) only page, from a cursor, without materialising anything else.
 */
export interface PageArgs {
  first?: number | null;
  last?: number | null;
  after?: string | null;
  before?: string | null;
  reverse?: boolean | null;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface Page<T> {
  edges: Edge<T>[];
  hasNextPage: boolean;
  hasPreviousPage: boolean;
}

export interface NodeList<T> {
  readonly kind: 'nodeList';
  all?(): T[];
  page(args: PageArgs): Page<T>;
}

export function isNodeList(value: unknown): value is NodeList<unknown> {
  return typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'nodeList';
}

/** Opaque cursors, like Shopify's: base64 of a sort key. */
export const encodeCursor = (key: number): string => Buffer.from(JSON.stringify({ k: key })).toString('base64url');

export function decodeCursor(cursor: string): number {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { k?: unknown };
    if (typeof parsed.k === 'number' && Number.isFinite(parsed.k)) return parsed.k;
  } catch {
    // fall through to the error below
  }
  throw new GraphQLError(`Invalid cursor for current pagination sort.`, { extensions: { code: 'BAD_REQUEST' } });
}

export function requirePageSize(args: PageArgs): void {
  if (args.first == null && args.last == null) {
    throw new GraphQLError('you must provide one of first or last', { extensions: { code: 'BAD_REQUEST' } });
  }
  for (const [name, value] of [['first', args.first], ['last', args.last]] as const) {
    if (value != null && value < 0) {
      throw new GraphQLError(`\`${name}\` cannot be negative`, { extensions: { code: 'BAD_REQUEST' } });
    }
  }
}

/** A list of items with numeric sort keys (ascending), paged both ways. */
export function arrayNodeList<T>(items: readonly T[], keyOf: (item: T, index: number) => number = (_item, index) => index): NodeList<T> {
  const keyed = items.map((node, index) => ({ key: keyOf(node, index), node })).sort((a, b) => a.key - b.key);
  return {
    kind: 'nodeList',
    all: () => keyed.map((entry) => entry.node),
    page(args) {
      requirePageSize(args);
      let window = args.reverse ? [...keyed].reverse() : keyed;
      const ahead = (key: number, cursor: number): boolean => (args.reverse ? key < cursor : key > cursor);
      const behind = (key: number, cursor: number): boolean => (args.reverse ? key > cursor : key < cursor);
      const before = window.length;
      if (args.after != null) {
        const cursor = decodeCursor(args.after);
        window = window.filter((entry) => ahead(entry.key, cursor));
      }
      const trimmedStart = window.length < before;
      if (args.before != null) {
        const cursor = decodeCursor(args.before);
        window = window.filter((entry) => behind(entry.key, cursor));
      }
      let hasNextPage = false;
      let hasPreviousPage = trimmedStart;
      if (args.first != null && window.length > args.first) {
        window = window.slice(0, args.first);
        hasNextPage = true;
      }
      if (args.last != null && window.length > args.last) {
        window = window.slice(window.length - args.last);
        hasPreviousPage = true;
      }
      return { edges: window.map((entry) => ({ cursor: encodeCursor(entry.key), node: entry.node })), hasNextPage, hasPreviousPage };
    },
  };
}

/** The object a `…Connection` type resolves from. */
export function toConnection<T>(page: Page<T>): {
  edges: Edge<T>[];
  nodes: T[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
} {
  return {
    edges: page.edges,
    nodes: page.edges.map((edge) => edge.node),
    pageInfo: {
      hasNextPage: page.hasNextPage,
      hasPreviousPage: page.hasPreviousPage,
      startCursor: page.edges[0]?.cursor ?? null,
      endCursor: page.edges[page.edges.length - 1]?.cursor ?? null,
    },
  };
}
