import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest, FastifyServerOptions } from 'fastify';
import { ApiError } from '../domain/errors.js';

/** Fastify's own client errors, in Scale's words. */
const fastifyCodes: Record<string, string> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'Request body is too large.',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'Unsupported Content-Type: send application/json (or multipart/form-data for uploads).',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'Request body is empty.',
  FST_REQ_FILE_TOO_LARGE: 'File is larger than the 80 MB limit.',
};

/** Answers a request no route matched, if it can (the web app's client-side routes); true when it did. */
export type NotFoundFallback = (request: FastifyRequest, reply: FastifyReply) => boolean;

/** One place turns every error into Scale's body: `{"status_code": N, "error": "..."}`. */
export function registerErrorHandling(app: FastifyInstance, fallback?: NotFoundFallback): void {
  app.setErrorHandler((error: FastifyError | ApiError | Error, request, reply) => {
    if (error instanceof ApiError) {
      return reply.code(error.statusCode).headers(error.headers).send({ status_code: error.statusCode, error: error.message });
    }
    const status = 'statusCode' in error && typeof error.statusCode === 'number' ? error.statusCode : 500;
    if (status >= 400 && status < 500) {
      const code = 'code' in error && typeof error.code === 'string' ? error.code : '';
      const message = fastifyCodes[code] ?? error.message;
      return reply.code(status).send({ status_code: status, error: message });
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply.code(500).send({ status_code: 500, error: 'Internal server error.' });
  });

  app.setNotFoundHandler((request, reply) => {
    if (fallback?.(request, reply)) return;
    reply.code(404).send({ status_code: 404, error: `No endpoint ${request.method} ${request.url.split('?')[0]}.` });
  });
}

/** Errors Fastify raises before routing (a malformed URL) get Scale's body too. */
export const frameworkErrors: NonNullable<FastifyServerOptions['frameworkErrors']> = (error, _request, reply) => {
  const status = error.statusCode ?? 400;
  // Fastify types this reply by route generics no route has yet; it is a plain reply.
  void (reply as FastifyReply).code(status).send({ status_code: status, error: error.message });
};
