import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { basicAuth, describeEachBackend } from './support/harness.js';

const png = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

/** A stand-in for a customer's image host, on loopback. */
let origin: Server;
let originUrl: string;
beforeAll(async () => {
  origin = createServer((req, res) => {
    if (req.url === '/kitten.png') {
      res.writeHead(200, { 'content-type': 'image/png' }).end(png);
    } else if (req.url === '/moved') {
      res.writeHead(302, { location: '/kitten.png' }).end();
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => origin.listen(0, '127.0.0.1', resolve));
  originUrl = `http://127.0.0.1:${(origin.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => origin.close(() => resolve())));

async function upload(url: string, key: string, fields: Record<string, string>, file?: Buffer) {
  const form = new FormData();
  if (file) form.append('file', new Blob([file], { type: 'image/png' }), 'kitten.png');
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  const res = await fetch(`${url}/v1/files/upload`, { method: 'POST', body: form, headers: { authorization: basicAuth(key) } });
  return { status: res.status, body: (await res.json()) as any };
}

describeEachBackend('files', (ctx) => {
  it('stores an upload and serves it back at its attachment_url', async () => {
    const key = await ctx().key('test');
    const res = await upload(ctx().url, key, { project_name: 'p', display_name: 'Kitten', reference_id: 'ref-1', metadata: '{"a":1}' }, png);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ mime_type: 'image/png', size: png.length, display_name: 'Kitten', reference_id: 'ref-1', project_names: ['p'], metadata: { a: 1 } });
    expect(res.body.id).toMatch(/^[0-9a-f]{24}$/);
    const served = await fetch(res.body.attachment_url);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await served.arrayBuffer())).toEqual(png);
  });

  it('accepts its attachment_url as a task attachment', async () => {
    const api = await ctx().testClient();
    const file = await upload(ctx().url, api.key, {}, png);
    const task = await api.post('/v1/task/imageannotation', { attachment: file.body.attachment_url, geometries: { box: { objects_to_annotate: ['cat'] } } });
    expect(task.status).toBe(200);
    expect(task.body.params.attachment).toBe(file.body.attachment_url);
  });

  it('refuses an upload without a file, with bad metadata, or with a duplicate reference_id', async () => {
    const key = await ctx().key('test');
    const missing = await upload(ctx().url, key, { display_name: 'x' });
    expect(missing.status).toBe(400);
    expect(missing.body.error).toContain('"file"');
    const badMetadata = await upload(ctx().url, key, { metadata: 'not json' }, png);
    expect(badMetadata.status).toBe(400);
    expect(badMetadata.body.error).toContain('"metadata"');
    expect((await upload(ctx().url, key, { reference_id: 'dup' }, png)).status).toBe(200);
    const dup = await upload(ctx().url, key, { reference_id: 'dup' }, png);
    expect(dup.status).toBe(409);
    expect(dup.body).toMatchObject({ status_code: 409, error: expect.stringContaining('dup') });
  });

  it('answers a malformed multipart body with a 400, not a 500', async () => {
    const key = await ctx().key('test');
    const res = await fetch(`${ctx().url}/v1/files/upload`, {
      method: 'POST',
      body: 'garbage',
      headers: { authorization: basicAuth(key), 'content-type': 'multipart/form-data; boundary=xx' },
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as any).error).toContain('multipart');
  });

  it('serves nothing for a wrong token', async () => {
    const key = await ctx().key('test');
    const res = await upload(ctx().url, key, {}, png);
    const wrong = res.body.attachment_url.replace(/[0-9a-f]{32}$/, '0'.repeat(32));
    expect((await fetch(wrong)).status).toBe(404);
  });

  it('refuses to import from a private or loopback address by default', async () => {
    const api = await ctx().testClient();
    const res = await api.post('/v1/files/import', { file_url: `${originUrl}/kitten.png` });
    expect(res.status).toBe(400);
    expect(res.body.error).toContain('"file_url"');
  });

  it('refuses an import without a valid file_url', async () => {
    const api = await ctx().testClient();
    expect((await api.post('/v1/files/import', {})).body.error).toContain('"file_url"');
    expect((await api.post('/v1/files/import', { file_url: 'ftp://x/y' })).status).toBe(400);
  });
});

describeEachBackend(
  'file import when private addresses are allowed',
  (ctx) => {
    it('imports bytes from a URL, following a redirect', async () => {
      const api = await ctx().testClient();
      const res = await api.post('/v1/files/import', { file_url: `${originUrl}/moved`, project_name: 'p' });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ mime_type: 'image/png', size: png.length, project_names: ['p'] });
      const served = await fetch(res.body.attachment_url);
      expect(Buffer.from(await served.arrayBuffer())).toEqual(png);
    });

    it('answers 400 naming file_url when the source answers 404', async () => {
      const api = await ctx().testClient();
      const res = await api.post('/v1/files/import', { file_url: `${originUrl}/missing.png` });
      expect(res.status).toBe(400);
      expect(res.body.error).toMatch(/"file_url".*404/);
    });
  },
  { allowPrivateFetch: true },
);
