import type { MetafieldValue } from './locationConstraints';

/**
 * What a sync run sends: only values whose hash differs from what we last pushed, and
 * deletions of keys an owner no longer needs. Pure; the activity hashes and carries it out.
 */
export interface DesiredValue extends MetafieldValue {
  ownerGid: string;
  hash: string;
}

export interface PushedState {
  ownerGid: string;
  key: string;
  valueHash: string;
  compareDigest: string | null;
}

export interface PlannedWrite extends DesiredValue {
  /** The digest Shopify gave our last write; null: we never wrote it, so it must not exist yet. */
  compareDigest: string | null;
}

export interface SyncPlan {
  writes: PlannedWrite[];
  deletes: { ownerGid: string; key: string }[];
  unchanged: number;
}

const id = (ownerGid: string, key: string) => `${ownerGid}\u0000${key}`;

/**
 * `ownersInScope`: the owners this run computed. Only their stale keys are deleted — an
 * owner outside the run (a dirty-only run) keeps what it has.
 */
export function planSync(desired: readonly DesiredValue[], pushed: readonly PushedState[], ownersInScope: ReadonlySet<string>): SyncPlan {
  const before = new Map(pushed.map((p) => [id(p.ownerGid, p.key), p]));
  const wanted = new Set(desired.map((d) => id(d.ownerGid, d.key)));
  const writes: PlannedWrite[] = [];
  let unchanged = 0;
  for (const d of desired) {
    const last = before.get(id(d.ownerGid, d.key));
    if (last?.valueHash === d.hash) unchanged++;
    else writes.push({ ...d, compareDigest: last?.compareDigest ?? null });
  }
  const deletes = pushed.filter((p) => ownersInScope.has(p.ownerGid) && !wanted.has(id(p.ownerGid, p.key))).map((p) => ({ ownerGid: p.ownerGid, key: p.key }));
  return { writes, deletes, unchanged };
}
