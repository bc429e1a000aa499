import fc from 'fast-check';
import { planSplit } from './splitPlan';

const locations = fc.array(fc.option(fc.constantFrom('gid://shopify/Location/1', 'gid://shopify/Location/2', 'gid://shopify/Location/3'), { nil: null }), { maxLength: 3_000 });
const limits = fc.integer({ min: 1, max: 600 });

describe('planSplit', () => {
  it('puts every line in exactly one draft, at most maxLines per draft, one warehouse per draft', () => {
    fc.assert(
      fc.property(locations, limits, (assignments, max) => {
        const plan = planSplit(assignments, max);
        const seen = plan.drafts.flatMap((d) => d.lineIndexes).sort((a, b) => a - b);
        expect(seen).toEqual(assignments.map((_, i) => i));
        for (const d of plan.drafts) {
          expect(d.lineIndexes.length).toBeGreaterThan(0);
          expect(d.lineIndexes.length).toBeLessThanOrEqual(max);
          expect(d.lineIndexes.every((i) => assignments[i] === d.locationGid)).toBe(true);
        }
        plan.drafts.forEach((d, i) => expect(d.index).toBe(i));
      }),
    );
  });

  it('uses the fewest drafts the grouping allows, balanced within one line, keeping line order', () => {
    fc.assert(
      fc.property(locations, limits, (assignments, max) => {
        const plan = planSplit(assignments, max);
        const groups = new Map<string | null, number>();
        for (const a of assignments) groups.set(a, (groups.get(a) ?? 0) + 1);
        const minimum = [...groups.values()].reduce((n, size) => n + Math.ceil(size / max), 0);
        expect(plan.drafts).toHaveLength(minimum);
        for (const location of groups.keys()) {
          const sizes = plan.drafts.filter((d) => d.locationGid === location).map((d) => d.lineIndexes.length);
          expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
          const order = plan.drafts.filter((d) => d.locationGid === location).flatMap((d) => d.lineIndexes);
          expect(order).toEqual([...order].sort((a, b) => a - b));
        }
      }),
    );
  });

  it('is deterministic: the same input gives the same plan', () => {
    fc.assert(fc.property(locations, limits, (assignments, max) => expect(planSplit(assignments, max)).toEqual(planSplit([...assignments], max))));
  });

  it('splits 1,200 unrouted lines at 499 into 3 drafts of 400', () => {
    expect(planSplit(new Array(1_200).fill(null), 499).drafts.map((d) => d.lineIndexes.length)).toEqual([400, 400, 400]);
    expect(planSplit(new Array(499).fill(null), 499).drafts).toHaveLength(1);
    expect(planSplit(new Array(500).fill(null), 499).drafts.map((d) => d.lineIndexes.length)).toEqual([250, 250]);
    expect(planSplit([], 499).drafts).toEqual([]);
  });

  it('refuses a limit that is not a positive integer', () => {
    expect(() => planSplit([null], 0)).toThrow(RangeError);
  });
});
