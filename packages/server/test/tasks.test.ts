import { taskTypeExamples } from '@tessera/schema';
import { beforeAll, expect, it } from 'vitest';
import { boxParams, makeBatch, makeProject, makeTask } from './fixtures.js';
import { describeEachBackend, uniqueName, type ApiClient, type Response } from './support/harness.js';

function expectError(res: Response, status: number, field?: string) {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  expect(res.body).toEqual({ status_code: status, error: expect.any(String) });
  // The field itself, or a path inside it (`"tags.0"`).
  if (field) expect((res.body as { error: string }).error).toMatch(new RegExp(`"${field.replace(/\./g, '\\.')}(\\.[^"]*)?"`));
}

const ISO_MS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const emptyJsonBody = { 'content-type': 'application/json' };
const NOT_FOUND = 'Task with that ID not found.';
const ids = (docs: { task_id: string }[]) => docs.map((t) => t.task_id);

describeEachBackend('tasks', (ctx) => {
  let api: ApiClient;
  beforeAll(async () => {
    api = await ctx().testClient();
  });

  const cancel = (id: string, query = '') => api.request('POST', `/v1/task/${id}/cancel${query}`, '', emptyJsonBody);
  const count = async (client: ApiClient, project: string) => (await client.get(`/v1/tasks?project=${project}&limit=1`)).body.total as number;

  it('creates an imageannotation task with Scale’s task object', async () => {
    const res = await api.post('/v1/task/imageannotation', { ...boxParams, instruction: 'Box it', callback_url: 'https://example.com/cb' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    const task = res.body;
    expect(task.task_id).toMatch(/^[0-9a-f]{24}$/);
    expect(task).toMatchObject({
      type: 'imageannotation',
      status: 'pending',
      instruction: 'Box it',
      callback_url: 'https://example.com/cb',
      metadata: {},
      is_test: true,
      urgency: 'standard',
      processed_attachments: [],
    });
    expect(task.created_at).toMatch(ISO_MS);
    expect(task.updated_at).toMatch(ISO_MS);
    expect(task.params).toMatchObject({ attachment: boxParams.attachment, geometries: { box: { objects_to_annotate: ['cat', 'dog'] } } });
    // Top-level fields are never copied into params.
    for (const key of ['instruction', 'callback_url', 'metadata', 'project', 'batch', 'tags', 'unique_id']) expect(task.params).not.toHaveProperty(key);
    // Unset optional keys are absent, not null.
    for (const key of ['tags', 'unique_id', 'completed_at', 'response', 'project', 'batch', 'priority', 'project_param_version']) {
      expect(task).not.toHaveProperty(key);
    }
    expect(Object.values(task)).not.toContain(null);
  });

  it('marks live-key tasks is_test false', async () => {
    const live = ctx().client(await ctx().key('live'));
    const res = await live.post('/v1/task/imageannotation', boxParams);
    expect(res.status).toBe(200);
    expect(res.body.is_test).toBe(false);
  });

  it('creates a task of every documented type from its example', async () => {
    for (const example of taskTypeExamples) {
      const res = await api.post(`/v1/task/${example.type}`, example.request);
      expect(res.status, `${example.type}: ${JSON.stringify(res.body)}`).toBe(200);
      expect(res.body.type).toBe(example.type);
      expect(res.body.status).toBe('pending');
      expect(res.body.params).not.toHaveProperty('instruction');
      expect(res.body.params).not.toHaveProperty('callback_url');
    }
  });

  it('creates the legacy annotation type with objects_to_annotate and an attachment', async () => {
    const res = await api.post('/v1/task/annotation', {
      attachment: boxParams.attachment,
      attachment_type: 'image',
      objects_to_annotate: ['big cow', 'small cow'],
      with_labels: true,
      instruction: 'Box the cows',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.params).toMatchObject({ attachment: boxParams.attachment, objects_to_annotate: ['big cow', 'small cow'], with_labels: true });
    expectError(await api.post('/v1/task/annotation', { attachment: boxParams.attachment }), 400, 'objects_to_annotate');
    expectError(await api.post('/v1/task/annotation', { objects_to_annotate: ['cow'] }), 400, 'attachment');
  });

  it('creates categorization tasks and requires their instruction', async () => {
    const body = { attachment: 'Tessera is open source', attachment_type: 'text', categories: ['yes', 'no'] };
    const ok = await api.post('/v1/task/categorization', { ...body, instruction: 'Is it?' });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body).toMatchObject({ type: 'categorization', instruction: 'Is it?', params: { categories: ['yes', 'no'], allow_multiple: false } });
    expectError(await api.post('/v1/task/categorization', body), 400, 'instruction');
    expectError(await api.post('/v1/task/categorization', { ...body, instruction: 'Is it?', attachment: undefined }), 400, 'attachment');
  });

  it('keeps metadata, tags, unique_id, priority and project/batch on the task', async () => {
    const project = await makeProject(api);
    const batch = await makeBatch(api, project);
    const uid = uniqueName('uid');
    const task = await makeTask(api, { project, batch, metadata: { a: { b: 1 } }, tags: ['x', 'y'], unique_id: uid, priority: 30 });
    expect(task).toMatchObject({ project, batch, metadata: { a: { b: 1 } }, tags: ['x', 'y'], unique_id: uid, priority: 30 });
    const got = await api.get(`/v1/task/${task.task_id}`);
    expect(got.body).toEqual(task);
  });

  it('gets a task, and 404s unknown and malformed ids', async () => {
    const task = await makeTask(api);
    const got = await api.get(`/v1/task/${task.task_id}`);
    expect(got.status).toBe(200);
    expect(got.body).toEqual(task);
    for (const id of ['0123456789abcdef01234567', 'nope', '0123456789ABCDEF01234567', `${task.task_id}0`, "'; drop table tasks; --"]) {
      const res = await api.get(`/v1/task/${encodeURIComponent(id)}`);
      expectError(res, 404);
      expect(res.body.error).toBe(NOT_FOUND);
    }
    for (const path of ['cancel', 'setMetadata', 'unique_id', 'tags']) {
      const res = await api.post(`/v1/task/0123456789abcdef01234567/${path}`, path === 'tags' ? ['a'] : path === 'unique_id' ? { unique_id: 'u' } : {});
      expectError(res, 404);
      expect(res.body.error).toBe(NOT_FOUND);
    }
  });

  it('cancels a pending task, idempotently, with the Python client’s empty JSON body', async () => {
    const task = await makeTask(api);
    const res = await cancel(task.task_id);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ task_id: task.task_id, status: 'canceled' });
    const again = await cancel(task.task_id);
    expect(again.status).toBe(200);
    expect(again.body.status).toBe('canceled');
    // The Node clients: `{}` or no body at all.
    expect((await api.post(`/v1/task/${task.task_id}/cancel`, {})).status).toBe(200);
    expect((await api.request('POST', `/v1/task/${task.task_id}/cancel`)).status).toBe(200);
    expect((await api.get(`/v1/task/${task.task_id}`)).body.status).toBe('canceled');
  });

  it('cancel with clear_unique_id=true frees the unique_id for reuse', async () => {
    const uid = uniqueName('uid');
    const first = await makeTask(api, { unique_id: uid });
    expectError(await api.post('/v1/task/imageannotation', { ...boxParams, unique_id: uid }), 409);
    const kept = await cancel(first.task_id);
    expect(kept.body.unique_id).toBe(uid);
    expectError(await api.post('/v1/task/imageannotation', { ...boxParams, unique_id: uid }), 409);
    // On an already-canceled task, too (Python: cancel_task(id, clear_unique_id=True)).
    const cleared = await cancel(first.task_id, '?clear_unique_id=True');
    expect(cleared.status).toBe(200);
    expect(cleared.body).not.toHaveProperty('unique_id');
    const second = await api.post('/v1/task/imageannotation', { ...boxParams, unique_id: uid });
    expect(second.status).toBe(200);
    expect(second.body.unique_id).toBe(uid);

    const third = await makeTask(api, { unique_id: uniqueName('uid') });
    const direct = await cancel(third.task_id, '?clear_unique_id=true');
    expect(direct.body).toMatchObject({ status: 'canceled' });
    expect(direct.body).not.toHaveProperty('unique_id');
    expectError(await cancel(third.task_id, '?clear_unique_id=maybe'), 400, 'clear_unique_id');
  });

  it('refuses to cancel a completed task with 400', async () => {
    const project = await makeProject(api);
    const batch = (await api.post('/v1/batches', { project, name: uniqueName('b'), test_autocomplete: true })).body.name as string;
    const task = await makeTask(api, { batch });
    let status = task.status;
    for (let i = 0; i < 100 && status !== 'completed'; i++) {
      await new Promise((r) => setTimeout(r, 20));
      status = (await api.get(`/v1/task/${task.task_id}`)).body.status;
    }
    expect(status).toBe('completed');
    expectError(await cancel(task.task_id), 400);
    expect((await api.get(`/v1/task/${task.task_id}`)).body.status).toBe('completed');
  });

  it('setMetadata replaces the metadata; unwraps {"docs": ...}; refuses non-objects', async () => {
    const task = await makeTask(api, { metadata: { old: true } });
    const set = await api.post(`/v1/task/${task.task_id}/setMetadata`, { k: 'v', n: [1, { m: null }] });
    expect(set.status).toBe(200);
    expect(set.body.metadata).toEqual({ k: 'v', n: [1, { m: null }] });
    const again = await api.post(`/v1/task/${task.task_id}/setMetadata`, { k: 'v', n: [1, { m: null }] });
    expect(again.body.metadata).toEqual({ k: 'v', n: [1, { m: null }] });
    const wrapped = await api.post(`/v1/task/${task.task_id}/setMetadata`, { docs: { from: 'node' } });
    expect(wrapped.body.metadata).toEqual({ from: 'node' });
    const emptied = await api.post(`/v1/task/${task.task_id}/setMetadata`, {});
    expect(emptied.body.metadata).toEqual({});
    expect((await api.get(`/v1/task/${task.task_id}`)).body.metadata).toEqual({});

    await api.post(`/v1/task/${task.task_id}/setMetadata`, { keep: 1 });
    expectError(await api.post(`/v1/task/${task.task_id}/setMetadata`, [1, 2]), 400, 'metadata');
    expectError(await api.post(`/v1/task/${task.task_id}/setMetadata`, JSON.stringify('x')), 400, 'metadata');
    expectError(await api.request('POST', `/v1/task/${task.task_id}/setMetadata`, '', emptyJsonBody), 400, 'metadata');
    expectError(await api.request('POST', `/v1/task/${task.task_id}/setMetadata`, '{"a":', emptyJsonBody), 400);
    expect((await api.get(`/v1/task/${task.task_id}`)).body.metadata).toEqual({ keep: 1 });
  });

  it('sets a unique_id; 409 with Scale’s message when another task holds it; DELETE removes the key', async () => {
    const a = await makeTask(api);
    const uid = uniqueName('uid');
    const set = await api.post(`/v1/task/${a.task_id}/unique_id`, { unique_id: uid });
    expect(set.status).toBe(200);
    expect(set.body.unique_id).toBe(uid);
    // Setting the same one again is fine.
    expect((await api.post(`/v1/task/${a.task_id}/unique_id`, { unique_id: uid })).status).toBe(200);

    const b = await makeTask(api);
    const taken = await api.post(`/v1/task/${b.task_id}/unique_id`, { unique_id: uid });
    expectError(taken, 409);
    expect(taken.body.error).toBe(`The unique_id ("${uid}") is already used for a different task (${a.task_id}).`);
    const createTaken = await api.post('/v1/task/imageannotation', { ...boxParams, unique_id: uid });
    expect(createTaken.body.error).toBe(`The unique_id ("${uid}") is already used for a different task (${a.task_id}).`);

    // unique_id is global across projects and types.
    const project = await makeProject(api, null, 'categorization');
    const cat = await api.post('/v1/task/categorization', { project, attachment: 't', categories: ['a', 'b'], instruction: 'q', unique_id: uid });
    expectError(cat, 409);

    expectError(await api.post(`/v1/task/${b.task_id}/unique_id`, {}), 400, 'unique_id');
    expectError(await api.post(`/v1/task/${b.task_id}/unique_id`, { unique_id: 5 }), 400, 'unique_id');
    expectError(await api.post(`/v1/task/${b.task_id}/unique_id`, { unique_id: '' }), 400, 'unique_id');

    const cleared = await api.request('DELETE', `/v1/task/${a.task_id}/unique_id`, '', emptyJsonBody);
    expect(cleared.status).toBe(200);
    expect(cleared.body).not.toHaveProperty('unique_id');
    expect((await api.request('DELETE', `/v1/task/${a.task_id}/unique_id`)).status).toBe(200);
    expect(await api.get(`/v1/task/${a.task_id}`).then((r) => r.body)).not.toHaveProperty('unique_id');
    // Now free.
    const moved = await api.post(`/v1/task/${b.task_id}/unique_id`, { unique_id: uid });
    expect(moved.status).toBe(200);
    expect((await api.get(`/v1/tasks?unique_id=${uid}`)).body.docs.map((t: { task_id: string }) => t.task_id)).toEqual([b.task_id]);
  });

  it('tags: POST replaces, PUT appends without duplicates, DELETE removes and ignores absent ones', async () => {
    const task = await makeTask(api);
    const set = await api.post(`/v1/task/${task.task_id}/tags`, ['a', 'b']);
    expect(set.status).toBe(200);
    expect(set.body.tags).toEqual(['a', 'b']);
    const replaced = await api.post(`/v1/task/${task.task_id}/tags`, ['c', 'a']);
    expect(replaced.body.tags).toEqual(['c', 'a']);
    const added = await api.request('PUT', `/v1/task/${task.task_id}/tags`, ['a', 'd', 'd', 'e']);
    expect(added.status).toBe(200);
    expect(added.body.tags).toEqual(['c', 'a', 'd', 'e']);
    const removed = await api.request('DELETE', `/v1/task/${task.task_id}/tags`, ['a', 'zzz']);
    expect(removed.status).toBe(200);
    expect(removed.body.tags).toEqual(['c', 'd', 'e']);
    expect((await api.get(`/v1/task/${task.task_id}`)).body.tags).toEqual(['c', 'd', 'e']);
    // The tag filter follows the changes.
    const project = (await api.get(`/v1/task/${task.task_id}`)).body.project;
    expect(project).toBeUndefined();
    const byTag = await api.get(`/v1/tasks?tags=${encodeURIComponent(task.task_id)}`);
    expect(byTag.body.total).toBe(0);

    expectError(await api.post(`/v1/task/${task.task_id}/tags`, { tags: ['a'] }), 400, 'tags');
    expectError(await api.post(`/v1/task/${task.task_id}/tags`, JSON.stringify('a')), 400, 'tags');
    expectError(await api.request('PUT', `/v1/task/${task.task_id}/tags`, [1]), 400, 'tags');
    expectError(await api.request('PUT', `/v1/task/${task.task_id}/tags`, ['']), 400, 'tags');
    expectError(await api.request('DELETE', `/v1/task/${task.task_id}/tags`, '', emptyJsonBody), 400, 'tags');
    expectError(await api.request('PUT', `/v1/task/${task.task_id}/tags`, '[', emptyJsonBody), 400);
    // A bad body on an unknown task: 404 or 400, never 500.
    expect([400, 404]).toContain((await api.post('/v1/task/0123456789abcdef01234567/tags', { x: 1 })).status);
    expect((await api.get(`/v1/task/${task.task_id}`)).body.tags).toEqual(['c', 'd', 'e']);
  });

  it('adding tags may not grow a task past 100, the limit a create or a set is held to', async () => {
    const task = await makeTask(api);
    const many = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i}`);
    expectError(await api.post(`/v1/task/${task.task_id}/tags`, many('a', 101)), 400, 'tags');
    expect((await api.post(`/v1/task/${task.task_id}/tags`, many('a', 100))).status).toBe(200);
    // Re-adding present tags is fine; new ones past the limit are not.
    expect((await api.request('PUT', `/v1/task/${task.task_id}/tags`, ['a0', 'a99'])).status).toBe(200);
    expectError(await api.request('PUT', `/v1/task/${task.task_id}/tags`, ['b0']), 400, 'tags');
    expect((await api.get(`/v1/task/${task.task_id}`)).body.tags).toEqual(many('a', 100));
  });

  it('tag filters see changes made through the tag endpoints', async () => {
    const project = await makeProject(api);
    const task = await makeTask(api, { project, tags: ['one'] });
    const tagged = async (tag: string) => (await api.get(`/v1/tasks?project=${project}&tags=${tag}`)).body.total;
    expect(await tagged('one')).toBe(1);
    await api.post(`/v1/task/${task.task_id}/tags`, ['two']);
    expect(await tagged('one')).toBe(0);
    expect(await tagged('two')).toBe(1);
    await api.request('PUT', `/v1/task/${task.task_id}/tags`, ['three']);
    expect(await tagged('three')).toBe(1);
    await api.request('DELETE', `/v1/task/${task.task_id}/tags`, ['two', 'three']);
    expect(await tagged('two')).toBe(0);
    expect((await api.get(`/v1/task/${task.task_id}`)).body.tags).toEqual([]);
  });

  it('concurrent changes to one task are neither lost nor refused', async () => {
    const task = await makeTask(api);
    const adds = await Promise.all(
      Array.from({ length: 10 }, (_, i) => api.request('PUT', `/v1/task/${task.task_id}/tags`, [`t${i}`])),
    );
    for (const r of adds) expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect([...(await api.get(`/v1/task/${task.task_id}`)).body.tags].sort()).toEqual(Array.from({ length: 10 }, (_, i) => `t${i}`).sort());

    const cancels = await Promise.all(Array.from({ length: 5 }, () => cancel(task.task_id)));
    for (const r of cancels) expect(r.status, JSON.stringify(r.body)).toBe(200);
    for (const r of cancels) expect(r.body.status).toBe('canceled');
  });

  it('concurrent creates with one unique_id: one wins, the rest get 409', async () => {
    const uid = uniqueName('uid');
    const results = await Promise.all(Array.from({ length: 8 }, () => api.post('/v1/task/imageannotation', { ...boxParams, unique_id: uid })));
    const statuses = results.map((r) => r.status).sort();
    expect(statuses).toEqual([200, 409, 409, 409, 409, 409, 409, 409]);
    const winner = results.find((r) => r.status === 200)!.body.task_id;
    for (const r of results.filter((x) => x.status === 409)) {
      expect(r.body).toEqual({ status_code: 409, error: `The unique_id ("${uid}") is already used for a different task (${winner}).` });
    }
  });

  it('concurrent claims of one unique_id by different tasks: one wins, the rest get 409 naming it', async () => {
    const uid = uniqueName('uid');
    const tasks = await Promise.all(Array.from({ length: 6 }, () => makeTask(api)));
    const results = await Promise.all(tasks.map((t) => api.post(`/v1/task/${t.task_id}/unique_id`, { unique_id: uid })));
    expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409, 409, 409, 409]);
    const winner = results.find((r) => r.status === 200)!.body.task_id;
    for (const r of results.filter((x) => x.status === 409)) {
      expect(r.body).toEqual({ status_code: 409, error: `The unique_id ("${uid}") is already used for a different task (${winner}).` });
    }
    expect(ids((await api.get(`/v1/tasks?unique_id=${uid}`)).body.docs)).toEqual([winner]);
  });

  it('malformed JSON is 400, never 500', async () => {
    for (const body of ['{', '{"attachment": }', 'nope', '[1,', '\u0000']) {
      expectError(await api.request('POST', '/v1/task/imageannotation', body, emptyJsonBody), 400);
    }
    expectError(await api.request('POST', '/v1/task/imageannotation', '', emptyJsonBody), 400);
    expectError(await api.post('/v1/task/imageannotation', [boxParams]), 400);
    expectError(await api.post('/v1/task/imageannotation', 42), 400);
    expectError(await api.post('/v1/task/imageannotation', null), 400);
  });

  it('an unknown task type is 400 listing the supported types', async () => {
    const res = await api.post('/v1/task/notatype', boxParams);
    expectError(res, 400);
    expect(res.body.error).toContain('notatype');
    for (const type of ['imageannotation', 'annotation', 'categorization']) expect(res.body.error).toContain(type);
  });

  it('a missing attachment is 400 naming "attachment"', async () => {
    const res = await api.post('/v1/task/imageannotation', { geometries: boxParams.geometries });
    expectError(res, 400, 'attachment');
  });

  it('a wrong type for a common field is 400 naming the field', async () => {
    const cases: [string, unknown][] = [
      ['metadata', 'x'],
      ['metadata', [1]],
      ['tags', 'x'],
      ['tags', [1, 2]],
      ['priority', 'high'],
      ['priority', 1.5],
      ['unique_id', 7],
      ['instruction', { text: 'x' }],
      ['callback_url', 'not a url'],
      ['project', 5],
      ['batch', true],
      ['project_version', 'x'],
      ['clear_unique_id_on_error', 'yes'],
      ['urgency', 'asap'],
    ];
    for (const [field, value] of cases) {
      const res = await api.post('/v1/task/imageannotation', { ...boxParams, [field]: value });
      expectError(res, 400, field);
    }
    expectError(await api.post('/v1/task/imageannotation', { ...boxParams, geometries: 'box' }), 400, 'geometries');
    expectError(await api.post('/v1/task/imageannotation', { ...boxParams, attachment: 5 }), 400, 'attachment');
  });

  it('a refused create writes nothing', async () => {
    const project = await makeProject(api);
    const batch = await makeBatch(api, project);
    await makeTask(api, { project });
    const before = await count(api, project);
    expect(before).toBe(1);
    const uid = uniqueName('uid');
    const refused = [
      { ...boxParams, project, unique_id: uid, tags: ['a'], priority: 'high' },
      { ...boxParams, project, unique_id: uid, metadata: 'x' },
      { project, unique_id: uid, geometries: boxParams.geometries },
      { ...boxParams, project, unique_id: uid, project_version: 9 },
      { ...boxParams, batch, project: uniqueName('nope'), unique_id: uid },
    ];
    for (const body of refused) expect((await api.post('/v1/task/imageannotation', body)).status).toBe(400);
    expect(await count(api, project)).toBe(before);
    expect((await api.get(`/v1/tasks?unique_id=${uid}`)).body.total).toBe(0);
    expect((await api.get(`/v1/tasks?project=${project}&tags=a`)).body.total).toBe(0);
    expect((await api.get(`/v1/batches/${batch}/status`)).body).toMatchObject({ pending: 0 });
    // The unique_id was never taken.
    expect((await api.post('/v1/task/imageannotation', { ...boxParams, project, unique_id: uid })).status).toBe(200);
    expect(await count(api, project)).toBe(before + 1);
  });

  it('null common fields mean "not given", as the Python client sends None', async () => {
    const res = await api.post('/v1/task/imageannotation', { ...boxParams, project: null, batch: null, unique_id: null, tags: null, metadata: null });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.metadata).toEqual({});
    expect(res.body).not.toHaveProperty('tags');
    expect(res.body).not.toHaveProperty('unique_id');
  });
});
