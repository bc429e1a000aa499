export { webhookWorkflow } from './webhookWorkflow';
export { catalogImportWorkflow } from './catalogImportWorkflow';
export { nightlyCatalogImportsWorkflow } from './nightlyCatalogImportsWorkflow';
export { draftOrderWorkflow } from './draftOrderWorkflow';
export { constraintSyncWorkflow } from './constraintSyncWorkflow';
export { constraintSyncAllShopsWorkflow } from './constraintSyncAllShopsWorkflow';
