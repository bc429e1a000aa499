import type pg from 'pg';
import type { Db } from '../db/client';
import { errorMessage } from '../errors';
import type { Logger } from '../logger';
import { createApproverRepository } from '../repositories/approverRepository';
import { DEMO_LOCATION, seedDemoRules } from './seedDemoRules';

const DEMO_APPROVER = 'Dana Demo (local)';

/**
 * Under `npm start` with the simulator: imports the demo shop's catalog through the real
 * path (our own API → Bulk Operation → COPY → merge) once, then writes its B2B rules and one
 * approver. Runs in the background; says what it did, never stops the service. The approver
 * token is printed only when the approver is created (only its hash is stored).
 */
export async function seedLocalDemoShop(deps: { apiUrl: string; pool: pg.Pool; db: Db; shop: string; logger: Logger; print: (line: string) => void }): Promise<void> {
  try {
    const { rows } = await deps.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM product_variants WHERE shop = $1', [deps.shop]);
    if (rows[0]!.n === 0) {
      const started = await fetch(`${deps.apiUrl}/imports/catalog`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ shop: deps.shop, trigger: 'api' }) });
      const { importId } = (await started.json()) as { importId?: string };
      if (!importId) throw new Error(`the catalog import did not start (HTTP ${started.status})`);
      for (;;) {
        await new Promise((r) => setTimeout(r, 2_000));
        const status = (await (await fetch(`${deps.apiUrl}/imports/${importId}`)).json()) as { status: string; lines: number; error: string | null };
        if (status.status === 'failed') throw new Error(`catalog import failed: ${status.error}`);
        if (status.status === 'completed') break;
      }
    }
    const rules = await seedDemoRules(deps.pool, deps.shop);
    const approvers = createApproverRepository(deps.db);
    const existing = await deps.pool.query('SELECT 1 FROM approvers WHERE shop = $1 AND name = $2', [deps.shop, DEMO_APPROVER]);
    const token = existing.rowCount ? undefined : (await approvers.create({ shop: deps.shop, name: DEMO_APPROVER, companyLocationGids: [DEMO_LOCATION] })).token;
    deps.print(
      [
        '',
        `Demo shop ${deps.shop} is seeded: its catalog imported, company location ${DEMO_LOCATION} needing approval`,
        `  with negotiated prices on its first SKUs, a quota of 40/month on ${rules.quotaVariant.sku}, packs of 6 on ${rules.casePackSku}.`,
        token ? `  Approver token (shown once): ${token}` : '  Approver: created on an earlier start (its token was printed then).',
        '',
      ].join('\n'),
    );
  } catch (err) {
    deps.logger.warn({ shop: deps.shop, err: errorMessage(err) }, 'demo shop not seeded');
  }
}
