import type { DraftOrderRecord } from './draftOrderModel';

/**
 * The part of Shopify's search syntax the simulator understands for `draftOrders(query:)`:
 * `tag:<t>` (a client finds its own draft by tag after losing a response), `status:<s>`,
 * `id:<n>` and `name:<#D1>`; terms are ANDed (whitespace or `AND`), values may be quoted,
 * and `-` negates. Other terms are ignored, as Shopify ignores filters it does not know.
 * https://shopify.dev/docs/api/usage/search-syntax
 */
type Term = { field: string; value: string; negated: boolean };

const TERM = /(-?)([A-Za-z_]+):(?:"([^"]*)"|'([^']*)'|(\S+))/g;

export function parseSearchQuery(query: string): Term[] {
  const terms: Term[] = [];
  for (const m of query.matchAll(TERM)) {
    terms.push({ negated: m[1] === '-', field: m[2]!.toLowerCase(), value: (m[3] ?? m[4] ?? m[5] ?? '').toLowerCase() });
  }
  return terms;
}

function matches(draft: DraftOrderRecord, term: Term): boolean | undefined {
  switch (term.field) {
    case 'tag':
      return draft.tags.some((tag) => tag.toLowerCase() === term.value);
    case 'status':
      return draft.status.toLowerCase() === term.value;
    case 'id':
      return String(draft.id) === term.value || `gid://shopify/draftorder/${draft.id}` === term.value;
    case 'name':
      return draft.name.toLowerCase() === term.value || draft.name.toLowerCase() === `#${term.value}`;
    default:
      return undefined;
  }
}

export function draftOrderFilter(query: string | null | undefined): (draft: DraftOrderRecord) => boolean {
  const terms = parseSearchQuery(query ?? '');
  return (draft) =>
    terms.every((term) => {
      const hit = matches(draft, term);
      return hit === undefined ? true : hit !== term.negated;
    });
}
