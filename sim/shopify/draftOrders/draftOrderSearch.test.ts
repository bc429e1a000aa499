import type { DraftOrderRecord } from './draftOrderModel';
import { draftOrderFilter } from './draftOrderSearch';

const draft = (over: Partial<DraftOrderRecord>): DraftOrderRecord =>
  ({ id: 1, name: '#D1', status: 'OPEN', tags: [], ...over }) as DraftOrderRecord;

describe('draftOrderFilter', () => {
  it.each([
    ['tag:split-42', { tags: ['split-42'] }, true],
    ['tag:split-42', { tags: ['split-43'] }, false],
    ['tag:"cart 7"', { tags: ['cart 7'] }, true],
    ['tag:a AND status:open', { tags: ['a'], status: 'OPEN' as const }, true],
    ['tag:a status:completed', { tags: ['a'], status: 'OPEN' as const }, false],
    ['-tag:a', { tags: ['a'] }, false],
    ['vendor:acme', {}, true],
    ['', {}, true],
  ])('query %s on %j matches: %s', (query, over, expected) => {
    expect(draftOrderFilter(query)(draft(over))).toBe(expected);
  });
});
