import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import { ApiError } from '../../domain/errors.js';
import { scopeOf } from '../context.js';

/**
 * A budget of requests per API key's account and environment, so one runaway integration cannot crowd
 * out the rest. Past it: 429 with Retry-After, which Scale's clients honour over HTTPS.
 */
export async function limitRequests(app: FastifyInstance, limit: { max: number; windowMs: number }): Promise<void> {
  await app.register(rateLimit, {
    global: true,
    hook: 'preHandler', // after the key is known, so a bad key is a 401, not a 429
    max: limit.max,
    timeWindow: limit.windowMs,
    keyGenerator: (request) => {
      const scope = scopeOf(request);
      return `${scope.accountId}:${scope.env}`;
    },
    errorResponseBuilder: (_request, context) =>
      new ApiError(429, `Too many requests: at most ${context.max} per ${context.after}. Retry after ${Math.ceil(context.ttl / 1000)} s.`, {
        'retry-after': String(Math.ceil(context.ttl / 1000)),
      }),
  });
}
