export { webhookWorkflow } from './webhookWorkflow';
