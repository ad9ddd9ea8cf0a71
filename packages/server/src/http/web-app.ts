import { existsSync } from 'node:fs';
import { join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import type { NotFoundFallback } from './errors.js';

/** Where `npm run build` puts the web app, relative to this file in packages/server/dist/http. */
export const defaultWebRoot = fileURLToPath(new URL('../../../web/dist/', import.meta.url));

const apiPrefixes = ['/v1/', '/app/api/', '/files/', '/docs', '/healthz'];

export function hasWebApp(root: string | undefined): root is string {
  return root !== undefined && existsSync(join(root, 'index.html'));
}

/**
 * Serves the built web app at `/`. Paths the app routes on the client (/work, /review/…) get its
 * index.html; API paths keep their JSON 404s.
 */
export async function registerWebApp(app: FastifyInstance, root: string): Promise<void> {
  await app.register(fastifyStatic, {
    root,
    // One route per built file, read at start: no file system walk per request.
    wildcard: false,
    index: 'index.html',
    cacheControl: false,
    setHeaders: (res, path) => {
      // Vite names built assets by content hash, so they never change under one name; index.html does.
      res.setHeader('cache-control', path.includes(`${sep}assets${sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
}

export const webAppFallback: NotFoundFallback = (request, reply) => {
  const path = request.url.split('?')[0] ?? '';
  if (request.method !== 'GET' || apiPrefixes.some((p) => path.startsWith(p))) return false;
  if (!(request.headers.accept ?? '').includes('text/html')) return false;
  void reply.header('cache-control', 'no-cache').sendFile('index.html');
  return true;
};
