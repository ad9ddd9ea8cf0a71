import { beforeAll, expect, it } from 'vitest';
import { boxParams, makeBatch, makeProject, makeTask } from './fixtures.js';
import { describeEachBackend, uniqueName, type ApiClient, type Response } from './support/harness.js';

function expectError(res: Response, status: number, field?: string) {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  expect(res.body).toEqual({ status_code: status, error: expect.any(String) });
  // The field itself, or a path inside it (`"tags.0"`).
  if (field) expect((res.body as { error: string }).error).toMatch(new RegExp(`"${field.replace(/\./g, '\\.')}(\\.[^"]*)?"`));
}

/** Exactly what the Python client sends for `create_batch(project, name)`. */
function pyBatch(project: string, name: string, extra: Record<string, unknown> = {}) {
  return { project, name, calibration_batch: false, self_label_batch: false, callback: '', metadata: {}, ...extra };
}

const ISO_MS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const emptyJsonBody = { 'content-type': 'application/json' };

describeEachBackend('batches', (ctx) => {
  let api: ApiClient;
  let project: string;
  beforeAll(async () => {
    api = await ctx().testClient();
    project = await makeProject(api);
  });

  /** A client on an account of its own, for exact lists. */
  const freshAccount = async () => ctx().client(await ctx().key('test', uniqueName('acct')));

  it('creates a staging batch from the Python client’s body', async () => {
    const name = uniqueName('b');
    const res = await api.post('/v1/batches', pyBatch(project, name));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ name, project, status: 'staging', metadata: {} });
    // "" means no callback.
    expect(res.body.callback === null || res.body.callback === undefined).toBe(true);
    expect(res.body.created_at).toMatch(ISO_MS);
    expect(res.body).not.toHaveProperty('completed_at');
  });

  it('creates with a callback and metadata from the Node client’s body', async () => {
    const name = uniqueName('b');
    const res = await api.post('/v1/batches', { project, name, callback: 'https://example.com/hook', metadata: { a: 1 } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ name, project, callback: 'https://example.com/hook', metadata: { a: 1 }, status: 'staging' });
  });

  it('answers 409 for a duplicate name, even in another project', async () => {
    const name = await makeBatch(api, project);
    const other = await makeProject(api);
    expectError(await api.post('/v1/batches', pyBatch(project, name)), 409);
    expectError(await api.post('/v1/batches', pyBatch(other, name)), 409);
  });

  it('answers 400 naming the field for bad bodies', async () => {
    expectError(await api.post('/v1/batches', pyBatch(uniqueName('nope'), uniqueName('b'))), 400, 'project');
    expectError(await api.post('/v1/batches', { project }), 400, 'name');
    expectError(await api.post('/v1/batches', { project, name: '' }), 400, 'name');
    expectError(await api.post('/v1/batches', { name: uniqueName('b') }), 400, 'project');
    expectError(await api.post('/v1/batches', pyBatch(project, uniqueName('b'), { callback: 'not a url' })), 400, 'callback');
    expectError(await api.post('/v1/batches', pyBatch(project, uniqueName('b'), { callback: 'ftp://example.com/x' })), 400, 'callback');
    expectError(await api.post('/v1/batches', pyBatch(project, uniqueName('b'), { metadata: 'x' })), 400, 'metadata');
    expectError(await api.post('/v1/batches', pyBatch(project, uniqueName('b'), { metadata: [1] })), 400, 'metadata');
    expectError(await api.post('/v1/batches', pyBatch(project, 5 as unknown as string)), 400, 'name');
    expectError(await api.request('POST', '/v1/batches', '{"project":', emptyJsonBody), 400);
  });

  it('gets a batch, 404s an unknown one, and decodes encoded names', async () => {
    const name = await makeBatch(api, project);
    const got = await api.get(`/v1/batches/${name}`);
    expect(got.status).toBe(200);
    expect(got.body).toMatchObject({ name, project, status: 'staging', metadata: {} });
    expectError(await api.get(`/v1/batches/${uniqueName('nope')}`), 404);
    expectError(await api.get(`/v1/batches/${uniqueName('nope')}/status`), 404);
    expectError(await api.request('POST', `/v1/batches/${uniqueName('nope')}/finalize`, '', emptyJsonBody), 404);
    expectError(await api.post(`/v1/batches/${uniqueName('nope')}/setMetadata`, { a: 1 }), 404);

    const spaced = `b 1/x ${uniqueName('b')}`;
    expect((await api.post('/v1/batches', pyBatch(project, spaced))).status).toBe(200);
    const enc = encodeURIComponent(spaced);
    expect((await api.get(`/v1/batches/${enc}`)).body.name).toBe(spaced);
    expect((await api.get(`/v1/batches/${enc}/status`)).body.status).toBe('staging');
    expect((await api.request('POST', `/v1/batches/${enc}/finalize`, '', emptyJsonBody)).body.status).toBe('in_progress');
  });

  it('finalizes: staging -> in_progress, idempotent, with the Python client’s empty JSON body', async () => {
    const name = await makeBatch(api, project);
    await makeTask(api, { batch: name });
    const first = await api.request('POST', `/v1/batches/${name}/finalize`, '', emptyJsonBody);
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body).toMatchObject({ name, status: 'in_progress' });
    const again = await api.request('POST', `/v1/batches/${name}/finalize`, '', emptyJsonBody);
    expect(again.status).toBe(200);
    expect(again.body.status).toBe('in_progress');
    // The Node client sends {} and no body at all.
    expect((await api.post(`/v1/batches/${name}/finalize`, {})).status).toBe(200);
    expect((await api.request('POST', `/v1/batches/${name}/finalize`)).status).toBe(200);
    expect((await api.get(`/v1/batches/${name}`)).body.status).toBe('in_progress');
  });

  it('counts tasks by status', async () => {
    const name = await makeBatch(api, project);
    const empty = await api.get(`/v1/batches/${name}/status`);
    expect(empty.status).toBe(200);
    expect(empty.body).toEqual({ status: 'staging', pending: 0, completed: 0, error: 0, canceled: 0 });
    const tasks = await Promise.all([1, 2, 3].map(() => makeTask(api, { batch: name })));
    await api.request('POST', `/v1/task/${tasks[0]!.task_id}/cancel`, '', emptyJsonBody);
    const counts = await api.get(`/v1/batches/${name}/status`);
    expect(counts.body).toEqual({ status: 'staging', pending: 2, completed: 0, error: 0, canceled: 1 });
  });

  it('setMetadata replaces the metadata', async () => {
    const name = await makeBatch(api, project);
    const first = await api.post(`/v1/batches/${name}/setMetadata`, { a: 1, nested: { b: [1, 2] } });
    expect(first.status).toBe(200);
    expect(first.body.metadata).toEqual({ a: 1, nested: { b: [1, 2] } });
    const second = await api.post(`/v1/batches/${name}/setMetadata`, { c: 'x' });
    expect(second.body.metadata).toEqual({ c: 'x' });
    expect((await api.get(`/v1/batches/${name}`)).body.metadata).toEqual({ c: 'x' });
    expectError(await api.post(`/v1/batches/${name}/setMetadata`, [1, 2]), 400);
    expectError(await api.post(`/v1/batches/${name}/setMetadata`, JSON.stringify('x')), 400);
    expect((await api.get(`/v1/batches/${name}`)).body.metadata).toEqual({ c: 'x' });
  });

  it('completes once finalized and every task is canceled; then takes no tasks', async () => {
    const name = await makeBatch(api, project);
    const tasks = await Promise.all([1, 2].map(() => makeTask(api, { batch: name })));
    await api.request('POST', `/v1/batches/${name}/finalize`, '', emptyJsonBody);
    await api.request('POST', `/v1/task/${tasks[0]!.task_id}/cancel`, '', emptyJsonBody);
    expect((await api.get(`/v1/batches/${name}`)).body.status).toBe('in_progress');
    await api.request('POST', `/v1/task/${tasks[1]!.task_id}/cancel`, '', emptyJsonBody);
    const done = await api.get(`/v1/batches/${name}`);
    expect(done.body.status).toBe('completed');
    expect(done.body.completed_at).toMatch(ISO_MS);
    expect((await api.get(`/v1/batches/${name}/status`)).body).toEqual({ status: 'completed', pending: 0, completed: 0, error: 0, canceled: 2 });
    expectError(await api.post('/v1/task/imageannotation', { ...boxParams, batch: name }), 400, 'batch');
    // Finalizing a completed batch changes nothing.
    expect((await api.request('POST', `/v1/batches/${name}/finalize`, '', emptyJsonBody)).body.status).toBe('completed');
  });

  it('a staging batch does not complete when its tasks are canceled, only once finalized', async () => {
    const name = await makeBatch(api, project);
    const task = await makeTask(api, { batch: name });
    await api.request('POST', `/v1/task/${task.task_id}/cancel`, '', emptyJsonBody);
    expect((await api.get(`/v1/batches/${name}`)).body.status).toBe('staging');
    const finalized = await api.request('POST', `/v1/batches/${name}/finalize`, '', emptyJsonBody);
    expect(finalized.body.status).toBe('completed');
  });

  it('a task naming a batch of another project is 400; the batch implies the project', async () => {
    const name = await makeBatch(api, project);
    const other = await makeProject(api);
    expectError(await api.post('/v1/task/imageannotation', { ...boxParams, project: other, batch: name }), 400, 'batch');
    expectError(await api.post('/v1/task/imageannotation', { ...boxParams, batch: uniqueName('nope') }), 400, 'batch');
    const implied = await makeTask(api, { batch: name });
    expect(implied).toMatchObject({ batch: name, project });
    const both = await makeTask(api, { batch: name, project });
    expect(both).toMatchObject({ batch: name, project });
  });

  it('lists newest first with docs, total, totalDocs, limit, offset and has_more', async () => {
    const own = await freshAccount();
    const p1 = await makeProject(own);
    const p2 = await makeProject(own);
    const names: string[] = [];
    for (let i = 0; i < 5; i++) names.push(await makeBatch(own, i < 3 ? p1 : p2));
    const all = await own.get('/v1/batches');
    expect(all.status).toBe(200);
    expect(all.body).toMatchObject({ total: 5, totalDocs: 5, limit: 100, offset: 0, has_more: false });
    expect(all.body.docs.map((b: { name: string }) => b.name)).toEqual([...names].reverse());
    for (const b of all.body.docs) expect(b).toMatchObject({ name: expect.any(String), status: 'staging', project: expect.any(String), created_at: expect.stringMatching(ISO_MS), metadata: {} });

    const byProject = await own.get(`/v1/batches?project=${p1}&exclude_archived=False`);
    expect(byProject.body.docs.map((b: { name: string }) => b.name)).toEqual(names.slice(0, 3).reverse());
    expect(byProject.body.totalDocs).toBe(3);
    expect((await own.get(`/v1/batches?project=${p1}&exclude_archived=True`)).body.totalDocs).toBe(3);
    expect((await own.get(`/v1/batches?exclude_archived=false`)).body.totalDocs).toBe(5);

    expectError(await own.get(`/v1/batches?project=${uniqueName('nope')}`), 404);
    expectError(await own.get('/v1/batches?status=bogus'), 400, 'status');
    expectError(await own.get('/v1/batches?limit=0'), 400, 'limit');
    expectError(await own.get('/v1/batches?limit=101'), 400, 'limit');
    expectError(await own.get('/v1/batches?offset=-1'), 400, 'offset');
    expectError(await own.get('/v1/batches?start_time=yesterday'), 400, 'start_time');
    expectError(await own.get('/v1/batches?next_token=garbage'), 400, 'next_token');
  });

  it('filters by status', async () => {
    const own = await freshAccount();
    const p = await makeProject(own);
    const staging = await makeBatch(own, p);
    const progressing = await makeBatch(own, p);
    await makeTask(own, { batch: progressing });
    await own.request('POST', `/v1/batches/${progressing}/finalize`, '', emptyJsonBody);
    const done = await makeBatch(own, p);
    const t = await makeTask(own, { batch: done });
    await own.request('POST', `/v1/batches/${done}/finalize`, '', emptyJsonBody);
    await own.request('POST', `/v1/task/${t.task_id}/cancel`, '', emptyJsonBody);
    const names = async (q: string) => (await own.get(`/v1/batches?${q}`)).body.docs.map((b: { name: string }) => b.name);
    expect(await names('status=staging')).toEqual([staging]);
    expect(await names('status=in_progress')).toEqual([progressing]);
    expect(await names('status=completed')).toEqual([done]);
    expect((await own.get('/v1/batches?status=completed')).body.docs[0].completed_at).toMatch(ISO_MS);
  });

  it('filters by start_time and end_time', async () => {
    const own = await freshAccount();
    const p = await makeProject(own);
    const early = await makeBatch(own, p);
    await new Promise((r) => setTimeout(r, 30));
    const middleCreated = (await own.get(`/v1/batches/${await makeBatch(own, p)}`)).body;
    await new Promise((r) => setTimeout(r, 30));
    const late = await makeBatch(own, p);
    const names = async (q: string) => (await own.get(`/v1/batches?${q}`)).body.docs.map((b: { name: string }) => b.name);
    const at = encodeURIComponent(middleCreated.created_at);
    expect(await names(`start_time=${at}`)).toEqual([late, middleCreated.name]);
    expect(await names(`end_time=${at}`)).toEqual([middleCreated.name, early]);
    expect(await names(`start_time=${at}&end_time=${at}`)).toEqual([middleCreated.name]);
    // Naive (Python utcnow().isoformat()) and date-only values are UTC.
    const naive = middleCreated.created_at.replace('Z', '000');
    expect(await names(`start_time=${naive}&end_time=${naive}`)).toEqual([middleCreated.name]);
    expect(await names('start_time=2000-01-01&end_time=2000-12-31')).toEqual([]);
    expect((await names('start_time=2000-01-01')).length).toBe(3);
  });

  it('pages by offset (as the Python client does) and by next_token, without gaps or repeats', async () => {
    const own = await freshAccount();
    const p = await makeProject(own);
    const created: string[] = [];
    for (let i = 0; i < 7; i++) created.push(await makeBatch(own, p));
    const newestFirst = [...created].reverse();

    // Python's get_batches: offset += response.limit while has_more.
    const byOffset: string[] = [];
    let offset = 0;
    for (let guard = 0; guard < 10; guard++) {
      const page = await own.get(`/v1/batches?project=${p}&limit=3&offset=${offset}&exclude_archived=False`);
      expect(page.status).toBe(200);
      expect(page.body).toMatchObject({ limit: 3, offset, totalDocs: 7, total: 7 });
      byOffset.push(...page.body.docs.map((b: { name: string }) => b.name));
      if (!page.body.has_more) break;
      offset += page.body.limit;
    }
    expect(byOffset).toEqual(newestFirst);

    const byToken: string[] = [];
    let token: string | null = null;
    for (let guard = 0; guard < 10; guard++) {
      const q: string = token ? `&next_token=${encodeURIComponent(token)}` : '';
      const page = await own.get(`/v1/batches?project=${p}&limit=2${q}`);
      expect(page.status).toBe(200);
      expect(page.body.totalDocs).toBe(7);
      byToken.push(...page.body.docs.map((b: { name: string }) => b.name));
      expect(page.body.has_more).toBe(page.body.next_token !== null);
      token = page.body.next_token;
      if (!token) break;
    }
    expect(byToken).toEqual(newestFirst);

    // Past the end: an empty page, no more.
    const past = await own.get(`/v1/batches?project=${p}&offset=7`);
    expect(past.body).toMatchObject({ docs: [], has_more: false, totalDocs: 7 });
  });
});
