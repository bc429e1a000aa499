/** One sync per shop at a time: the workflow ID is the business key. */
export const constraintSyncWorkflowId = (shop: string) => `constraint-sync-${shop}`;
export const CONSTRAINT_SYNC_SCHEDULE_ID = 'constraint-sync';
