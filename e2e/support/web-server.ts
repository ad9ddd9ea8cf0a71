import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
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

/** Serves the built web app alone: the editor tests and the benchmark use its dev harness page, no server. */
export async function startWebServer(): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
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

/** The Tessera server's own origin, once it is known to serve the built app at `/` (as in production). */
export async function webAppOf(serverUrl: string): Promise<string> {
  const home = await (await fetch(serverUrl + '/', { headers: { accept: 'text/html' } })).text();
  if (!home.includes('<div id="root">')) throw new Error('The server does not serve the web app at /: run `npm run build` first (it builds packages/web/dist).');
  return serverUrl;
}
