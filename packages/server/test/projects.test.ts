import { beforeAll, expect, it } from 'vitest';
import { boxParams, makeProject } from './fixtures.js';
import { describeEachBackend, uniqueName, type ApiClient, type Response } from './support/harness.js';

/** A Scale error: `{status_code, error}` with the status echoed and, when given, the field named. */
function expectError(res: Response, status: number, field?: string) {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  expect(res.body).toEqual({ status_code: status, error: expect.any(String) });
  // The field itself, or a path inside it (`"tags.0"`).
  if (field) expect((res.body as { error: string }).error).toMatch(new RegExp(`"${field.replace(/\./g, '\\.')}(\\.[^"]*)?"`));
}

/** Exactly what the Python client sends for `create_project(...)`. */
function pyProject(type: string, name: string, params: Record<string, unknown> | null = null) {
  return { type, name, params, rapid: false, studio: false, datasetId: null };
}

describeEachBackend('projects', (ctx) => {
  let api: ApiClient;
  beforeAll(async () => {
    api = await ctx().testClient();
  });

  it('creates a project from the Python client’s body and returns it', async () => {
    const name = uniqueName('p');
    const res = await api.post('/v1/projects', pyProject('imageannotation', name));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    expect(res.body).toMatchObject({ name, type: 'imageannotation', params: {} });
    expect(res.body.created_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(res.body.param_history).toHaveLength(1);
    expect(res.body.param_history[0]).toMatchObject({ version: 0 });
  });

  it('creates with params and the Node client’s minimal body', async () => {
    const name = uniqueName('p');
    const params = { instruction: 'Box the animals', geometries: { box: { objects_to_annotate: ['cat'] } } };
    const res = await api.post('/v1/projects', { type: 'imageannotation', name, params });
    expect(res.status).toBe(200);
    expect(res.body.params).toEqual(params);
    expect(res.body.param_history.at(-1)).toMatchObject({ ...params, version: 0 });
  });

  it('answers 409 for a duplicate name', async () => {
    const name = await makeProject(api);
    const dup = await api.post('/v1/projects', pyProject('imageannotation', name));
    expectError(dup, 409);
    expect(dup.body.error).toContain(name);
    // A different type does not make the name free either.
    expectError(await api.post('/v1/projects', pyProject('categorization', name)), 409);
  });

  it('answers 400 naming the field for bad bodies', async () => {
    const unknownType = await api.post('/v1/projects', pyProject('nosuchtype', uniqueName('p')));
    expectError(unknownType, 400, 'type');
    expect(unknownType.body.error).toContain('imageannotation');

    expectError(await api.post('/v1/projects', { type: 'imageannotation' }), 400, 'name');
    expectError(await api.post('/v1/projects', { type: 'imageannotation', name: '' }), 400, 'name');
    expectError(await api.post('/v1/projects', { type: 'imageannotation', name: '   ' }), 400, 'name');
    expectError(await api.post('/v1/projects', { name: uniqueName('p') }), 400, 'type');
    expectError(await api.post('/v1/projects', { type: 'imageannotation', name: 42 }), 400, 'name');
    expectError(await api.post('/v1/projects', { type: 7, name: uniqueName('p') }), 400, 'type');
    expectError(await api.post('/v1/projects', { type: 'imageannotation', name: uniqueName('p'), params: 'x' }), 400, 'params');
    expectError(await api.post('/v1/projects', { type: 'imageannotation', name: uniqueName('p'), params: [] }), 400, 'params');
    expectError(await api.post('/v1/projects', { type: 'imageannotation', name: uniqueName('p'), rapid: 'yes' }), 400, 'rapid');
    expectError(await api.post('/v1/projects', [{ type: 'imageannotation', name: uniqueName('p') }]), 400);
    expectError(await api.request('POST', '/v1/projects', '{"type": "imageannotation", "name":'), 400);
    expectError(await api.request('POST', '/v1/projects', '', { 'content-type': 'application/json' }), 400);
  });

  it('answers 400 when params do not fit the type, naming the param', async () => {
    const badGeometry = await api.post('/v1/projects', pyProject('imageannotation', uniqueName('p'), { geometries: 'box' }));
    expectError(badGeometry, 400, 'params.geometries');
    const badInstruction = await api.post('/v1/projects', pyProject('imageannotation', uniqueName('p'), { instruction: 5 }));
    expectError(badInstruction, 400, 'params.instruction');
    const badCategories = await api.post('/v1/projects', pyProject('categorization', uniqueName('p'), { categories: 'a,b' }));
    expectError(badCategories, 400, 'params.categories');
    // Nothing half-made: the refused names are free.
    const list = await api.get('/v1/projects');
    expect(list.body.map((p: { params: unknown }) => p.params)).not.toContainEqual({ geometries: 'box' });
  });

  it('lists projects as a plain JSON array', async () => {
    const fresh = await ctx().testClient();
    // A new key on the suite's account sees the same projects; use a fresh account for an exact list.
    const other = ctx().client(await ctx().key('test', uniqueName('acct')));
    expect((await other.get('/v1/projects')).body).toEqual([]);
    const a = await makeProject(other);
    const b = await makeProject(other, null, 'categorization');
    const list = await other.get('/v1/projects');
    expect(list.status).toBe(200);
    expect(Array.isArray(list.body)).toBe(true);
    expect(list.body.map((p: { name: string }) => p.name).sort()).toEqual([a, b].sort());
    for (const p of list.body) expect(p).toMatchObject({ name: expect.any(String), type: expect.any(String), param_history: expect.any(Array) });
    expect((await fresh.get('/v1/projects')).status).toBe(200);
  });

  it('gets a project by name, and 404s an unknown one', async () => {
    const name = await makeProject(api, { instruction: 'hi' });
    const got = await api.get(`/v1/projects/${name}`);
    expect(got.status).toBe(200);
    expect(got.body).toMatchObject({ name, type: 'imageannotation', params: { instruction: 'hi' } });
    expect(got.body.param_history.at(-1)).toMatchObject({ version: 0, instruction: 'hi' });
    const missing = await api.get(`/v1/projects/${uniqueName('nope')}`);
    expectError(missing, 404);
    expect((await api.post(`/v1/projects/${uniqueName('nope')}/setParams`, { instruction: 'x' })).status).toBe(404);
  });

  it('takes names with spaces and slashes percent-encoded in the path', async () => {
    const name = `b 1/x ${uniqueName('p')}`;
    expect((await api.post('/v1/projects', pyProject('imageannotation', name))).status).toBe(200);
    const encoded = encodeURIComponent(name);
    expect(encoded).toContain('%2F');
    const got = await api.get(`/v1/projects/${encoded}`);
    expect(got.status).toBe(200);
    expect(got.body.name).toBe(name);
    const set = await api.post(`/v1/projects/${encoded}/setParams`, { instruction: 'encoded' });
    expect(set.status).toBe(200);
    expect(set.body.name).toBe(name);
    expect(set.body.param_history).toHaveLength(2);

    // The literal example from the contract.
    const literal = 'b 1/x';
    const other = ctx().client(await ctx().key('test', uniqueName('acct')));
    expect((await other.post('/v1/projects', pyProject('imageannotation', literal))).status).toBe(200);
    expect((await other.get('/v1/projects/b%201%2Fx')).body.name).toBe(literal);
  });

  it('keeps names exactly as given, surrounding spaces too', async () => {
    const name = ` ${uniqueName('p')} `;
    const res = await api.post('/v1/projects', pyProject('imageannotation', name));
    expect(res.status).toBe(200);
    expect(res.body.name).toBe(name);
    expect((await api.get(`/v1/projects/${encodeURIComponent(name)}`)).body.name).toBe(name);
    expect((await api.get(`/v1/projects/${encodeURIComponent(name.trim())}`)).status).toBe(404);
    const batch = ` ${uniqueName('b')}  `;
    const b = await api.post('/v1/batches', { project: name, name: batch, callback: '', metadata: {} });
    expect(b.status).toBe(200);
    expect(b.body).toMatchObject({ name: batch, project: name });
    expect((await api.get(`/v1/batches/${encodeURIComponent(batch)}`)).body.name).toBe(batch);
    expectError(await api.post('/v1/batches', { project: name, name: ' \t ' }), 400, 'name');
  });

  it('setParams appends versions; patch merges, otherwise replaces', async () => {
    const name = await makeProject(api, { instruction: 'v0', geometries: { box: { objects_to_annotate: ['cat'] } } });

    const v1 = await api.post(`/v1/projects/${name}/setParams`, { patch: false, instruction: 'v1' });
    expect(v1.status).toBe(200);
    expect(v1.body.params).toEqual({ instruction: 'v1' });
    expect(v1.body.param_history.map((v: { version: number }) => v.version)).toEqual([0, 1]);
    expect(v1.body.param_history[1]).toMatchObject({ instruction: 'v1', version: 1, created_at: expect.any(String) });
    expect(v1.body.param_history[1]).not.toHaveProperty('patch');

    const v2 = await api.post(`/v1/projects/${name}/setParams`, { patch: true, geometries: { polygon: { objects_to_annotate: ['tree'] } } });
    expect(v2.status).toBe(200);
    expect(v2.body.params).toEqual({ instruction: 'v1', geometries: { polygon: { objects_to_annotate: ['tree'] } } });
    expect(v2.body.param_history.map((v: { version: number }) => v.version)).toEqual([0, 1, 2]);

    // No patch key: replace.
    const v3 = await api.post(`/v1/projects/${name}/setParams`, { instruction: 'v3' });
    expect(v3.body.params).toEqual({ instruction: 'v3' });
    expect(v3.body.param_history.at(-1).version).toBe(3);

    // Persisted.
    const got = await api.get(`/v1/projects/${name}`);
    expect(got.body.param_history).toHaveLength(4);
    expect(got.body.params).toEqual({ instruction: 'v3' });
    // The history keeps old versions as they were.
    expect(got.body.param_history[0]).toMatchObject({ instruction: 'v0', version: 0 });
  });

  it('setParams refuses params that do not fit the type and keeps the history', async () => {
    const name = await makeProject(api);
    expectError(await api.post(`/v1/projects/${name}/setParams`, { geometries: 'box' }), 400, 'params.geometries');
    expectError(await api.post(`/v1/projects/${name}/setParams`, { patch: 'yes' }), 400, 'patch');
    expectError(await api.post(`/v1/projects/${name}/setParams`, { instruction: 3 }), 400, 'params.instruction');
    expectError(await api.post(`/v1/projects/${name}/setParams`, ['x']), 400);
    expect((await api.get(`/v1/projects/${name}`)).body.param_history).toHaveLength(1);
  });

  it('concurrent setParams calls each append their own version', async () => {
    const name = await makeProject(api);
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) => api.post(`/v1/projects/${name}/setParams`, { patch: true, [`k${i}`]: i })),
    );
    for (const r of results) expect(r.status, JSON.stringify(r.body)).toBe(200);
    const got = (await api.get(`/v1/projects/${name}`)).body;
    expect(got.param_history.map((v: { version: number }) => v.version)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(got.params).toEqual(Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`k${i}`, i])));
  });

  it('tasks inherit the project’s params; task params win', async () => {
    const project = await makeProject(api, {
      instruction: 'Project instruction',
      geometries: { box: { objects_to_annotate: ['cat'] } },
      padding: 10,
    });
    const task = await api.post('/v1/task/imageannotation', { project, attachment: boxParams.attachment, padding: 5 });
    expect(task.status, JSON.stringify(task.body)).toBe(200);
    expect(task.body.params).toMatchObject({ attachment: boxParams.attachment, padding: 5, geometries: { box: { objects_to_annotate: ['cat'] } } });
    expect(task.body.params).not.toHaveProperty('instruction');
    expect(task.body.project_param_version).toBe(0);
    expect(task.body.instruction).toBe('Project instruction');

    const own = await api.post('/v1/task/imageannotation', { project, ...boxParams, instruction: 'Task instruction' });
    expect(own.body.instruction).toBe('Task instruction');
    expect(own.body.params.geometries).toEqual(expect.objectContaining({ box: expect.objectContaining({ objects_to_annotate: ['cat', 'dog'] }) }));

    // A new version: new tasks get it, and may ask for the old one.
    await api.post(`/v1/projects/${project}/setParams`, { patch: true, instruction: 'Second', padding: 20 });
    const latest = await api.post('/v1/task/imageannotation', { project, attachment: boxParams.attachment });
    expect(latest.body.project_param_version).toBe(1);
    expect(latest.body.params.padding).toBe(20);
    expect(latest.body.instruction).toBe('Second');

    const old = await api.post('/v1/task/imageannotation', { project, attachment: boxParams.attachment, project_version: 0 });
    expect(old.status).toBe(200);
    expect(old.body.project_param_version).toBe(0);
    expect(old.body.params.padding).toBe(10);
    expect(old.body.instruction).toBe('Project instruction');
  });

  it('project_version -1 skips inheritance; an unknown version is 400', async () => {
    const project = await makeProject(api, { instruction: 'P', geometries: { box: { objects_to_annotate: ['cat'] } }, padding: 10 });
    const none = await api.post('/v1/task/imageannotation', { project, ...boxParams, project_version: -1 });
    expect(none.status).toBe(200);
    expect(none.body).not.toHaveProperty('project_param_version');
    expect(none.body).not.toHaveProperty('instruction');
    expect(none.body.params).not.toHaveProperty('padding');

    // Without inheritance the task must bring its own geometries.
    const bare = await api.post('/v1/task/imageannotation', { project, attachment: boxParams.attachment, project_version: -1 });
    expectError(bare, 400, 'geometries');

    expectError(await api.post('/v1/task/imageannotation', { project, ...boxParams, project_version: 7 }), 400, 'project_version');
    expectError(await api.post('/v1/task/imageannotation', { project, ...boxParams, project_version: -2 }), 400, 'project_version');
    expectError(await api.post('/v1/task/imageannotation', { project, ...boxParams, project_version: 'latest' }), 400, 'project_version');
  });

  it('a task of another type than its project is 400', async () => {
    const project = await makeProject(api);
    const res = await api.post('/v1/task/categorization', {
      project,
      attachment: 'hello',
      attachment_type: 'text',
      categories: ['a', 'b'],
      instruction: 'Which?',
    });
    expectError(res, 400, 'project');
  });

  it('an unknown project on a task is 400 naming project', async () => {
    expectError(await api.post('/v1/task/imageannotation', { ...boxParams, project: uniqueName('nope') }), 400, 'project');
  });
});
