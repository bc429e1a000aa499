/** Every Admin API operation the service sends, with types generated from the real schema. */
import * as Bulk from './bulkOperations';
import { defineOperation } from './defineOperation';
import * as Drafts from './draftOrders';
import type * as T from './generated/admin.types';
import * as Metafields from './metafields';
import * as Shop from './shop';

export const AdminOperations = {
  bulkOperationRunQuery: defineOperation<T.BulkOperationRunQueryMutation, T.BulkOperationRunQueryMutationVariables>(Bulk.BulkOperationRunQuery),
  bulkOperationById: defineOperation<T.BulkOperationByIdQuery, T.BulkOperationByIdQueryVariables>(Bulk.BulkOperationById),
  currentBulkOperation: defineOperation<T.CurrentBulkOperationQuery, T.CurrentBulkOperationQueryVariables>(Bulk.CurrentBulkOperation),
  bulkOperationCancel: defineOperation<T.BulkOperationCancelMutation, T.BulkOperationCancelMutationVariables>(Bulk.BulkOperationCancel),
  draftOrderCreate: defineOperation<T.DraftOrderCreateMutation, T.DraftOrderCreateMutationVariables>(Drafts.DraftOrderCreate),
  draftOrderUpdate: defineOperation<T.DraftOrderUpdateMutation, T.DraftOrderUpdateMutationVariables>(Drafts.DraftOrderUpdate),
  draftOrderComplete: defineOperation<T.DraftOrderCompleteMutation, T.DraftOrderCompleteMutationVariables>(Drafts.DraftOrderComplete),
  draftOrderInvoiceSend: defineOperation<T.DraftOrderInvoiceSendMutation, T.DraftOrderInvoiceSendMutationVariables>(Drafts.DraftOrderInvoiceSend),
  draftOrderDelete: defineOperation<T.DraftOrderDeleteMutation, T.DraftOrderDeleteMutationVariables>(Drafts.DraftOrderDelete),
  draftOrdersByTag: defineOperation<T.DraftOrdersByTagQuery, T.DraftOrdersByTagQueryVariables>(Drafts.DraftOrdersByTag),
  metafieldsSet: defineOperation<T.MetafieldsSetMutation, T.MetafieldsSetMutationVariables>(Metafields.MetafieldsSet),
  metafieldsDelete: defineOperation<T.MetafieldsDeleteMutation, T.MetafieldsDeleteMutationVariables>(Metafields.MetafieldsDelete),
  shopIdentity: defineOperation<T.ShopIdentityQuery, T.ShopIdentityQueryVariables>(Shop.ShopIdentity),
} as const;

export type AdminOperationName = keyof typeof AdminOperations;
export type { AdminOperation, DataOf, VariablesOf } from './defineOperation';
