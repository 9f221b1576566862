export { buildApp, type AppDeps } from './build-app.js';
export { buildOpenApi } from './openapi.js';
export { accountOptionsFromEnv } from './account-config.js';
