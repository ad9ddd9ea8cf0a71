import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

export const webDist = fileURLToPath(new URL('../../packages/web/dist/', import.meta.url));

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.map': 'application/json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

/**
 * Serves the built web app and forwards the API to a Tessera server (`target`), all on one origin as
 * in production. Used while the server does not yet serve packages/web/dist itself, and by the
 * benchmark, which needs no server at all (`target` undefined).
 */
export async function startWebServer(target?: string): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    if (target && /^\/(app\/api|v1|files)\//.test(path)) {
      const up = new URL(req.url ?? '/', target);
      const proxied = request(up, { method: req.method, headers: { ...req.headers, host: up.host } }, (r) => {
        res.writeHead(r.statusCode ?? 502, r.headers);
        r.pipe(res);
      });
      proxied.on('error', (e) => {
        res.writeHead(502);
        res.end(String(e));
      });
      req.pipe(proxied);
      return;
    }
    const file = normalize(join(webDist, path === '/' ? 'index.html' : decodeURIComponent(path)));
    if (!file.startsWith(webDist) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404);
      res.end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
