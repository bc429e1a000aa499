import { randomUUID } from 'node:crypto';
import { WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import { catalogImportWorkflowId } from '../domain/catalog/catalogImport';
import { B2B_SHOP } from '../workflows/searchAttributes';
import type { CatalogImportRepository, CatalogImportRow } from '../repositories/catalogImportRepository';
import type { ShopRepository } from '../repositories/shopRepository';
import type { CatalogImportInput } from '../workflows/catalogImportWorkflow';

export type StartImportOutcome =
  | { outcome: 'started'; importId: string; workflowId: string }
  | { outcome: 'already_running'; active: CatalogImportRow }
  | { outcome: 'shop_not_installed' };

/**
 * Starts a full catalog import of a shop, for the API (and through it the CLI). The
 * import is recorded first — a partial unique index allows one active import per shop,
 * whoever starts it — then its workflow `catalog-import-<shop>` is started; if Temporal
 * refuses, the record is marked failed so the shop is not left blocked.
 */
export function createCatalogImportStarter(deps: { temporal: Client; taskQueue: string; imports: CatalogImportRepository; shops: Pick<ShopRepository, 'accessToken'> }) {
  return {
    async start(shop: string, trigger: string): Promise<StartImportOutcome> {
      if (!(await deps.shops.accessToken(shop))) return { outcome: 'shop_not_installed' };
      const importId = randomUUID();
      const workflowId = catalogImportWorkflowId(shop);
      const recorded = await deps.imports.begin({ id: importId, shop, workflowId, trigger });
      if (recorded.id !== importId) return { outcome: 'already_running', active: recorded };
      const input: CatalogImportInput = { importId, shop, trigger };
      try {
        await deps.temporal.workflow.start('catalogImportWorkflow', {
          workflowId,
          taskQueue: deps.taskQueue,
          args: [input],
          workflowIdConflictPolicy: 'FAIL',
          workflowIdReusePolicy: 'ALLOW_DUPLICATE',
          typedSearchAttributes: [{ key: B2B_SHOP, value: shop }],
        });
      } catch (err) {
        await deps.imports.fail(importId, `could not start the workflow: ${err instanceof Error ? err.message : String(err)}`);
        if (err instanceof WorkflowExecutionAlreadyStartedError) {
          const active = (await deps.imports.activeFor(shop)) ?? recorded;
          return { outcome: 'already_running', active };
        }
        throw err;
      }
      return { outcome: 'started', importId, workflowId };
    },
  };
}

export type CatalogImportStarter = ReturnType<typeof createCatalogImportStarter>;
