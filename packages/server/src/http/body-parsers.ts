import type { FastifyInstance } from 'fastify';
import { InvalidRequest } from '../domain/errors.js';

export const JSON_BODY_LIMIT = 10 * 1024 * 1024;

/**
 * JSON bodies, leniently: the Python client sends `Content-Type: application/json` with an empty body
 * on cancel and finalize, tags go as bare arrays, and DELETE may carry a body. Bodies that come with no
 * JSON content type but look like JSON are read too; anything else that is not JSON is a clear 400.
 */
export function registerBodyParsers(app: FastifyInstance): void {
  app.removeContentTypeParser(['application/json', 'text/plain']);
  const parse = (_req: unknown, body: string, done: (err: Error | null, value?: unknown) => void) => {
    if (body.trim() === '') return done(null, undefined);
    try {
      done(null, JSON.parse(body));
    } catch (error) {
      done(new InvalidRequest(`Request body is not valid JSON: ${(error as Error).message}`));
    }
  };
  app.addContentTypeParser(['application/json', 'text/plain'], { parseAs: 'string', bodyLimit: JSON_BODY_LIMIT }, parse);
  app.addContentTypeParser('*', { parseAs: 'string', bodyLimit: JSON_BODY_LIMIT }, parse);
}
