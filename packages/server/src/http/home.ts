import type { FastifyInstance } from 'fastify';

/** Liveness: also the benchmarks' bare-route baseline. */
export function registerHealth(app: FastifyInstance): void {
  app.get('/healthz', { schema: { hide: true } }, async () => ({ ok: true }));
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A landing page for a server run without a built web app. */
export function registerLanding(app: FastifyInstance): void {
  app.get('/', { schema: { hide: true } }, async (request, reply) => {
    // The Host header is the client's to set: escape it like any input.
    const origin = escapeHtml(`${request.protocol}://${request.host}`);
    return reply.type('text/html; charset=utf-8').send(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Tessera</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem;color:#1a1a1a}code{background:#f2f2f2;padding:.1rem .3rem;border-radius:3px}</style>
</head><body>
<h1>Tessera</h1>
<p>The server is running. Point Scale code at <code>${origin}/v1</code>:</p>
<pre><code>client = scaleapi.ScaleClient("test_…", api_instance_url="${origin}/v1")</code></pre>
<p><a href="/docs">API reference</a> · <a href="/v1/openapi.json">OpenAPI document</a></p>
</body></html>`);
  });
}
