import type { FastifyInstance } from 'fastify';
import { authenticate } from '../../domain/api-keys.js';
import type { Store } from '../../store/index.js';

/** Every v1 route needs an API key; the key's account and environment become the request's scope. */
export function requireApiKey(app: FastifyInstance, store: Store): void {
  app.decorateRequest('scope', null);
  app.addHook('onRequest', async (request) => {
    request.scope = await authenticate(store, request.headers.authorization);
  });
}
