import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import { DependencyUnavailableError, errorMessage } from '../errors';

/** `temporal server start-dev` serves its Web UI here unless told otherwise. */
export const DEV_SERVER_UI_URL = 'http://localhost:8233';

export interface WorkflowStatus {
  workflowId: string;
  runId: string;
  type: string;
  status: string;
  taskQueue: string;
  startTime: Date;
  executionTime: Date | null;
  closeTime: Date | null;
  historyLength: number;
  webUiUrl: string;
}

export type WorkflowStatusResult = { outcome: 'found'; workflow: WorkflowStatus } | { outcome: 'not_found' };

/** Where the Temporal Web UI shows a workflow (its latest run): the link answers carry. */
export type WorkflowUrl = (workflowId: string) => string;

export function workflowUrlBuilder(uiUrl: string | undefined, namespace: string): WorkflowUrl {
  const base = (uiUrl ?? DEV_SERVER_UI_URL).replace(/\/+$/, '');
  return (workflowId) => `${base}/namespaces/${encodeURIComponent(namespace)}/workflows/${encodeURIComponent(workflowId)}`;
}

/** Where the Temporal Web UI shows one run's history. */
export function workflowUiUrl(uiUrl: string, namespace: string, workflowId: string, runId: string): string {
  return `${uiUrl.replace(/\/+$/, '')}/namespaces/${encodeURIComponent(namespace)}/workflows/${encodeURIComponent(workflowId)}/${encodeURIComponent(runId)}/history`;
}

/**
 * The state of any workflow (the latest run of the ID), for operators: `GET /workflows/:id`.
 * The call is bounded so a Temporal outage answers 503 quickly instead of hanging the CLI.
 */
export function createWorkflowStatusReader(deps: { temporal: Client; uiUrl: string | undefined; timeoutMs?: number }) {
  const uiUrl = deps.uiUrl ?? DEV_SERVER_UI_URL;
  const namespace = deps.temporal.options.namespace;
  return {
    async describe(workflowId: string): Promise<WorkflowStatusResult> {
      let info;
      try {
        info = await deps.temporal.connection.withDeadline(Date.now() + (deps.timeoutMs ?? 5_000), () => deps.temporal.workflow.getHandle(workflowId).describe());
      } catch (err) {
        if (err instanceof WorkflowNotFoundError) return { outcome: 'not_found' };
        throw new DependencyUnavailableError(`the workflow could not be read (Temporal unavailable): ${errorMessage(err)}; retry`, 'TEMPORAL_UNAVAILABLE');
      }
      return {
        outcome: 'found',
        workflow: {
          workflowId: info.workflowId,
          runId: info.runId,
          type: info.type,
          status: info.status.name,
          taskQueue: info.taskQueue,
          startTime: info.startTime,
          executionTime: info.executionTime ?? null,
          closeTime: info.closeTime ?? null,
          historyLength: info.historyLength,
          webUiUrl: workflowUiUrl(uiUrl, namespace, info.workflowId, info.runId),
        },
      };
    },
  };
}

export type WorkflowStatusReader = ReturnType<typeof createWorkflowStatusReader>;
