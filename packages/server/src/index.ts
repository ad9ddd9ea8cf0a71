export { buildApp, type AppOptions } from './app.js';
export { startServer, startWorkers, openStore, type ServerConfig, type RunningServer, type Workers } from './server.js';
export { defaultRetryPolicy, type RetryPolicy } from './delivery/retry-policy.js';
export { verify as verifyWebhook, type SignedHeaders } from './delivery/signing.js';
export type { DeliveryWorkerOptions } from './workers/delivery-worker.js';
export { Store, openDatabase } from './store/index.js';
export { createApiKey, revokeApiKey } from './domain/api-keys.js';
export { ensureAccount, bootstrapIfEmpty } from './domain/accounts.js';
