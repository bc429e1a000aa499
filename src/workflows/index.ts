export { webhookWorkflow } from './webhookWorkflow';
export { catalogImportWorkflow } from './catalogImportWorkflow';
export { nightlyCatalogImportsWorkflow } from './nightlyCatalogImportsWorkflow';
