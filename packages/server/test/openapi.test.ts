import { taskTypeNames } from '@tessera/schema';
import { expect, it } from 'vitest';
import { describeEachBackend } from './support/harness.js';

describeEachBackend('OpenAPI and bare routes', (ctx) => {
  it('serves an OpenAPI 3.1 document generated from the route schemas', async () => {
    const res = await fetch(`${ctx().url}/v1/openapi.json`);
    expect(res.status).toBe(200);
    const doc = (await res.json()) as any;
    expect(doc.openapi).toBe('3.1.0');
    for (const path of ['/v1/projects', '/v1/batches', '/v1/batches/{name}/finalize', '/v1/task/{type}', '/v1/tasks', '/v1/files/upload', '/v1/files/import']) {
      expect(Object.keys(doc.paths)).toContain(path);
    }
    expect(doc.paths['/v1/batches'].post.requestBody.content['application/json'].schema).toBeDefined();
    expect(doc.components.schemas.Task).toBeDefined();
  });

  it('describes every task type’s params and response', async () => {
    const doc = (await (await fetch(`${ctx().url}/v1/openapi.json`)).json()) as any;
    for (const type of taskTypeNames) {
      expect(doc.components.schemas[`TaskParams_${type}`], type).toBeTypeOf('object');
      expect(doc.components.schemas[`TaskResponse_${type}`], type).toBeTypeOf('object');
    }
    const image = doc.components.schemas.TaskParams_imageannotation;
    expect(image.required).toEqual(expect.arrayContaining(['attachment', 'geometries']));
    expect(JSON.stringify(doc.components.schemas.TaskResponse_imageannotation)).toContain('annotations');
  });

  it('serves a browsable reference at /docs', async () => {
    const res = await fetch(`${ctx().url}/docs/`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<html');
  });

  it('answers liveness and a landing page without a key', async () => {
    expect(await (await fetch(`${ctx().url}/healthz`)).json()).toEqual({ ok: true });
    const home = await fetch(`${ctx().url}/`);
    expect(home.status).toBe(200);
    expect(await home.text()).toContain('Tessera');
  });

  it('answers a malformed URL with a Scale error body', async () => {
    const api = await ctx().testClient();
    const res = await api.post('/v1/task/%ZZ/cancel');
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ status_code: 400, error: expect.stringContaining('%ZZ') });
  });

  it('answers an unknown endpoint with a Scale error body', async () => {
    const api = await ctx().testClient();
    const res = await api.get('/v1/nope');
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ status_code: 404, error: expect.stringContaining('/v1/nope') });
  });
});
