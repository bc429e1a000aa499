import { temporal } from '@temporalio/proto';
import type { NativeConnection } from '@temporalio/worker';
import type { Logger } from '../logger';
import { B2B_SEARCH_ATTRIBUTES } from '../workflows/searchAttributes';

/**
 * Registers our search attributes on the namespace (idempotent: existing ones are kept).
 * Runs before the worker polls, so every workflow it starts can carry them. Where the
 * operator API is not ours to call (Temporal Cloud), an operator registers them instead;
 * the failure is logged, not fatal.
 */
export async function registerSearchAttributes(connection: NativeConnection, namespace: string, logger: Logger): Promise<void> {
  const wanted = Object.fromEntries(B2B_SEARCH_ATTRIBUTES.map((k) => [k.name, temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD]));
  try {
    const existing = await connection.operatorService.listSearchAttributes({ namespace });
    const missing = Object.fromEntries(Object.entries(wanted).filter(([name]) => !(name in (existing.customAttributes ?? {}))));
    if (Object.keys(missing).length === 0) return;
    await connection.operatorService.addSearchAttributes({ namespace, searchAttributes: missing });
    logger.info({ namespace, added: Object.keys(missing) }, 'search attributes registered');
  } catch (err) {
    logger.error({ namespace, err: err instanceof Error ? err.message : String(err) }, 'could not register search attributes; register B2bShop, B2bTopic, B2bCompanyLocation, B2bCartGroup (Keyword) on the namespace');
  }
}
