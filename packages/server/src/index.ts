export { buildApp, type AppOptions } from './app.js';
export { startServer, openStore, type ServerConfig, type RunningServer } from './server.js';
export { Store, openDatabase } from './store/index.js';
export { createApiKey, revokeApiKey } from './domain/api-keys.js';
export { ensureAccount, bootstrapIfEmpty } from './domain/accounts.js';
