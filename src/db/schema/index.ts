export * from './shops';
export * from './webhookInbox';
export * from './catalog';
export * from './customers';
export * from './orders';
export * from './compliance';
export * from './shopifyApi';
export * from './catalogImports';
