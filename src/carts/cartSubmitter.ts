import { createHash, randomUUID } from 'node:crypto';
import { WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import type { CartSettings } from '../config/config';
import { classifyDbError } from '../db/errors';
import { B2B_CART_GROUP, B2B_COMPANY_LOCATION, B2B_SHOP } from '../workflows/searchAttributes';
import { DependencyUnavailableError } from '../errors';
import type { CartGroupRow } from '../db/schema';
import type { CartRequest } from '../domain/carts/cartRequest';
import { cartWorkflowId } from '../domain/carts/cartWorkflowContract';
import type { CartRepository } from '../repositories/cartRepository';
import type { DraftOrderWorkflowInput } from '../workflows/draftOrderWorkflow';

export type SubmitCartOutcome =
  | { outcome: 'accepted'; group: CartGroupRow; replayed: boolean }
  /** The Idempotency-Key was used before with a different cart. */
  | { outcome: 'key_conflict'; group: CartGroupRow };

/** The same cart always hashes the same: the parsed request has a fixed shape and key order. */
export const cartRequestHash = (cart: CartRequest) => createHash('sha256').update(JSON.stringify(cart)).digest('hex');

/**
 * Records a cart (once per Idempotency-Key) and starts its workflow `cart-<group>` (once:
 * the ID is the group's). A repeat with the same key and body answers the same group and
 * starts the workflow if the first attempt could not (Temporal down): the client's retry
 * is what completes the submission, and it can never make a second group.
 */
export function createCartSubmitter(deps: { temporal: Client; taskQueue: string; carts: CartRepository; settings: Pick<CartSettings, 'approvalTimeoutMs' | 'reminderAfterMs' | 'stepTimeoutMs'> }) {
  return {
    async submit(cart: CartRequest, idempotencyKey: string): Promise<SubmitCartOutcome> {
      const id = randomUUID();
      const recorded = await deps.carts.record({ id, workflowId: cartWorkflowId(id), idempotencyKey, requestHash: cartRequestHash(cart), cart }).catch((err: unknown) => {
        if (classifyDbError(err) === 'unavailable') throw new DependencyUnavailableError('the cart could not be recorded: PostgreSQL is unavailable; retry', 'CART_STORE_UNAVAILABLE');
        throw err;
      });
      if (recorded.outcome === 'conflict') return { outcome: 'key_conflict', group: recorded.group };
      const group = recorded.group;
      if (group.status === 'received') {
        const input: DraftOrderWorkflowInput = { groupId: group.id, approvalTimeout: deps.settings.approvalTimeoutMs, reminderAfter: deps.settings.reminderAfterMs, stepTimeout: deps.settings.stepTimeoutMs };
        try {
          await deps.temporal.workflow.start('draftOrderWorkflow', {
            workflowId: group.workflowId,
            taskQueue: deps.taskQueue,
            args: [input],
            workflowIdConflictPolicy: 'FAIL',
            workflowIdReusePolicy: 'REJECT_DUPLICATE',
            typedSearchAttributes: [
              { key: B2B_SHOP, value: group.shop },
              { key: B2B_COMPANY_LOCATION, value: group.companyLocationGid },
              { key: B2B_CART_GROUP, value: group.id },
            ],
          });
        } catch (err) {
          if (!(err instanceof WorkflowExecutionAlreadyStartedError)) {
            // Recorded, not started: the client's retry with the same key starts it.
            throw new DependencyUnavailableError('the cart is recorded but its workflow could not be started (Temporal unavailable); retry with the same Idempotency-Key', 'CART_WORKFLOW_NOT_STARTED', {
              groupId: group.id,
            });
          }
        }
      }
      return { outcome: 'accepted', group, replayed: recorded.outcome === 'existing' };
    },
  };
}

export type CartSubmitter = ReturnType<typeof createCartSubmitter>;
