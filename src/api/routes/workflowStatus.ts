import { Router, type RequestHandler } from 'express';
import { z } from 'zod';
import type { WorkflowStatusReader } from '../../temporal/workflowStatus';

const params = z.object({ id: z.string().min(1).max(1000) });

/** `GET /workflows/:id` (operators): status, type, times and Web UI link of any workflow. */
export function workflowStatusRoutes({ workflows, auth }: { workflows: WorkflowStatusReader; auth: RequestHandler }): Router {
  const router = Router();
  router.get('/workflows/:id', auth, async (req, res) => {
    const parsed = params.safeParse(req.params);
    if (!parsed.success) return void res.status(400).json({ error: { code: 'WORKFLOW_ID_INVALID', message: 'workflow ID must be 1–1000 characters' } });
    const result = await workflows.describe(parsed.data.id);
    switch (result.outcome) {
      case 'found':
        return void res.json(result.workflow);
      case 'not_found':
        return void res.status(404).json({ error: { code: 'WORKFLOW_NOT_FOUND', message: `no workflow ${parsed.data.id}` } });
      default: {
        const unreachable: never = result;
        throw new Error(`unhandled ${JSON.stringify(unreachable)}`);
      }
    }
  });
  return router;
}
