import { expect, it } from 'vitest';
import { boxParams, makeBatch } from './fixtures.js';
import { member, type AppClient } from './support/app-client.js';
import { describeEachBackend, uniqueName, type ApiClient, type TestServer } from './support/harness.js';

const box = (left: number, top: number, width = 50, height = 40, label = 'cat') => ({ type: 'box', label, left, top, width, height });

async function project(api: ApiClient, admin: AppClient, people: AppClient[], workflow: Record<string, unknown> = {}) {
  const name = uniqueName('work');
  const res = await api.post('/v1/projects', { type: 'imageannotation', name, params: { geometries: { box: { objects_to_annotate: ['cat', 'dog'] } }, workflow } });
  expect(res.status).toBe(200);
  const assigned = await admin.request('POST', `/app/api/projects/${res.body.id}/assignees`, { user_ids: people.map((p) => p.userId), assigned: true });
  expect(assigned.status).toBe(200);
  return { name, id: res.body.id as string };
}

async function next(person: AppClient, body: Record<string, unknown> = {}) {
  const res = await person.request('POST', '/app/api/work/next', body);
  expect([200, 204]).toContain(res.status);
  return res.status === 204 ? undefined : res.body.lease;
}

async function team(ctx: () => TestServer) {
  const api = await ctx().testClient();
  const admin = await member(ctx(), ['admin']);
  return { api, admin };
}

describeEachBackend('the workforce', (ctx) => {
  it('signs people in and keeps sessions and API keys apart', async () => {
    const annotator = await member(ctx(), ['annotator']);
    const me = await annotator.request('GET', '/app/api/me');
    expect(me.body.user).toMatchObject({ email: annotator.email, roles: ['annotator'] });
    const wrong = await fetch(`${ctx().url}/app/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: annotator.email, password: 'nope' }) });
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toMatchObject({ status_code: 401 });
    // No CSRF token: refused.
    const noCsrf = await fetch(`${ctx().url}/app/api/work/next`, { method: 'POST', headers: { cookie: annotator.cookie, 'content-type': 'application/json' }, body: '{}' });
    expect(noCsrf.status).toBe(403);
    // An API key cannot use the app's routes, and a session cannot use /v1.
    const key = await ctx().key('test');
    expect((await fetch(`${ctx().url}/app/api/me`, { headers: { authorization: `Bearer ${key}` } })).status).toBe(401);
    expect((await fetch(`${ctx().url}/v1/projects`, { headers: { cookie: annotator.cookie } })).status).toBe(401);
    // Only admins mint keys or manage people.
    expect((await annotator.request('POST', '/app/api/keys', { env: 'test' })).status).toBe(403);
    expect((await annotator.request('GET', '/app/api/members')).status).toBe(403);
    const admin = await member(ctx(), ['admin']);
    const minted = await admin.request('POST', '/app/api/keys', { env: 'live' });
    expect(minted.body.key).toMatch(/^live_[0-9a-f]{32}$/);
    expect((await annotator.request('DELETE', '/app/api/session')).status).toBe(200);
    expect((await annotator.request('GET', '/app/api/me')).status).toBe(401);
  });

  it('slows password guessing: 20 tries a minute per email', async () => {
    const annotator = await member(ctx(), ['annotator']);
    const attempt = (email: string) =>
      fetch(`${ctx().url}/app/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: 'wrong password' }) });
    // Signing in as the member counted as the first of the 20.
    for (let i = 0; i < 19; i++) expect((await attempt(annotator.email)).status).toBe(401);
    const limited = await attempt(annotator.email);
    expect(limited.status).toBe(429);
    expect(((await limited.json()) as any).error).toContain('Too many sign-in attempts');
    // Another person's sign-in is not held up.
    expect((await attempt(`other-${annotator.email}`)).status).toBe(401);
  });

  it('invites a person, who sets a password and signs in', async () => {
    const admin = await member(ctx(), ['admin']);
    const invited = await admin.request('POST', '/app/api/members', { email: `new-${Date.now()}@example.com`, roles: ['annotator'] });
    expect(invited.status).toBe(200);
    expect(invited.body.invitation_token).toBeTruthy();
    const bad = await fetch(`${ctx().url}/app/api/invitations/accept`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token: 'nope', password: 'long enough pw' }) });
    expect(bad.status).toBe(400);
    const short = await fetch(`${ctx().url}/app/api/invitations/accept`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token: invited.body.invitation_token, password: 'short' }) });
    expect(short.status).toBe(400);
    expect((await short.json()).error).toContain('"password"');
    const ok = await fetch(`${ctx().url}/app/api/invitations/accept`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token: invited.body.invitation_token, password: 'long enough pw', name: 'New Person' }) });
    expect(ok.status).toBe(200);
    const dup = await admin.request('POST', '/app/api/members', { email: invited.body.user.email, roles: ['annotator'] });
    expect(dup.status).toBe(409);
  });

  it('takes a task from pending to completed through one annotator, with its history', async () => {
    const { api, admin } = await team(ctx);
    const annotator = await member(ctx(), ['annotator']);
    const p = await project(api, admin, [annotator]);
    const created = await api.post('/v1/task/imageannotation', { ...boxParams, project: p.name });
    const lease = await next(annotator);
    expect(lease).toMatchObject({ stage: 'label', task: { task_id: created.body.task_id }, project: { id: p.id } });
    expect(await next(annotator)).toBeUndefined(); // one task, already leased to them

    const refused = await annotator.request('POST', `/app/api/leases/${lease.id}/submit`, { response: { annotations: [box(1, 1, 10, 10, 'truck')] } });
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatch(/annotations\.0\.label/);

    const submitted = await annotator.request('POST', `/app/api/leases/${lease.id}/submit`, { response: { annotations: [box(10, 20)] } });
    expect(submitted.body.task_status).toBe('completed');
    const task = (await api.get(`/v1/task/${created.body.task_id}`)).body;
    expect(task.status).toBe('completed');
    expect(task.response.annotations[0]).toMatchObject({ left: 10, top: 20, width: 50, height: 40, label: 'cat' });
    const history = (await api.get(`/v1/task/${created.body.task_id}/history`)).body.docs.map((e: any) => e.kind);
    expect(history).toEqual(['leased', 'submitted', 'completed']);
    expect((await annotator.request('POST', `/app/api/leases/${lease.id}/submit`, { response: { annotations: [] } })).status).toBe(409);
  });

  it('holds a staging batch back until it is finalized, and never offers canceled work', async () => {
    const { api, admin } = await team(ctx);
    const annotator = await member(ctx(), ['annotator']);
    const p = await project(api, admin, [annotator]);
    const batch = await makeBatch(api, p.name);
    const staged = await api.post('/v1/task/imageannotation', { ...boxParams, project: p.name, batch });
    const canceled = await api.post('/v1/task/imageannotation', { ...boxParams, project: p.name });
    await api.post(`/v1/task/${canceled.body.task_id}/cancel`);
    expect(await next(annotator)).toBeUndefined();
    await api.post(`/v1/batches/${batch}/finalize`);
    const lease = await next(annotator);
    expect(lease.task.task_id).toBe(staged.body.task_id);
  });

  it('merges three annotators by IoU, sends the result to review, and completes on accept', async () => {
    const { api, admin } = await team(ctx);
    const annotators = [await member(ctx(), ['annotator']), await member(ctx(), ['annotator']), await member(ctx(), ['annotator'])];
    const reviewer = await member(ctx(), ['reviewer']);
    const p = await project(api, admin, [...annotators, reviewer], { annotators: 3, review_levels: 1, consensus_iou: 0.5 });
    const created = await api.post('/v1/task/imageannotation', { ...boxParams, project: p.name });
    const answers = [[box(100, 100)], [box(104, 100)], [box(102, 102), box(400, 400, 20, 20, 'dog')]];
    const leases = [];
    for (const a of annotators) leases.push(await next(a));
    expect(new Set(leases.map((l) => l.id)).size).toBe(3);
    // A fourth slot does not exist, and nobody gets two slots of one task.
    expect(await next(annotators[0]!)).toBeUndefined();
    for (const [i, a] of annotators.entries()) {
      const res = await a.request('POST', `/app/api/leases/${leases[i].id}/submit`, { response: { annotations: answers[i] } });
      expect(res.body.task_status).toBe('pending');
    }
    const review = await next(reviewer);
    expect(review.stage).toBe('review');
    expect(review.previous).toHaveLength(3);
    // The answer under review is the merge: the cat all three drew, averaged; the dog only one drew is gone.
    expect(review.proposed_response.annotations).toHaveLength(1);
    expect(review.proposed_response.annotations[0]).toMatchObject({ label: 'cat', left: 102 });
    const accepted = await reviewer.request('POST', `/app/api/leases/${review.id}/review`, { decision: 'accept' });
    expect(accepted.body.task_status).toBe('completed');
    const task = (await api.get(`/v1/task/${created.body.task_id}`)).body;
    // The cat box all three drew is averaged; the dog only one drew is dropped.
    expect(task.response.annotations).toHaveLength(1);
    expect(task.response.annotations[0]).toMatchObject({ label: 'cat', left: 102, top: 100 + 2 / 3 });
  });

  it('sends rejected work back to its annotator with the comments, then completes', async () => {
    const { api, admin } = await team(ctx);
    const annotator = await member(ctx(), ['annotator']);
    const other = await member(ctx(), ['annotator']);
    const reviewer = await member(ctx(), ['reviewer']);
    const p = await project(api, admin, [annotator, other, reviewer], { review_levels: 1 });
    const created = await api.post('/v1/task/imageannotation', { ...boxParams, project: p.name });
    const first = await next(annotator);
    await annotator.request('POST', `/app/api/leases/${first.id}/submit`, { response: { annotations: [box(1, 1)] } });
    // The annotator cannot review their own work.
    expect((await annotator.request('POST', '/app/api/work/next', { stage: 'review' })).status).toBe(403);
    const review = await next(reviewer);
    const rejected = await reviewer.request('POST', `/app/api/leases/${review.id}/review`, { decision: 'reject', comments: 'Box the whole cat.' });
    expect(rejected.body.task_status).toBe('pending');
    // Rework waits for its own annotator first.
    expect(await next(other)).toBeUndefined();
    const rework = await next(annotator);
    expect(rework.rework_comments).toEqual(['Box the whole cat.']);
    expect(rework.previous[0].response.annotations[0]).toMatchObject({ left: 1, top: 1 });
    await annotator.request('POST', `/app/api/leases/${rework.id}/submit`, { response: { annotations: [box(5, 5, 200, 100)] } });
    const second = await next(reviewer);
    const fixed = await reviewer.request('POST', `/app/api/leases/${second.id}/review`, { decision: 'fix', response: { annotations: [box(6, 6, 200, 100)] } });
    expect(fixed.body.task_status).toBe('completed');
    const task = (await api.get(`/v1/task/${created.body.task_id}`)).body;
    expect(task.response.annotations[0]).toMatchObject({ left: 6, top: 6 });
    const kinds = (await api.get(`/v1/task/${created.body.task_id}/history`)).body.docs.map((e: any) => e.kind);
    expect(kinds).toEqual(['leased', 'submitted', 'to_review', 'leased', 'returned', 'leased', 'submitted', 'to_review', 'leased', 'reviewed', 'completed']);
    const badFix = await api.post(`/v1/task/${created.body.task_id}/audit`, { accepted: 'yes' });
    expect(badFix.status).toBe(400);
  });

  it('scores gold tasks, pauses an annotator below the threshold, and lets a manager resume them', async () => {
    const { api, admin } = await team(ctx);
    const annotator = await member(ctx(), ['annotator']);
    const p = await project(api, admin, [annotator], { gold_threshold: 0.8, gold_min_answers: 1 });
    const bad = await api.post('/v1/evaluation_tasks/imageannotation', { ...boxParams, project: p.name, expected_response: { annotations: [box(1, 1, 10, 10, 'truck')] } });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toContain('expected_response');
    const gold = await api.post('/v1/evaluation_tasks/imageannotation', { ...boxParams, project: p.name, expected_response: { annotations: [box(100, 100)] } });
    expect(gold.status).toBe(200);
    expect(gold.body.id).toBe(gold.body.task_id);
    const lease = await next(annotator);
    expect(lease.task.task_id).toBe(gold.body.id);
    expect(JSON.stringify(lease)).not.toContain('expected_response');
    await annotator.request('POST', `/app/api/leases/${lease.id}/submit`, { response: { annotations: [box(300, 300)] } });
    const stats = (await annotator.request('GET', '/app/api/me/stats')).body;
    expect(stats.gold_score).toBe(0);
    // Paused: no more of this project's work, until a manager clears them.
    await api.post('/v1/task/imageannotation', { ...boxParams, project: p.name });
    expect(await next(annotator)).toBeUndefined();
    expect((await annotator.request('POST', '/app/api/work/next', { project_id: p.id })).status).toBe(403);
    const manager = await member(ctx(), ['manager']);
    expect((await manager.request('POST', `/app/api/projects/${p.id}/quality/${annotator.userId}/clear`)).status).toBe(200);
    expect((await next(annotator)).stage).toBe('label');
  });

  it('re-offers a task when its lease expires, and after a skip offers it to someone else', async () => {
    const { api, admin } = await team(ctx);
    const a = await member(ctx(), ['annotator']);
    const b = await member(ctx(), ['annotator']);
    const p = await project(api, admin, [a, b], { lease_minutes: 0.01 });
    const created = await api.post('/v1/task/imageannotation', { ...boxParams, project: p.name });
    const lease = await next(a);
    await new Promise((r) => setTimeout(r, 700));
    const retaken = await next(b);
    expect(retaken.task.task_id).toBe(created.body.task_id);
    expect((await a.request('POST', `/app/api/leases/${lease.id}/submit`, { response: { annotations: [] } })).status).toBe(409);
    expect((await a.request('POST', `/app/api/leases/${lease.id}/heartbeat`)).status).toBe(409);
    expect((await b.request('POST', `/app/api/leases/${retaken.id}/skip`, { reason: 'image failed to load' })).status).toBe(200);
    expect(await next(b)).toBeUndefined();
    const again = await next(a);
    expect(again.task.task_id).toBe(created.body.task_id);
    const kinds = (await api.get(`/v1/task/${created.body.task_id}/history`)).body.docs.map((e: any) => e.kind);
    expect(kinds).toEqual(['leased', 'expired', 'leased', 'skipped', 'leased']);
  });

  it('keeps a lease alive by heartbeat and refuses a skip without a reason', async () => {
    const { api, admin } = await team(ctx);
    const a = await member(ctx(), ['annotator']);
    const p = await project(api, admin, [a]);
    await api.post('/v1/task/imageannotation', { ...boxParams, project: p.name });
    const lease = await next(a);
    const beat = await a.request('POST', `/app/api/leases/${lease.id}/heartbeat`);
    expect(beat.status).toBe(200);
    expect(Date.parse(beat.body.lease.expires_at)).toBeGreaterThanOrEqual(Date.parse(lease.expires_at));
    const noReason = await a.request('POST', `/app/api/leases/${lease.id}/skip`, {});
    expect(noReason.status).toBe(400);
    expect(noReason.body.error).toContain('"reason"');
  });

  it('withdraws work canceled while leased', async () => {
    const { api, admin } = await team(ctx);
    const a = await member(ctx(), ['annotator']);
    const p = await project(api, admin, [a]);
    const created = await api.post('/v1/task/imageannotation', { ...boxParams, project: p.name });
    const lease = await next(a);
    await api.post(`/v1/task/${created.body.task_id}/cancel`);
    const res = await a.request('POST', `/app/api/leases/${lease.id}/submit`, { response: { annotations: [] } });
    expect(res.status).toBe(409);
    expect((await api.get(`/v1/task/${created.body.task_id}`)).body.status).toBe('canceled');
  });

  it('sends a task the customer rejects back for rework, and records accepted audits', async () => {
    const { api, admin } = await team(ctx);
    const a = await member(ctx(), ['annotator']);
    const p = await project(api, admin, [a]);
    const created = await api.post('/v1/task/imageannotation', { ...boxParams, project: p.name });
    expect((await api.post(`/v1/task/${created.body.task_id}/audit`, { accepted: true })).status).toBe(400); // not completed yet
    let lease = await next(a);
    await a.request('POST', `/app/api/leases/${lease.id}/submit`, { response: { annotations: [box(1, 1)] } });
    const rejected = await api.post(`/v1/task/${created.body.task_id}/audit`, { accepted: false, comments: 'Missed the dog.' });
    expect(rejected.status).toBe(200);
    expect(rejected.body).toMatchObject({ status: 'pending', customer_review_status: 'rejected', customer_review_comments: ['Missed the dog.'] });
    lease = await next(a);
    expect(lease.rework_comments).toContain('Missed the dog.');
    await a.request('POST', `/app/api/leases/${lease.id}/submit`, { response: { annotations: [box(1, 1), box(300, 300, 30, 30, 'dog')] } });
    const accepted = await api.post(`/v1/task/${created.body.task_id}/audit`, { accepted: true });
    expect(accepted.body).toMatchObject({ status: 'completed', customer_review_status: 'accepted' });
    expect(accepted.body.audits.map((x: any) => x.audit_result)).toEqual(['rejected', 'accepted']);
    expect((await api.get('/v1/tasks?customer_review_status=accepted')).body.docs.map((t: any) => t.task_id)).toContain(created.body.task_id);
  });

  it('lists the account’s projects for managers, with assignees and counts', async () => {
    const { api, admin } = await team(ctx);
    const a = await member(ctx(), ['annotator']);
    const p = await project(api, admin, [a]);
    await api.post('/v1/task/imageannotation', { ...boxParams, project: p.name });
    const listed = (await admin.request('GET', '/app/api/projects')).body.docs.find((d: any) => d.id === p.id);
    expect(listed).toMatchObject({ name: p.name, env: 'test', assignees: [a.userId], counts: { pending: 1, completed: 0 } });
    expect((await a.request('GET', '/app/api/projects')).status).toBe(403);
  });

  it('reports per-person and per-project numbers', async () => {
    const { api, admin } = await team(ctx);
    const a = await member(ctx(), ['annotator']);
    const p = await project(api, admin, [a]);
    for (let i = 0; i < 2; i++) await api.post('/v1/task/imageannotation', { ...boxParams, project: p.name });
    for (let i = 0; i < 2; i++) {
      const lease = await next(a);
      await a.request('POST', `/app/api/leases/${lease.id}/submit`, { response: { annotations: [] } });
    }
    const mine = (await a.request('GET', '/app/api/me/stats')).body;
    expect(mine.tasks_done).toBe(2);
    expect(mine.tasks_per_hour).toBeGreaterThan(0);
    expect(mine.median_seconds).toBeGreaterThanOrEqual(0);
    const queues = (await a.request('GET', '/app/api/queues')).body.docs;
    expect(queues).toContainEqual(expect.objectContaining({ project: expect.objectContaining({ id: p.id }), stage: 'label', available: 0 }));
    expect((await a.request('GET', `/app/api/projects/${p.id}/stats`)).status).toBe(403);
    const stats = (await admin.request('GET', `/app/api/projects/${p.id}/stats`)).body;
    expect(stats.annotators).toHaveLength(1);
    expect(stats.annotators[0]).toMatchObject({ user_id: a.userId, tasks_done: 2 });
  });

  it('refuses a workflow that makes no sense', async () => {
    const api = await ctx().testClient();
    const res = await api.post('/v1/projects', { type: 'imageannotation', name: uniqueName('wf'), params: { workflow: { annotators: 0 } } });
    expect(res.status).toBe(400);
    expect(res.body.error).toContain('params.workflow.annotators');
    const typo = await api.post('/v1/projects', { type: 'imageannotation', name: uniqueName('wf'), params: { workflow: { reviewers: 2 } } });
    expect(typo.status).toBe(400);
  });
});

describeEachBackend('Scale teams and Studio endpoints', (ctx) => {
  it('invites teammates, sets roles and assigns them to projects', async () => {
    const api = await ctx().testClient();
    const invited = await api.post('/v1/teams/invite', { emails: ['Ann@Example.com', 'bob@example.com'], team_role: 'labeler' });
    expect(invited.status).toBe(200);
    expect(invited.body).toContainEqual(expect.objectContaining({ email: 'ann@example.com', role: 'labeler' }));
    const roles = await api.post('/v1/teams/set_role', { emails: ['bob@example.com'], team_role: 'member' });
    expect(roles.body).toContainEqual(expect.objectContaining({ email: 'bob@example.com', role: 'member' }));
    expect((await api.post('/v1/teams/set_role', { emails: ['nobody@example.com'], team_role: 'member' })).status).toBe(400);
    expect((await api.post('/v1/teams/invite', { emails: ['not an email'] })).status).toBe(400);
    const name = uniqueName('studio');
    await api.post('/v1/projects', { type: 'imageannotation', name });
    const added = await api.post('/v1/studio/assignments/add', { emails: ['ann@example.com'], projects: [name] });
    expect(added.body['ann@example.com']).toEqual([name]);
    expect((await api.get('/v1/studio/assignments')).body['bob@example.com']).toEqual([]);
    const removed = await api.post('/v1/studio/assignments/remove', { emails: ['ann@example.com'], projects: [name] });
    expect(removed.body['ann@example.com']).toEqual([]);
    expect((await api.post('/v1/studio/assignments/add', { emails: ['ann@example.com'], projects: ['nope'] })).status).toBe(400);
    expect((await api.get('/v1/teams')).body.length).toBeGreaterThanOrEqual(2);
  });

  it('orders work by Studio batch priority, then age', async () => {
    const api = await ctx().testClient();
    const admin = await member(ctx(), ['admin']);
    const a = await member(ctx(), ['annotator']);
    const p = await project(api, admin, [a]);
    const older = await makeBatch(api, p.name);
    const newer = await makeBatch(api, p.name);
    const oldTask = await api.post('/v1/task/imageannotation', { ...boxParams, project: p.name, batch: older });
    const newTask = await api.post('/v1/task/imageannotation', { ...boxParams, project: p.name, batch: newer });
    await api.post(`/v1/batches/${older}/finalize`);
    await api.post(`/v1/batches/${newer}/finalize`);
    const ranked = await api.post('/v1/studio/batches/set_priorities', { batches: [{ name: newer }, { name: older }] });
    expect(ranked.status).toBe(200);
    expect(ranked.body.slice(0, 2).map((b: any) => b.name)).toEqual([newer, older]);
    expect(ranked.body[0]).toMatchObject({ studioPriority: 0, total: 1, completed: 0, projectName: p.name });
    expect((await next(a)).task.task_id).toBe(newTask.body.task_id);
    await api.post('/v1/studio/batches/reset_priorities');
    expect((await next(a)).task.task_id).toBe(oldTask.body.task_id);
    expect((await api.post('/v1/studio/batches/set_priorities', { batches: [{ name: 'missing' }] })).status).toBe(400);
    expect((await api.post('/v1/studio/batches/set_priorities', {})).status).toBe(400);
  });

  it('keeps a batch given to a project group for that group’s members', async () => {
    const api = await ctx().testClient();
    const admin = await member(ctx(), ['admin']);
    const inside = await member(ctx(), ['annotator']);
    const outside = await member(ctx(), ['annotator']);
    const p = await project(api, admin, [inside, outside]);
    const batch = await makeBatch(api, p.name);
    await api.post('/v1/task/imageannotation', { ...boxParams, project: p.name, batch });
    await api.post(`/v1/batches/${batch}/finalize`);

    const group = await api.post(`/v1/studio/projects/${p.name}/groups`, { name: 'experts', emails: [inside.email] });
    expect(group.status).toBe(200);
    expect(group.body).toMatchObject({ name: 'experts', numWorkers: 1, isSingleton: false, workers: [{ id: inside.userId, email: inside.email }] });
    expect((await api.post(`/v1/studio/projects/${p.name}/groups`, { name: 'experts', emails: [] })).status).toBe(409);
    expect((await api.post(`/v1/studio/projects/${p.name}/groups`, { name: 'x', emails: ['nobody@example.com'] })).status).toBe(400);
    const given = await api.request('PUT', `/v1/studio/batches/${batch}`, { groups: ['experts'] });
    expect(given.status).toBe(200);
    expect(given.body.groups).toEqual(['experts']);
    expect((await api.request('PUT', `/v1/studio/batches/${batch}`, { groups: ['nope'] })).status).toBe(400);

    expect(await next(outside)).toBeUndefined();
    const lease = await next(inside);
    expect(lease.task.batch).toBe(batch);
    await inside.request('POST', `/app/api/leases/${lease.id}/skip`, { reason: 'let someone else' });
    // Once the outsider joins the group, the batch is theirs too.
    const updated = await api.request('PUT', `/v1/studio/projects/${p.name}/groups/experts`, { add_emails: [outside.email] });
    expect(updated.body.numWorkers).toBe(2);
    expect((await next(outside)).task.batch).toBe(batch);
    expect((await api.get(`/v1/studio/projects/${p.name}/groups`)).body.map((g: any) => g.name)).toEqual(['experts']);
    expect((await api.request('PUT', `/v1/studio/projects/${p.name}/groups/missing`, { add_emails: [] })).status).toBe(404);
  });
});
