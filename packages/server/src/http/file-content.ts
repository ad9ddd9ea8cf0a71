import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { NotFound } from '../domain/errors.js';
import { findFileByCapability } from '../store/files.js';
import type { HttpContext } from './context.js';

const Params = z.object({ id: z.string(), token: z.string() });

/** Serves uploaded bytes to whoever holds the attachment URL (an image tag cannot send an API key). */
export const fileContentRoutes: FastifyPluginAsyncZod<HttpContext> = async (app, { store, storage }) => {
  app.get('/files/:id/:token', { schema: { hide: true, params: Params } }, async (req, reply) => {
    const file = await findFileByCapability(store.db, req.params.id, req.params.token);
    if (!file) throw new NotFound('File not found.');
    return reply
      .header('content-type', file.mimeType)
      .header('content-length', String(file.size))
      .header('cache-control', 'private, max-age=31536000, immutable')
      .header('x-content-type-options', 'nosniff')
      // Uploaded HTML or SVG must never run as a page of this origin.
      .header('content-security-policy', "default-src 'none'; sandbox")
      .send(storage.read(file.id));
  });
};
