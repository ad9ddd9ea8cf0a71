import { expect, it } from 'vitest';
import { revokeApiKey } from '../src/index.js';
import { boxParams, makeProject } from './fixtures.js';
import { apiClient, describeEachBackend } from './support/harness.js';

describeEachBackend('auth and isolation', (ctx) => {
  it('answers 401 with a Scale error body for a missing, malformed or unknown key', async () => {
    const noKey = await fetch(`${ctx().url}/v1/projects`);
    expect(noKey.status).toBe(401);
    expect(await noKey.json()).toMatchObject({ status_code: 401, error: expect.stringContaining('API key') });

    const unknown = await apiClient(ctx().url, 'test_00000000000000000000000000000000').get('/v1/projects');
    expect(unknown.status).toBe(401);
    expect(unknown.body.status_code).toBe(401);

    const malformed = await fetch(`${ctx().url}/v1/projects`, { headers: { authorization: 'Basic !!!' } });
    expect(malformed.status).toBe(401);
  });

  it('issues keys shaped like Scale’s and accepts them as Basic username or Bearer token', async () => {
    const key = await ctx().key('live');
    expect(key).toMatch(/^live_[0-9a-f]{32}$/);
    expect((await apiClient(ctx().url, key).get('/v1/projects')).status).toBe(200);
    const bearer = await fetch(`${ctx().url}/v1/projects`, { headers: { authorization: `Bearer ${key}` } });
    expect(bearer.status).toBe(200);
  });

  it('refuses a revoked key', async () => {
    const key = await ctx().key('test');
    expect((await apiClient(ctx().url, key).get('/v1/projects')).status).toBe(200);
    expect(await revokeApiKey(ctx().server.store, key)).toBe(true);
    expect((await apiClient(ctx().url, key).get('/v1/projects')).status).toBe(401);
  });

  it('walls the test environment off from live, both ways', async () => {
    const test = ctx().client(await ctx().key('test', 'walled'));
    const live = ctx().client(await ctx().key('live', 'walled'));
    const project = await makeProject(test);
    const task = await test.post('/v1/task/imageannotation', { ...boxParams, project });
    expect(task.status).toBe(200);

    expect((await live.get(`/v1/projects/${project}`)).status).toBe(404);
    expect((await live.get(`/v1/task/${task.body.task_id}`)).status).toBe(404);
    expect((await live.get('/v1/projects')).body).toEqual([]);
    expect((await live.get('/v1/tasks')).body.total).toBe(0);
    expect((await live.post('/v1/task/imageannotation', { ...boxParams, project })).status).toBe(400);
    // The same name is free in the other environment.
    expect((await live.post('/v1/projects', { type: 'imageannotation', name: project })).status).toBe(200);
  });

  it('never shows one account another’s objects', async () => {
    const a = ctx().client(await ctx().key('test', 'account-a'));
    const b = ctx().client(await ctx().key('test', 'account-b'));
    const project = await makeProject(a);
    const task = await a.post('/v1/task/imageannotation', { ...boxParams, project, unique_id: 'shared-uid' });
    expect((await b.get(`/v1/task/${task.body.task_id}`)).status).toBe(404);
    expect((await b.get(`/v1/projects/${project}`)).status).toBe(404);
    expect((await b.post(`/v1/task/${task.body.task_id}/cancel`)).status).toBe(404);
    expect((await b.get('/v1/tasks?unique_id=shared-uid')).body.docs).toEqual([]);
    // unique_id is unique per account: the other account may use it.
    expect((await b.post('/v1/task/imageannotation', { ...boxParams, unique_id: 'shared-uid' })).status).toBe(200);
  });
});

