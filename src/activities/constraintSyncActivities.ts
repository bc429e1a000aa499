import { createHash } from 'node:crypto';
import { ApplicationFailure, Context } from '@temporalio/activity';
import { ConstraintsTooLargeError, locationMetafields, shopWideMetafields, type MetafieldValue } from '../domain/constraints/locationConstraints';
import { NAMESPACE } from '../domain/constraints/metafieldKeys';
import { planSync, type DesiredValue, type PlannedWrite } from '../domain/constraints/syncPlan';
import { classifyDbError, sqlState } from '../db/errors';
import { errorMessage } from '../errors';
import type { Logger } from '../logger';
import type { ConstraintSourceRepository } from '../repositories/constraintSourceRepository';
import type { MetafieldSyncStateRepository } from '../repositories/metafieldSyncStateRepository';
import type { ShopAdminClient } from '../shopify/client/adminClient';
import { ShopNotInstalledError, type ShopClients } from '../shopify/client/shopClients';
import { AdminOperations } from '../shopify/operations';

/**
 * Constraints → metafields: computes from PostgreSQL what checkout needs, per company
 * location and shop-wide, and pushes only what changed since the last push.
 */
export interface ConstraintSyncRequest {
  shop: string;
  /** `full`: every location and the shop-wide rules; `dirty`: the locations marked since their last push. */
  mode: 'full' | 'dirty';
}

export interface ConstraintSyncResult {
  owners: number;
  written: number;
  deleted: number;
  unchanged: number;
  /** metafieldsSet / metafieldsDelete calls made. */
  calls: number;
  /** Owners refused with STALE_OBJECT (changed by someone else), recomputed and rewritten. */
  recomputed: number;
  /** Locations whose rules do not fit checkout's limits: left as they were, reported. */
  tooLarge: { ownerGid: string; reason: string }[];
  /** Marks made while this run worked: the workflow runs again for them. */
  dirtyLeft: number;
}

export interface ConstraintSyncActivities {
  syncConstraints(request: ConstraintSyncRequest): Promise<ConstraintSyncResult>;
}

export interface ConstraintSyncSettings {
  /** Locations computed per batch of statements. */
  batchSize: number;
  /** metafieldsSet calls in flight at once (the Admin client still paces them by cost). */
  concurrency: number;
}

export const DEFAULT_CONSTRAINT_SYNC_SETTINGS: ConstraintSyncSettings = { batchSize: 500, concurrency: 4 };

/** Shopify's limit: https://shopify.dev/docs/api/admin-graphql/2026-07/mutations/metafieldsSet */
export const METAFIELDS_PER_CALL = 25;

export interface ConstraintSyncDeps {
  sources: ConstraintSourceRepository;
  state: MetafieldSyncStateRepository;
  shopify: ShopClients;
  settings: ConstraintSyncSettings;
  logger: Logger;
}

const hashOf = (v: MetafieldValue) => createHash('sha256').update(`${v.type}\n${v.value}`).digest('hex');
const desired = (ownerGid: string, values: readonly MetafieldValue[]): DesiredValue[] => values.map((v) => ({ ...v, ownerGid, hash: hashOf(v) }));

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Runs `work` over `items` with at most `limit` at once. */
async function pooled<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) await work(items[next++]!);
    }),
  );
}

export function createConstraintSyncActivities(deps: ConstraintSyncDeps): ConstraintSyncActivities {
  const { sources, state, settings, logger } = deps;

  return {
    async syncConstraints(request) {
      try {
        return await syncOnce(request);
      } catch (err) {
        // A statement PostgreSQL refuses for what it is (not for being unreachable) will be
        // refused again: fail the run visibly; the next scheduled run tries afresh.
        if (sqlState(err) && classifyDbError(err) === 'data') throw ApplicationFailure.nonRetryable(errorMessage(err), 'CONSTRAINT_SYNC_DATA_ERROR');
        throw err;
      }
    },
  };

  async function syncOnce({ shop, mode }: ConstraintSyncRequest): Promise<ConstraintSyncResult> {
    const ctx = Context.current();
    let client: ShopAdminClient;
    try {
      client = await deps.shopify.forShop(shop);
    } catch (err) {
      if (err instanceof ShopNotInstalledError) throw ApplicationFailure.nonRetryable(err.message, err.code);
      throw err;
    }
    const result: ConstraintSyncResult = { owners: 0, written: 0, deleted: 0, unchanged: 0, calls: 0, recomputed: 0, tooLarge: [], dirtyLeft: 0 };
    const marks = await sources.dirtyLocations(shop);
    const locations = mode === 'full' ? await sources.allLocations(shop) : marks.map((m) => m.gid);

    /** Values of these locations as PostgreSQL has them now. */
    const computeLocations = async (gids: readonly string[]): Promise<DesiredValue[]> => {
      const data = await sources.locationData(shop, gids);
      return gids.flatMap((gid) => {
        try {
          return desired(gid, locationMetafields(data.get(gid)!));
        } catch (err) {
          if (!(err instanceof ConstraintsTooLargeError)) throw err;
          result.tooLarge.push({ ownerGid: gid, reason: err.message });
          logger.warn({ shop, companyLocationId: gid, reason: err.message }, 'company location rules too large for checkout; left as they were');
          return [];
        }
      });
    };

    const send = async (writes: readonly PlannedWrite[], recompute: (owners: string[]) => Promise<DesiredValue[]>): Promise<void> => {
      await pooled(chunks(writes, METAFIELDS_PER_CALL), settings.concurrency, async (batch) => {
        const stale = await setBatch(client, batch, ctx.cancellationSignal, result, (written) => state.recordWritten(shop, written));
        ctx.heartbeat();
        if (stale.length === 0) return;
        // Someone else changed these since our last write (or our record of it is lost).
        // PostgreSQL is the truth: recompute them now and write unconditionally, so the
        // freshest value wins and nothing computed from older data overwrites it.
        const owners = [...new Set(stale.map((w) => w.ownerGid))];
        const fresh = (await recompute(owners)).filter((d) => stale.some((w) => w.ownerGid === d.ownerGid && w.key === d.key));
        result.recomputed += owners.length;
        for (const again of chunks(fresh, METAFIELDS_PER_CALL)) {
          await setBatch(client, again.map((d) => ({ ...d, compareDigest: undefined })), ctx.cancellationSignal, result, (written) => state.recordWritten(shop, written));
        }
      });
    };

    const carryOut = async (values: DesiredValue[], owners: readonly string[], recompute: (owners: string[]) => Promise<DesiredValue[]>) => {
      const plan = planSync(values, await state.forOwners(shop, owners), new Set(owners.filter((o) => !result.tooLarge.some((t) => t.ownerGid === o))));
      result.owners += owners.length;
      result.unchanged += plan.unchanged;
      await send(plan.writes, recompute);
      for (const batch of chunks(plan.deletes, METAFIELDS_PER_CALL)) {
        await client.request(AdminOperations.metafieldsDelete, { metafields: batch.map((d) => ({ ownerId: d.ownerGid, namespace: NAMESPACE, key: d.key })) }, { signal: ctx.cancellationSignal, idempotent: true });
        result.calls++;
        result.deleted += batch.length;
        await state.recordDeleted(shop, batch);
      }
    };

    for (const batch of chunks(locations, settings.batchSize)) {
      await carryOut(await computeLocations(batch), batch, computeLocations);
      ctx.heartbeat();
    }
    if (mode === 'full') {
      const shopWide = async (): Promise<DesiredValue[]> => [...shopWideMetafields(await sources.shopWide(shop))].flatMap(([gid, values]) => desired(gid, values));
      const values = await shopWide();
      const owners = [...new Set([...values.map((v) => v.ownerGid), ...(await state.shopWideOwners(shop))])];
      await carryOut(values, owners, async (only) => (await shopWide()).filter((v) => only.includes(v.ownerGid)));
    }
    // Only the marks this run saw: a location marked meanwhile stays marked. A location too
    // large for checkout is cleared too: pushing it again cannot help until its rules change.
    await sources.clearDirty(shop, marks);
    result.dirtyLeft = (await sources.dirtyLocations(shop)).length;
    logger.info({ shop, mode, ...result, tooLarge: result.tooLarge.length }, 'constraint sync finished');
    return result;
  }
}

/**
 * One metafieldsSet call. Shopify applies a call whole or not at all, so when some inputs
 * are STALE the others are sent again without them; the stale ones are returned.
 */
async function setBatch(
  client: ShopAdminClient,
  batch: readonly (Omit<PlannedWrite, 'compareDigest'> & { compareDigest?: string | null })[],
  signal: AbortSignal,
  result: ConstraintSyncResult,
  record: (written: { ownerGid: string; key: string; valueHash: string; compareDigest: string | null }[]) => Promise<void>,
): Promise<(typeof batch)[number][]> {
  let pending = [...batch];
  const stale: (typeof batch)[number][] = [];
  while (pending.length > 0) {
    const { data } = await client.request(
      AdminOperations.metafieldsSet,
      {
        metafields: pending.map((w) => ({
          ownerId: w.ownerGid,
          namespace: NAMESPACE,
          key: w.key,
          type: w.type,
          value: w.value,
          ...(w.compareDigest !== undefined ? { compareDigest: w.compareDigest } : {}),
        })),
      },
      // Repeating a write is harmless: the same value again, or STALE and then a recompute.
      { signal, idempotent: true, allowUserErrors: true },
    );
    result.calls++;
    const errors = data.metafieldsSet?.userErrors ?? [];
    if (errors.length === 0) {
      const digests = new Map((data.metafieldsSet?.metafields ?? []).map((m) => [`${m.owner && 'id' in m.owner ? m.owner.id : ''}\u0000${m.key}`, m.compareDigest]));
      await record(pending.map((w) => ({ ownerGid: w.ownerGid, key: w.key, valueHash: w.hash, compareDigest: digests.get(`${w.ownerGid}\u0000${w.key}`) ?? null })));
      result.written += pending.length;
      return stale;
    }
    const staleIndexes = new Set(errors.filter((e) => e.code === 'STALE_OBJECT' && e.elementIndex != null).map((e) => e.elementIndex!));
    const other = errors.filter((e) => !(e.code === 'STALE_OBJECT' && e.elementIndex != null));
    if (other.length > 0) {
      // Shopify refused our input itself: the same input would be refused again.
      throw ApplicationFailure.nonRetryable(`metafieldsSet refused: ${other.map((e) => `${e.field?.join('.') ?? ''} ${e.message}`).join('; ')}`, 'METAFIELDS_REFUSED');
    }
    stale.push(...pending.filter((_w, i) => staleIndexes.has(i)));
    pending = pending.filter((_w, i) => !staleIndexes.has(i));
  }
  return stale;
}
