import express, { Router, type RequestHandler } from 'express';
import { z } from 'zod';
import type { CatalogImportStarter } from '../../catalog/catalogImportStarter';
import type { CatalogImportRepository, CatalogImportRow } from '../../repositories/catalogImportRepository';
import { normalizeShopDomain } from '../../shopify/shopDomain';
import type { WorkflowUrl } from '../../temporal/workflowStatus';

const startBody = z.object({
  shop: z.string().transform((value, ctx) => normalizeShopDomain(value) ?? (ctx.addIssue({ code: 'custom', message: 'must be a *.myshopify.com domain' }), z.NEVER)),
  trigger: z.enum(['api', 'cli']).default('api'),
});
const idParams = z.object({ id: z.uuid() });

const statusUrl = (id: string) => `/imports/${id}`;

/** What `GET /imports/:id` answers: state, counts and progress of one import. */
export function importView(row: CatalogImportRow) {
  return {
    id: row.id,
    shop: row.shop,
    status: row.status,
    trigger: row.trigger,
    workflowId: row.workflowId,
    bulkOperationId: row.bulkOperationId,
    exportStartedAt: row.exportStartedAt,
    bytes: { loaded: row.bytesLoaded, total: row.fileBytes },
    lines: row.linesLoaded,
    rejectedLines: row.rejectedLines,
    progress: row.status === 'completed' ? 1 : row.fileBytes ? Math.min(1, row.bytesLoaded / row.fileBytes) : 0,
    stats: row.stats,
    error: row.error,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    finishedAt: row.finishedAt,
  };
}

/** `POST /imports/catalog` starts a full import of a shop; `GET /imports/:id` follows it. */
export function catalogImportRoutes({ starter, imports, auth, workflowUrl }: { starter: CatalogImportStarter; imports: CatalogImportRepository; auth: RequestHandler; workflowUrl: WorkflowUrl }): Router {
  const router = Router();
  router.post('/imports/catalog', auth, express.json({ limit: '16kb' }), async (req, res) => {
    const parsed = startBody.safeParse(req.body ?? {});
    if (!parsed.success) {
      res.status(400).json({ error: { code: 'BODY_INVALID', message: 'expected {"shop": "<name>.myshopify.com"}', details: parsed.error.issues.map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`) } });
      return;
    }
    const result = await starter.start(parsed.data.shop, parsed.data.trigger);
    switch (result.outcome) {
      case 'started':
        res.status(202).json({ importId: result.importId, workflowId: result.workflowId, workflowUrl: workflowUrl(result.workflowId), status: 'exporting', statusUrl: statusUrl(result.importId) });
        return;
      case 'already_running':
        res.status(409).json({
          error: { code: 'IMPORT_ALREADY_RUNNING', message: `${parsed.data.shop} already has an import running` },
          importId: result.active.id,
          statusUrl: statusUrl(result.active.id),
        });
        return;
      case 'shop_not_installed':
        res.status(422).json({ error: { code: 'SHOP_NOT_INSTALLED', message: `${parsed.data.shop} has not installed the app` } });
        return;
      default: {
        const unreachable: never = result;
        throw new Error(`unhandled outcome ${JSON.stringify(unreachable)}`);
      }
    }
  });

  router.get('/imports/:id', auth, async (req, res) => {
    const parsed = idParams.safeParse(req.params);
    if (!parsed.success) {
      res.status(400).json({ error: { code: 'IMPORT_ID_INVALID', message: 'import ID must be a UUID' } });
      return;
    }
    const row = await imports.get(parsed.data.id);
    if (!row) {
      res.status(404).json({ error: { code: 'IMPORT_NOT_FOUND', message: 'no such import' } });
      return;
    }
    res.json(importView(row));
  });
  return router;
}
