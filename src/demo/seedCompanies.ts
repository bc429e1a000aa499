import type { Pool } from 'pg';
import { expectStatus, waitUntil, type DemoClient } from './demoClient';
import { companyWebhooks, type DemoLocation } from './demoShop';

/**
 * The companies and their locations arrive as they do from Shopify: the simulated shop
 * sends signed `companies/create` and `company_locations/create` webhooks to our API, which
 * records them in the inbox, and the webhook workflows write the rows. (The simulator
 * models no Shopify companies, so it is told what to send.) Re-sending on the next start
 * is harmless: same `updated_at`, so the version guard keeps the rows as they are.
 */
export async function deliverCompanies(client: DemoClient, pool: Pool, shop: string, locations: readonly DemoLocation[], timeoutMs = 60_000): Promise<string[]> {
  const webhookIds: string[] = [];
  for (const location of locations) {
    for (const webhook of companyWebhooks(location)) {
      const sent = expectStatus(`webhook ${webhook.topic}`, await client.sim('POST', `/_sim/shops/${shop}/webhooks`, webhook), 202);
      webhookIds.push(sent.webhookId);
    }
  }
  const gids = locations.map((l) => l.gid);
  await waitUntil(
    'company locations written by their webhooks',
    async () => {
      const { rows } = await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM company_locations WHERE shop = $1 AND gid = ANY($2::text[]) AND deleted_at IS NULL', [shop, gids]);
      return rows[0]!.n === gids.length ? true : undefined;
    },
    timeoutMs,
  );
  return webhookIds;
}
