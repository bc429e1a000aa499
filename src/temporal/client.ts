import { Client } from '@temporalio/client';
import { createDrainingConnection } from './drainingConnection';

/**
 * A lazy connection: the API must start (and keep recording webhooks in PostgreSQL) while
 * Temporal is down, so nothing here waits for the server. gRPC reconnects on its own.
 */
export function createTemporalClient(address: string, namespace: string): Client {
  const connection = createDrainingConnection({ address });
  return new Client({ connection, namespace });
}

/** A cheap call that proves the frontend answers, bounded so /readyz stays fast. */
export async function pingTemporal(client: Client, timeoutMs = 2_000): Promise<void> {
  await client.connection.withDeadline(Date.now() + timeoutMs, () =>
    client.workflowService.getSystemInfo({}),
  );
}
