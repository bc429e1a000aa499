import type { Pool } from 'pg';
import { expectStatus, type DemoClient } from './demoClient';
import { DEMO_APPROVER } from './demoShop';

export interface DemoApprover {
  approverId: string;
  name: string;
  token: string;
  /** Earlier demo approvers of this shop disabled by this rotation. */
  rotated: number;
}

/**
 * The demo approver, created through `POST /approvers` (the token is answered once, only
 * its hash is stored). Each seed **rotates** it: a token from an earlier start cannot be
 * shown again, so a re-seed creates a fresh approver and then disables the earlier ones of
 * the same name — exactly one demo approver stays active, and its token is on the screen.
 */
export async function rotateDemoApprover(client: DemoClient, pool: Pool, shop: string, companyLocationIds: readonly string[]): Promise<DemoApprover> {
  const created = expectStatus('approver', await client.api('POST', '/approvers', { shop, name: DEMO_APPROVER.name, email: DEMO_APPROVER.email, companyLocationIds }), 201);
  const { rowCount } = await pool.query('UPDATE approvers SET disabled_at = now() WHERE shop = $1 AND name = $2 AND id <> $3 AND disabled_at IS NULL', [shop, DEMO_APPROVER.name, created.approverId]);
  return { approverId: created.approverId, name: DEMO_APPROVER.name, token: created.token, rotated: rowCount ?? 0 };
}
