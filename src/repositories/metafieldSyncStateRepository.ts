import type pg from 'pg';
import type { PushedState } from '../domain/constraints/syncPlan';

/** What the sync last pushed per (owner, key): see the metafield_sync_state table. */
export function createMetafieldSyncStateRepository(pool: pg.Pool) {
  return {
    async forOwners(shop: string, ownerGids: readonly string[]): Promise<PushedState[]> {
      const { rows } = await pool.query<{ owner_gid: string; key: string; value_hash: string; compare_digest: string | null }>(
        'SELECT owner_gid, key, value_hash, compare_digest FROM metafield_sync_state WHERE shop = $1 AND owner_gid = ANY($2::text[])',
        [shop, ownerGids],
      );
      return rows.map((r) => ({ ownerGid: r.owner_gid, key: r.key, valueHash: r.value_hash, compareDigest: r.compare_digest }));
    },

    /** Owners (products and variants) that carry shop-wide rules we pushed. */
    async shopWideOwners(shop: string): Promise<string[]> {
      const { rows } = await pool.query<{ owner_gid: string }>(
        `SELECT DISTINCT owner_gid FROM metafield_sync_state WHERE shop = $1 AND owner_gid NOT LIKE 'gid://shopify/CompanyLocation/%'`,
        [shop],
      );
      return rows.map((r) => r.owner_gid);
    },

    async recordWritten(shop: string, written: readonly { ownerGid: string; key: string; valueHash: string; compareDigest: string | null }[]): Promise<void> {
      if (written.length === 0) return;
      await pool.query(
        `INSERT INTO metafield_sync_state (shop, owner_gid, key, value_hash, compare_digest)
         SELECT $1, * FROM unnest($2::text[], $3::text[], $4::text[], $5::text[])
         ON CONFLICT (shop, owner_gid, key) DO UPDATE SET value_hash = excluded.value_hash, compare_digest = excluded.compare_digest, synced_at = now()`,
        [shop, written.map((w) => w.ownerGid), written.map((w) => w.key), written.map((w) => w.valueHash), written.map((w) => w.compareDigest)],
      );
    },

    async recordDeleted(shop: string, deleted: readonly { ownerGid: string; key: string }[]): Promise<void> {
      if (deleted.length === 0) return;
      await pool.query('DELETE FROM metafield_sync_state s USING unnest($2::text[], $3::text[]) AS d(owner_gid, key) WHERE s.shop = $1 AND s.owner_gid = d.owner_gid AND s.key = d.key', [
        shop,
        deleted.map((d) => d.ownerGid),
        deleted.map((d) => d.key),
      ]);
    },
  };
}

export type MetafieldSyncStateRepository = ReturnType<typeof createMetafieldSyncStateRepository>;
