import { expect, it } from 'vitest';
import { boxParams, makeProject } from './fixtures.js';
import { describeEachBackend, uniqueName } from './support/harness.js';

describeEachBackend('Idempotency-Key on task creation', (ctx) => {
  it('answers a retry with the task the first try created', async () => {
    const api = ctx().client(await ctx().key('test', uniqueName('idem')));
    const project = await makeProject(api);
    const body = { ...boxParams, project };
    const first = await api.request('POST', '/v1/task/imageannotation', body, { 'idempotency-key': 'k-1' });
    const retry = await api.request('POST', '/v1/task/imageannotation', body, { 'idempotency-key': 'k-1' });
    expect(first.status).toBe(200);
    expect(retry.status).toBe(200);
    expect(retry.body.task_id).toBe(first.body.task_id);
    expect((await api.get(`/v1/tasks?project=${project}`)).body.total).toBe(1);
    // Without the header, or with another key, each request is its own task.
    await api.post('/v1/task/imageannotation', body);
    await api.request('POST', '/v1/task/imageannotation', body, { 'idempotency-key': 'k-2' });
    expect((await api.get(`/v1/tasks?project=${project}`)).body.total).toBe(3);
  });

  it('refuses a key reused with other parameters, and an overlong key', async () => {
    const api = ctx().client(await ctx().key('test', uniqueName('idem')));
    await api.request('POST', '/v1/task/imageannotation', boxParams, { 'idempotency-key': 'k' });
    const other = await api.request('POST', '/v1/task/imageannotation', { ...boxParams, attachment: 'https://example.com/other.jpg' }, { 'idempotency-key': 'k' });
    expect(other.status).toBe(400);
    expect(other.body.error).toContain('"Idempotency-Key"');
    const long = await api.request('POST', '/v1/task/imageannotation', boxParams, { 'idempotency-key': 'x'.repeat(256) });
    expect(long.status).toBe(400);
  });

  it('creates one task when tries with one key race', async () => {
    const api = ctx().client(await ctx().key('test', uniqueName('idem')));
    const project = await makeProject(api);
    const results = await Promise.all(
      Array.from({ length: 10 }, () => api.request('POST', '/v1/task/imageannotation', { ...boxParams, project }, { 'idempotency-key': 'race' })),
    );
    expect(results.map((r) => r.status)).toEqual(Array(10).fill(200));
    expect(new Set(results.map((r) => r.body.task_id)).size).toBe(1);
    expect((await api.get(`/v1/tasks?project=${project}`)).body.total).toBe(1);
  });

  it('keeps keys apart per environment', async () => {
    const account = uniqueName('idem');
    const test = ctx().client(await ctx().key('test', account));
    const live = ctx().client(await ctx().key('live', account));
    const a = await test.request('POST', '/v1/task/imageannotation', boxParams, { 'idempotency-key': 'same' });
    const b = await live.request('POST', '/v1/task/imageannotation', boxParams, { 'idempotency-key': 'same' });
    expect(a.body.task_id).not.toBe(b.body.task_id);
  });
});
