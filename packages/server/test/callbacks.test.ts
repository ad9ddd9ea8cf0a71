import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { defaultRetryPolicy, verifyWebhook } from '../src/index.js';
import { boxParams, makeProject } from './fixtures.js';
import { describeEachBackend, uniqueName, type ApiClient, type TestServer } from './support/harness.js';
import { startReceiver, type Receiver } from './support/receiver.js';

let receiver: Receiver;
beforeAll(async () => {
  receiver = await startReceiver();
});
afterAll(() => receiver.close());
afterEach(() => {
  receiver.reply = () => ({ status: 200, body: 'ok' });
});

const fastRetries = {
  retry: { ...defaultRetryPolicy, maxAttempts: 4, initialDelayMs: 100, jitter: 0 },
  pollMs: 10,
  allowPrivateAddresses: true,
};

/** A client whose test tasks complete by themselves, so callbacks fire without annotators. */
async function autocompleting(api: ApiClient) {
  const res = await api.post('/v1/callbacks/settings', { test_autocomplete: true });
  expect(res.status).toBe(200);
  return res.body;
}

async function waitForTask(api: ApiClient, id: string, done: (task: any) => boolean, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const task = (await api.get(`/v1/task/${id}`)).body;
    if (done(task)) return task;
    if (Date.now() > deadline) throw new Error(`task ${id} never reached the state: ${JSON.stringify(task)}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** Each test its own account: settings such as test_autocomplete must not leak between tests. */
async function ownAccount(server: TestServer): Promise<ApiClient> {
  return server.client(await server.key('test', uniqueName('callbacks')));
}

const forTask = (id: string) => (r: { json: any }) => r.json?.task_id === id;

describeEachBackend(
  'callbacks',
  (ctx) => {
    it('POSTs the completed task in Scale’s shape, with the auth key and a verifiable signature', async () => {
      const api = await ownAccount(ctx());
      const settings = await autocompleting(api);
      const created = await api.post('/v1/task/imageannotation', { ...boxParams, callback_url: `${receiver.url}/hook?x=1` });
      expect(created.status).toBe(200);
      const [got] = await receiver.waitFor(1, 10_000, forTask(created.body.task_id));
      expect(got!.path).toBe('/hook?x=1');
      expect(got!.headers['content-type']).toBe('application/json');
      expect(got!.json.task).toMatchObject({ task_id: created.body.task_id, status: 'completed', type: 'imageannotation' });
      expect(got!.json.response).toEqual(got!.json.task.response);
      expect(got!.json.response).toMatchObject({ annotations: [] });
      expect(got!.headers['scale-callback-auth']).toBe(settings.callback_auth_key);
      const headers = {
        'webhook-id': String(got!.headers['webhook-id']),
        'webhook-timestamp': String(got!.headers['webhook-timestamp']),
        'webhook-signature': String(got!.headers['webhook-signature']),
      };
      expect(headers['webhook-id']).toMatch(/^msg_[0-9a-f]{24}$/);
      expect(verifyWebhook(settings.webhook_secret, headers, got!.body)).toBe(true);
      expect(verifyWebhook(settings.webhook_secret, headers, got!.body.replace('completed', 'canceled'))).toBe(false);
      const task = await waitForTask(api, created.body.task_id, (t) => t.callback_succeeded !== undefined);
      expect(task.callback_succeeded).toBe(true);
    });

    it('answers with the hypothesis when there is one', async () => {
      const api = await ownAccount(ctx());
      await autocompleting(api);
      const hypothesis = { annotations: [{ type: 'box', label: 'cat', left: 1, top: 2, width: 30, height: 40 }] };
      const created = await api.post('/v1/task/imageannotation', { ...boxParams, hypothesis, callback_url: receiver.url });
      expect(created.status).toBe(200);
      const [got] = await receiver.waitFor(1, 10_000, forTask(created.body.task_id));
      expect(got!.json.response.annotations[0]).toMatchObject(hypothesis.annotations[0]!);
    });

    it('sends a callback when a task is canceled', async () => {
      const api = await ownAccount(ctx());
      const created = await api.post('/v1/task/imageannotation', { ...boxParams, callback_url: receiver.url });
      expect((await api.post(`/v1/task/${created.body.task_id}/cancel`)).status).toBe(200);
      const [got] = await receiver.waitFor(1, 10_000, forTask(created.body.task_id));
      expect(got!.json.task.status).toBe('canceled');
    });

    it('retries 5xx with exponential backoff until a 2xx, logging every attempt', async () => {
      const api = await ownAccount(ctx());
      await autocompleting(api);
      let calls = 0;
      receiver.reply = (r) => (r.json?.task?.callback_url?.endsWith('/flaky') && ++calls <= 2 ? { status: 503, body: 'busy' } : { status: 200 });
      const created = await api.post('/v1/task/imageannotation', { ...boxParams, callback_url: `${receiver.url}/flaky` });
      const got = await receiver.waitFor(3, 10_000, forTask(created.body.task_id));
      // Backoff doubles: ~100 ms, then ~200 ms (no jitter in this suite).
      expect(got[1]!.at - got[0]!.at).toBeGreaterThanOrEqual(90);
      expect(got[2]!.at - got[1]!.at).toBeGreaterThanOrEqual(180);
      // Every attempt is the same message: receivers de-duplicate by webhook-id.
      expect(new Set(got.map((r) => r.headers['webhook-id'])).size).toBe(1);
      await waitForTask(api, created.body.task_id, (t) => t.callback_succeeded === true);
      const log = (await api.get(`/v1/task/${created.body.task_id}/callbacks`)).body;
      expect(log.docs).toHaveLength(1);
      expect(log.docs[0]).toMatchObject({ status: 'delivered', attempts: 3, last_status_code: 200, event: 'task.completed' });
      expect(log.docs[0].attempt_log.map((a: any) => a.status_code)).toEqual([503, 503, 200]);
      expect(log.docs[0].attempt_log[0].response_excerpt).toBe('busy');
    });

    it('honours Retry-After on 429', async () => {
      const api = await ownAccount(ctx());
      await autocompleting(api);
      let calls = 0;
      receiver.reply = (r) =>
        r.path === '/slow-down' && ++calls === 1 ? { status: 429, headers: { 'retry-after': '1' } } : { status: 200 };
      const created = await api.post('/v1/task/imageannotation', { ...boxParams, callback_url: `${receiver.url}/slow-down` });
      const got = await receiver.waitFor(2, 10_000, forTask(created.body.task_id));
      expect(got[1]!.at - got[0]!.at).toBeGreaterThanOrEqual(950);
    });

    it('treats a 400 as final and records callback_succeeded: false', async () => {
      const api = await ownAccount(ctx());
      await autocompleting(api);
      receiver.reply = (r) => (r.path === '/reject' ? { status: 400 } : { status: 200 });
      const created = await api.post('/v1/task/imageannotation', { ...boxParams, callback_url: `${receiver.url}/reject` });
      const task = await waitForTask(api, created.body.task_id, (t) => t.callback_succeeded !== undefined);
      expect(task.callback_succeeded).toBe(false);
      await new Promise((r) => setTimeout(r, 300));
      expect(receiver.received.filter(forTask(created.body.task_id))).toHaveLength(1);
      const log = (await api.get(`/v1/task/${created.body.task_id}/callbacks`)).body;
      expect(log.docs[0]).toMatchObject({ status: 'failed', attempts: 1, last_status_code: 400 });
    });

    it('gives up after the last try', async () => {
      const api = await ownAccount(ctx());
      await autocompleting(api);
      receiver.reply = (r) => (r.path === '/down' ? { status: 500 } : { status: 200 });
      const created = await api.post('/v1/task/imageannotation', { ...boxParams, callback_url: `${receiver.url}/down` });
      const task = await waitForTask(api, created.body.task_id, (t) => t.callback_succeeded !== undefined);
      expect(task.callback_succeeded).toBe(false);
      expect(receiver.received.filter(forTask(created.body.task_id))).toHaveLength(4);
    });

    it('does not follow redirects', async () => {
      const api = await ownAccount(ctx());
      await autocompleting(api);
      receiver.reply = (r) => (r.path === '/moved' ? { status: 302, headers: { location: `${receiver.url}/elsewhere` } } : { status: 200 });
      const created = await api.post('/v1/task/imageannotation', { ...boxParams, callback_url: `${receiver.url}/moved` });
      const task = await waitForTask(api, created.body.task_id, (t) => t.callback_succeeded !== undefined);
      expect(task.callback_succeeded).toBe(false);
      expect(receiver.received.filter((r) => r.path === '/elsewhere')).toHaveLength(0);
    });

    it('resends on request, as a new message', async () => {
      const api = await ownAccount(ctx());
      await autocompleting(api);
      const created = await api.post('/v1/task/imageannotation', { ...boxParams, callback_url: `${receiver.url}/resend` });
      const [first] = await receiver.waitFor(1, 10_000, forTask(created.body.task_id));
      const resent = await api.post(`/v1/task/${created.body.task_id}/callback`);
      expect(resent.status).toBe(200);
      expect(resent.body).toMatchObject({ event: 'task.resent', status: 'pending', task_id: created.body.task_id });
      const both = await receiver.waitFor(2, 10_000, forTask(created.body.task_id));
      expect(both[1]!.headers['webhook-id']).not.toBe(first!.headers['webhook-id']);
      expect((await api.post('/v1/task/000000000000000000000000/callback')).status).toBe(404);
    });

    it('refuses to resend a task that has nowhere to go', async () => {
      const api = await ownAccount(ctx());
      const created = await api.post('/v1/task/imageannotation', boxParams);
      const res = await api.post(`/v1/task/${created.body.task_id}/callback`);
      expect(res.status).toBe(400);
      expect(res.body.error).toContain('"callback_url"');
    });

    it('uses the account’s default callback URL for tasks that name none', async () => {
      const api = await ownAccount(ctx());
      await api.post('/v1/callbacks/settings', { default_callback_url: `${receiver.url}/default`, test_autocomplete: true });
      const created = await api.post('/v1/task/imageannotation', boxParams);
      const [got] = await receiver.waitFor(1, 10_000, forTask(created.body.task_id));
      expect(got!.path).toBe('/default');
    });

    it('POSTs the batch when it completes', async () => {
      const api = await ownAccount(ctx());
      await autocompleting(api);
      const project = await makeProject(api);
      const batch = `batch-${Date.now()}`;
      expect((await api.post('/v1/batches', { project, name: batch, callback: `${receiver.url}/batch` })).status).toBe(200);
      for (let i = 0; i < 3; i++) await api.post('/v1/task/imageannotation', { ...boxParams, project, batch });
      await api.post(`/v1/batches/${batch}/finalize`);
      const [got] = await receiver.waitFor(1, 10_000, (r) => r.path === '/batch' && r.json?.batch?.name === batch);
      expect(got!.json.batch).toMatchObject({ name: batch, status: 'completed', project });
      expect(got!.json.status).toMatchObject({ completed: 3, pending: 0 });
    });

    it('completes a test batch by itself when the batch asks for it, and never live tasks', async () => {
      const api = await ownAccount(ctx());
      const project = await makeProject(api);
      const batch = `auto-${Date.now()}`;
      await api.post('/v1/batches', { project, name: batch, test_autocomplete: true });
      const created = await api.post('/v1/task/imageannotation', { ...boxParams, project, batch });
      await waitForTask(api, created.body.task_id, (t) => t.status === 'completed');

      const live = ctx().client(await ctx().key('live'));
      await live.post('/v1/callbacks/settings', { test_autocomplete: true });
      const liveTask = await live.post('/v1/task/imageannotation', boxParams);
      await new Promise((r) => setTimeout(r, 400));
      expect((await live.get(`/v1/task/${liveTask.body.task_id}`)).body.status).toBe('pending');
    });

    it('rotates secrets; the old secret still signs for a while', async () => {
      const api = await ownAccount(ctx());
      const before = await autocompleting(api);
      const rotated = (await api.post('/v1/callbacks/settings/rotate')).body;
      expect(rotated.webhook_secret).toMatch(/^whsec_/);
      expect(rotated.webhook_secret).not.toBe(before.webhook_secret);
      expect(rotated.callback_auth_key).not.toBe(before.callback_auth_key);
      const created = await api.post('/v1/task/imageannotation', { ...boxParams, callback_url: receiver.url });
      const [got] = await receiver.waitFor(1, 10_000, forTask(created.body.task_id));
      const headers = {
        'webhook-id': String(got!.headers['webhook-id']),
        'webhook-timestamp': String(got!.headers['webhook-timestamp']),
        'webhook-signature': String(got!.headers['webhook-signature']),
      };
      expect(verifyWebhook(rotated.webhook_secret, headers, got!.body)).toBe(true);
      expect(verifyWebhook(before.webhook_secret, headers, got!.body)).toBe(true);
      expect(got!.headers['scale-callback-auth']).toBe(rotated.callback_auth_key);
    });

    it('pages the account’s delivery log and refuses bad settings', async () => {
      const api = await ownAccount(ctx());
      await autocompleting(api);
      const ids = new Set<string>();
      for (let i = 0; i < 3; i++) ids.add((await api.post('/v1/task/imageannotation', { ...boxParams, callback_url: `${receiver.url}/log` })).body.task_id);
      // The receiver serves every suite: count only this test's callbacks.
      await receiver.waitFor(3, 10_000, (r) => ids.has(r.json?.task_id));
      const first = (await api.get('/v1/callbacks?limit=2')).body;
      expect(first.docs).toHaveLength(2);
      expect(first.has_more).toBe(true);
      const second = (await api.get(`/v1/callbacks?limit=2&next_token=${first.next_token}`)).body;
      expect(second.docs.length).toBeGreaterThanOrEqual(1);
      expect(second.docs[0].id < first.docs[1].id).toBe(true);
      const bad = await api.post('/v1/callbacks/settings', { default_callback_url: 'not a url' });
      expect(bad.status).toBe(400);
      expect(bad.body.error).toContain('"default_callback_url"');
      expect((await api.post('/v1/callbacks/settings', { test_autocomplete: 'yes' })).status).toBe(400);
      // Another account sees none of it.
      const other = ctx().client(await ctx().key('test', 'someone-else'));
      expect((await other.get('/v1/callbacks')).body.docs).toEqual([]);
    });
  },
  { delivery: fastRetries },
);

describeEachBackend('callbacks to private addresses, by default', (ctx) => {
  it('refuses them and records why', async () => {
    const api = await ownAccount(ctx());
    await autocompleting(api);
    const created = await api.post('/v1/task/imageannotation', { ...boxParams, callback_url: `${receiver.url}/private` });
    const task = await waitForTask(api, created.body.task_id, (t) => t.callback_succeeded !== undefined);
    expect(task.callback_succeeded).toBe(false);
    expect(receiver.received.filter((r) => r.path === '/private')).toHaveLength(0);
    const log = (await api.get(`/v1/task/${created.body.task_id}/callbacks`)).body;
    expect(log.docs[0].last_error).toMatch(/private address/);
    expect(log.docs[0].attempts).toBe(1);
  });
}, { delivery: { pollMs: 10 } });
