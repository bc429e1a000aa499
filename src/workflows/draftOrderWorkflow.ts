import { CancellationScope, condition, defineQuery, defineSignal, defineUpdate, isCancellation, log, patched, proxyActivities, setHandler } from '@temporalio/workflow';
import { msToNumber, type Duration } from '@temporalio/common/lib/time';
import type { ConstraintPushActivities } from '../activities/constraintPushActivities';
import type { CreatedDraft, DraftOrderActivities, PreparedCartSummary } from '../activities/draftOrderActivities';
import {
  APPROVE_SIGNAL,
  DECIDE_UPDATE,
  REJECT_SIGNAL,
  STATE_QUERY,
  type ApprovalDecision,
  type ApprovalDecisionInput,
  type CartWorkflowState,
  type DecideInput,
} from '../domain/carts/cartWorkflowContract';

export const approveSignal = defineSignal<[ApprovalDecisionInput]>(APPROVE_SIGNAL);
export const rejectSignal = defineSignal<[ApprovalDecisionInput]>(REJECT_SIGNAL);
export const stateQuery = defineQuery<CartWorkflowState>(STATE_QUERY);
export const decideUpdate = defineUpdate<ApprovalDecision, [DecideInput]>(DECIDE_UPDATE);

/**
 * Each Shopify step heartbeats while it runs (waiting for the shop's rate limit included):
 * a step whose worker died is retried elsewhere after `heartbeatTimeout`, while a slow but
 * live one is never replaced by a second attempt running beside it.
 */
const stepsWith = (heartbeatTimeout: Duration) =>
  proxyActivities<DraftOrderActivities>({
    startToCloseTimeout: '10 minutes',
    heartbeatTimeout,
    retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '30 seconds', maximumAttempts: 10 },
  });

/** Compensation must finish: it keeps trying far longer than the forward steps. */
const compensation = proxyActivities<DraftOrderActivities>({
  startToCloseTimeout: '5 minutes',
  retry: { initialInterval: '2 seconds', backoffCoefficient: 2, maximumInterval: '5 minutes', maximumAttempts: 100 },
});

// Best effort by design (the activity never fails): one attempt, short.
const constraintPush = proxyActivities<ConstraintPushActivities>({ startToCloseTimeout: '30 seconds', retry: { maximumAttempts: 1 } });

export interface DraftOrderWorkflowInput {
  groupId: string;
  /** From submission to auto-cancel when nobody decides. */
  approvalTimeout?: Duration;
  /** When to remind approvers (before the deadline). */
  reminderAfter?: Duration;
  /** How long a step (e.g. one draftOrderCreate) may go without a heartbeat before it is retried elsewhere; default 30 seconds. */
  stepTimeout?: Duration;
  /** Drafts created at once (each is one throttled draftOrderCreate). */
  createConcurrency?: number;
}

export type DraftOrderWorkflowResult = CartWorkflowState;

/**
 * One B2B cart → linked draft orders: prepare (validate, price, split; PostgreSQL only) →
 * create each planned draft exactly once → link them → wait for approval when required
 * (signals, reminder, deadline) → complete every draft, or delete every draft
 * (rejected, expired, failed or cancelled). Deterministic orchestration; every step is an
 * activity.
 */
export async function draftOrderWorkflow(input: DraftOrderWorkflowInput): Promise<DraftOrderWorkflowResult> {
  const state: CartWorkflowState = {
    groupId: input.groupId,
    status: 'received',
    drafts: [],
    approvalRequired: false,
    approvalDeadline: null,
    decision: null,
    error: null,
  };
  setHandler(stateQuery, () => state);
  const steps = stepsWith(input.stepTimeout ?? '30 seconds');
  // The first decision wins; later ones (a second approver, a retried request) change nothing.
  const decide = (decision: ApprovalDecision['decision']) => (d: ApprovalDecisionInput) => {
    if (state.decision !== null || typeof d?.approverName !== 'string') return;
    state.decision = { approverName: d.approverName, ...(d.approverId ? { approverId: d.approverId } : {}), ...(d.comment ? { comment: d.comment } : {}), decision, decidedAt: new Date().toISOString() };
  };
  setHandler(approveSignal, decide('approved'));
  setHandler(rejectSignal, decide('rejected'));
  setHandler(
    decideUpdate,
    (d) => {
      decide(d.decision)(d);
      return state.decision!;
    },
    {
      // Refused (nothing recorded) unless the cart is waiting for exactly this decision.
      validator: (d) => {
        if (d?.decision !== 'approved' && d?.decision !== 'rejected') throw new Error('decision must be approved or rejected');
        if (typeof d.approverName !== 'string' || d.approverName === '') throw new Error('approverName is required');
        if (state.status !== 'awaiting_approval') throw new Error(`the cart is ${state.status}, not awaiting approval`);
        if (state.decision !== null) throw new Error(`the cart was already ${state.decision.decision} by ${state.decision.approverName}`);
      },
    },
  );

  const setStatus = async (status: string, extra: { error?: string; approvalDeadline?: string; decision?: unknown } = {}, acts: DraftOrderActivities = steps) => {
    state.status = status;
    await acts.setCartStatus({ groupId: input.groupId, status: status as never, ...extra });
  };

  let prepared: PreparedCartSummary;
  try {
    prepared = await steps.prepareCart({ groupId: input.groupId });
  } catch (err) {
    // Nothing was created yet; the cart must not stay "received" for ever.
    await CancellationScope.nonCancellable(() => setStatus('failed', { error: isCancellation(err) ? 'cancelled' : message(err) }, compensation));
    throw err;
  }
  if (!prepared.valid) {
    state.status = 'invalid';
    state.error = `${prepared.problems} line(s) cannot be ordered`;
    return state;
  }
  const plan = prepared;
  state.status = 'creating';
  state.approvalRequired = plan.approvalRequired;
  /**
   * The cart took its reservation (creating) or gave it back (completed, failed, rejected,
   * expired): its location was marked dirty in that status's transaction (cartRepository);
   * this asks for the push now instead of at the next sync. Patched: carts started before
   * it existed replay without it.
   */
  const pushConstraints = async () => {
    if (!patched('constraint-push-on-cart')) return;
    await constraintPush.requestConstraintPush({ shop: plan.shop }).catch((err: unknown) => log.warn('constraint push not requested; the next sync pushes the marks', { error: message(err) }));
  };
  await pushConstraints();

  const concurrency = Math.max(1, input.createConcurrency ?? 4);
  /**
   * Runs `step` for every planned draft, `concurrency` at a time. A failure is raised only
   * once every step of its batch has settled, so compensation never runs beside a create
   * still in flight (which could leave a draft behind).
   */
  const eachDraft = async <T>(step: (index: number) => Promise<T>): Promise<T[]> => {
    const out: T[] = [];
    for (let i = 0; i < plan.drafts.length; i += concurrency) {
      const settled = await Promise.allSettled(plan.drafts.slice(i, i + concurrency).map((d) => step(d.index)));
      const failed = settled.find((r): r is PromiseRejectedResult => r.status === 'rejected');
      if (failed) throw failed.reason;
      out.push(...settled.map((r) => (r as PromiseFulfilledResult<T>).value));
    }
    return out;
  };
  try {
    const created: CreatedDraft[] = await eachDraft(async (index) => {
      const draft = await steps.createDraftOrder({ groupId: input.groupId, index });
      state.drafts = [...state.drafts, { index: draft.index, draftOrderGid: draft.draftOrderGid, name: draft.name }].sort((a, b) => a.index - b.index);
      return draft;
    });
    state.drafts = created.map((c) => ({ index: c.index, draftOrderGid: c.draftOrderGid, name: c.name }));
    await steps.linkDraftOrders({ groupId: input.groupId });

    if (plan.approvalRequired) {
      const timeout = msToNumber(input.approvalTimeout ?? '72 hours');
      const reminder = Math.min(msToNumber(input.reminderAfter ?? '48 hours'), timeout);
      state.approvalDeadline = new Date(Date.now() + timeout).toISOString();
      await setStatus('awaiting_approval', { approvalDeadline: state.approvalDeadline });
      let decided = await condition(() => state.decision !== null, reminder);
      if (!decided && reminder < timeout) {
        await steps.sendApprovalReminder({ groupId: input.groupId });
        decided = await condition(() => state.decision !== null, timeout - reminder);
      }
      if (!decided) {
        log.info('approval deadline passed; cancelling the drafts', { groupId: input.groupId });
        return await cancelGroup('expired', 'nobody approved the cart before its deadline');
      }
      if (state.decision!.decision === 'rejected') return await cancelGroup('rejected', state.decision!.comment ?? null);
    }

    await setStatus('completing', state.decision ? { decision: state.decision } : {});
    await eachDraft((index) => steps.completeDraftOrder({ groupId: input.groupId, index }));
    await setStatus('completed');
    await pushConstraints();
    return state;
  } catch (err) {
    if (state.status === 'completing') {
      // Some drafts may already be orders: they are recorded and linked, not orphans.
      // Deleting the rest would leave half a purchase, so an operator decides (state shows which).
      await CancellationScope.nonCancellable(async () => {
        await setStatus('failed', { error: message(err) }, compensation);
        await pushConstraints();
      });
      throw err;
    }
    await CancellationScope.nonCancellable(() => cancelGroup('failed', isCancellation(err) ? 'cancelled' : message(err)));
    throw err;
  }

  /** Deletes every draft of the group, then records the final status. */
  async function cancelGroup(status: 'rejected' | 'expired' | 'failed', reason: string | null): Promise<CartWorkflowState> {
    state.error = reason;
    await setStatus('cancelling', state.decision ? { decision: state.decision } : {}, compensation);
    await compensation.deleteGroupDraftOrders({ groupId: input.groupId });
    await setStatus(status, reason ? { error: reason } : {}, compensation);
    await pushConstraints();
    return state;
  }
}

function message(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  const cause = (err as { cause?: unknown }).cause;
  return cause instanceof Error ? cause.message : err.message;
}
