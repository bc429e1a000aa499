/**
 * The split engine: which lines go into which draft order. Pure and deterministic.
 *
 * Lines are grouped by the warehouse routing assigned them (a draft ships from one
 * place); each group is cut into ceil(n / maxLines) drafts — the fewest that hold it —
 * of balanced sizes (they differ by at most one line), keeping the cart's line order.
 * Groups are ordered by warehouse ID (unrouted last), so the same cart always gives the
 * same plan.
 */

export interface PlannedDraft {
  /** 0-based position in the group of drafts ("index + 1 of drafts.length"). */
  index: number;
  locationGid: string | null;
  /** Indexes into the cart's lines, ascending. */
  lineIndexes: number[];
}

export interface SplitPlan {
  maxLinesPerDraft: number;
  drafts: PlannedDraft[];
}

export function planSplit(assignments: readonly (string | null)[], maxLinesPerDraft: number): SplitPlan {
  if (!Number.isInteger(maxLinesPerDraft) || maxLinesPerDraft < 1) throw new RangeError(`maxLinesPerDraft must be a positive integer, not ${maxLinesPerDraft}`);
  const groups = new Map<string | null, number[]>();
  assignments.forEach((location, i) => {
    let group = groups.get(location);
    if (!group) groups.set(location, (group = []));
    group.push(i);
  });
  const order = [...groups.keys()].sort((a, b) => (a === b ? 0 : a === null ? 1 : b === null ? -1 : a < b ? -1 : 1));
  const drafts: PlannedDraft[] = [];
  for (const location of order) {
    const lines = groups.get(location)!;
    const count = Math.ceil(lines.length / maxLinesPerDraft);
    const small = Math.floor(lines.length / count);
    const bigger = lines.length % count; // the first `bigger` drafts take one more line
    let at = 0;
    for (let k = 0; k < count; k++) {
      const size = small + (k < bigger ? 1 : 0);
      drafts.push({ index: drafts.length, locationGid: location, lineIndexes: lines.slice(at, at + size) });
      at += size;
    }
  }
  return { maxLinesPerDraft, drafts };
}
