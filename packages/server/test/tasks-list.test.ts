import { beforeAll, describe, expect, it } from 'vitest';
import { createApiKey, ensureAccount } from '../src/index.js';
import { makeBatch, makeProject, makeTask } from './fixtures.js';
import { describeEachBackend, uniqueName, type ApiClient, type Response } from './support/harness.js';

function expectError(res: Response, status: number, field?: string) {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  expect(res.body).toEqual({ status_code: status, error: expect.any(String) });
  if (field) expect((res.body as { error: string }).error).toMatch(new RegExp(`"${field}(\\.[^"]*)?"`));
}

interface ListedTask {
  task_id: string;
  created_at: string;
  status: string;
  [key: string]: unknown;
}

const TOTAL = 1050;
const emptyJsonBody = { 'content-type': 'application/json' };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const ids = (res: Response<{ docs: ListedTask[] }>) => res.body.docs.map((t) => t.task_id);

describeEachBackend('task lists', (ctx) => {
  describe('paging 1,050 tasks', () => {
    let api: ApiClient;
    let project: string;
    let newestFirst: string[];

    beforeAll(async () => {
      api = await ctx().testClient();
      project = await makeProject(api);
      const created: string[] = [];
      for (let start = 0; start < TOTAL; start += 50) {
        const chunk = await Promise.all(
          Array.from({ length: Math.min(50, TOTAL - start) }, (_, i) => makeTask(api, { project, metadata: { i: start + i } })),
        );
        created.push(...chunk.map((t) => t.task_id));
      }
      expect(new Set(created).size).toBe(TOTAL);
      // Newest first: descending created_at, ties broken by task_id (ids are time-ordered).
      newestFirst = [...created].sort().reverse();
    }, 120_000);

    /** Walks every page with next_token, checking each page as it goes; returns the ids in order. */
    async function walk(limit: number): Promise<string[]> {
      const seen: string[] = [];
      let token: string | null = null;
      for (let pages = 0; pages <= TOTAL; pages++) {
        const query: string = token === null ? '' : `&next_token=${encodeURIComponent(token)}`;
        const res = await api.get<{ docs: ListedTask[]; total: number; limit: number; has_more: boolean; next_token: string | null; offset: number }>(
          `/v1/tasks?project=${encodeURIComponent(project)}&limit=${limit}${query}`,
        );
        if (res.status !== 200) throw new Error(`limit ${limit}: ${res.status} ${JSON.stringify(res.body)}`);
        const { docs, total, has_more, next_token } = res.body;
        if (total !== TOTAL) throw new Error(`limit ${limit}: total ${total}`);
        if (res.body.limit !== limit) throw new Error(`limit ${limit}: echoed limit ${res.body.limit}`);
        if (typeof res.body.offset !== 'number') throw new Error(`limit ${limit}: no offset`);
        if (has_more !== (next_token !== null && next_token !== undefined)) {
          throw new Error(`limit ${limit}: has_more ${has_more} with next_token ${next_token}`);
        }
        if (has_more && docs.length !== limit) throw new Error(`limit ${limit}: short page of ${docs.length} with has_more`);
        if (docs.length > limit) throw new Error(`limit ${limit}: page of ${docs.length}`);
        seen.push(...docs.map((t) => t.task_id));
        if (!has_more) return seen;
        token = next_token;
      }
      throw new Error(`limit ${limit}: never ended`);
    }

    it('walks every limit from 1 to 100 with no gap, no duplicate, newest first', async () => {
      const limits = Array.from({ length: 100 }, (_, i) => i + 1);
      // A few walks at once: the server serves them concurrently, as it would real clients.
      for (let i = 0; i < limits.length; i += 10) {
        const walks = await Promise.all(limits.slice(i, i + 10).map(async (limit) => ({ limit, seen: await walk(limit) })));
        for (const { limit, seen } of walks) {
          expect(new Set(seen).size, `limit ${limit}: duplicates`).toBe(seen.length);
          expect(seen, `limit ${limit}`).toEqual(newestFirst);
        }
      }
    }, 120_000);

    it('orders by created_at descending and shows full tasks', async () => {
      const page = await api.get<{ docs: ListedTask[] }>(`/v1/tasks?project=${project}&limit=100`);
      const stamps = page.body.docs.map((t) => t.created_at);
      expect([...stamps].sort().reverse()).toEqual(stamps);
      expect(page.body.docs[0]).toMatchObject({ project, type: 'imageannotation', status: 'pending', params: expect.any(Object) });
      // The default limit is 100.
      const dflt = await api.get(`/v1/tasks?project=${project}`);
      expect(dflt.body).toMatchObject({ limit: 100, total: TOTAL, has_more: true });
      expect(dflt.body.docs).toHaveLength(100);
    });

    it('walks the way the Python client’s get_tasks does', async () => {
      const seen: string[] = [];
      let token: string | undefined;
      for (let guard = 0; guard < 20; guard++) {
        const q = `project=${project}&include_attachment_url=True&limit=100${token ? `&next_token=${token}` : ''}`;
        const res = await api.get(`/v1/tasks?${q}`);
        expect(res.status).toBe(200);
        seen.push(...ids(res));
        if (!res.body.has_more) break;
        token = res.body.next_token;
      }
      expect(seen).toEqual(newestFirst);
      // get_tasks_count: limit=1, read total.
      expect((await api.get(`/v1/tasks?project=${project}&limit=1`)).body.total).toBe(TOTAL);
    });

    it('offset paging (old Node client) agrees with token paging', async () => {
      const page = await api.get(`/v1/tasks?project=${project}&limit=50&offset=1000`);
      expect(page.status).toBe(200);
      expect(ids(page)).toEqual(newestFirst.slice(1000, 1050));
      expect(page.body.has_more).toBe(false);
      const mid = await api.get(`/v1/tasks?project=${project}&limit=7&offset=333`);
      expect(ids(mid)).toEqual(newestFirst.slice(333, 340));
      expect(mid.body.has_more).toBe(true);
      const past = await api.get(`/v1/tasks?project=${project}&limit=7&offset=5000`);
      expect(past.body).toMatchObject({ docs: [], has_more: false, total: TOTAL });
    });
  });

  describe('filters', () => {
    let own: ApiClient;
    let accountId: string;
    let project: string;
    let batch: string;
    let t1: ListedTask, t2: ListedTask, t3: ListedTask, t4: ListedTask, t5: ListedTask;
    let uid1: string, uid2: string;

    beforeAll(async () => {
      // An account of its own, so every list below is exact.
      accountId = await ensureAccount(ctx().server.store, uniqueName('acct'));
      own = ctx().client(await createApiKey(ctx().server.store, accountId, 'test'));
      project = await makeProject(own);
      batch = await makeBatch(own, project);
      uid1 = uniqueName('uid');
      uid2 = uniqueName('uid');
      t1 = (await makeTask(own, { project, tags: ['a'], unique_id: uid1 })) as ListedTask;
      await sleep(15);
      t2 = (await makeTask(own, { project, batch, tags: ['b'], unique_id: uid2 })) as ListedTask;
      await sleep(15);
      t3 = (await makeTask(own, { project, tags: ['a', 'b'], metadata: { k: 'v' } })) as ListedTask;
      await sleep(15);
      const cat = await own.post('/v1/task/categorization', { attachment: 'x', attachment_type: 'text', categories: ['y', 'n'], instruction: 'q' });
      expect(cat.status).toBe(200);
      t4 = cat.body;
      await sleep(15);
      t5 = (await makeTask(own, { project })) as ListedTask;
      expect((await own.request('POST', `/v1/task/${t5.task_id}/cancel`, '', emptyJsonBody)).status).toBe(200);
    });

    const list = (query: string) => own.get<{ docs: ListedTask[]; total: number }>(`/v1/tasks?${query}`);
    const listIds = async (query: string) => {
      const res = await list(query);
      expect(res.status, `${query}: ${JSON.stringify(res.body)}`).toBe(200);
      expect(res.body.total, query).toBe(res.body.docs.length);
      return ids(res);
    };

    it('lists everything with no filter', async () => {
      expect(await listIds('')).toEqual([t5, t4, t3, t2, t1].map((t) => t.task_id));
    });

    it('filters by status, batch and type', async () => {
      expect(await listIds('status=canceled')).toEqual([t5.task_id]);
      expect(await listIds(`status=pending&project=${project}`)).toEqual([t3, t2, t1].map((t) => t.task_id));
      expect(await listIds('status=completed')).toEqual([]);
      expect(await listIds(`batch=${batch}`)).toEqual([t2.task_id]);
      expect(await listIds(`batch=${batch}&status=canceled`)).toEqual([]);
      expect(await listIds('type=categorization')).toEqual([t4.task_id]);
      expect(await listIds('type=imageannotation')).toEqual([t5, t3, t2, t1].map((t) => t.task_id));
      expectError(await list('status=done'), 400, 'status');
      expectError(await list(`batch=${uniqueName('nope')}`), 404);
    });

    it('filters by tags (any of those repeated) and unique_id (repeated)', async () => {
      expect(await listIds('tags=a')).toEqual([t3, t1].map((t) => t.task_id));
      expect(await listIds('tags=b')).toEqual([t3, t2].map((t) => t.task_id));
      expect(await listIds('tags=a&tags=b')).toEqual([t3, t2, t1].map((t) => t.task_id));
      expect(await listIds('tags=zzz')).toEqual([]);
      expect(await listIds(`unique_id=${uid1}`)).toEqual([t1.task_id]);
      expect(await listIds(`unique_id=${uid1}&unique_id=${uid2}`)).toEqual([t2.task_id, t1.task_id]);
      expect(await listIds(`unique_id=${uniqueName('nope')}`)).toEqual([]);
    });

    it('finds a unique_id or tag that contains a comma', async () => {
      const other = ctx().client(await ctx().key('test', uniqueName('acct')));
      const uid = `order,${uniqueName('uid')}`;
      const task = await makeTask(other, { unique_id: uid, tags: ['size:10,20'] });
      const decoy = await makeTask(other, { unique_id: 'order', tags: ['size:10'] });
      const found = async (query: string) => ids(await other.get(`/v1/tasks?${query}`));
      expect(await found(`unique_id=${encodeURIComponent(uid)}`)).toEqual([task.task_id]);
      expect(await found(`tags=${encodeURIComponent('size:10,20')}`)).toEqual([task.task_id]);
      expect(await found(`unique_id=${encodeURIComponent(uid)}&unique_id=order`)).toEqual([decoy.task_id, task.task_id]);
      expect(await found('tags=size:10')).toEqual([decoy.task_id]);
      await other.request('POST', `/v1/task/${task.task_id}/cancel?clear_unique_id=true`, '', emptyJsonBody);
      expect(await found(`unique_id=${encodeURIComponent(uid)}`)).toEqual([]);
    });

    it('filters by start_time and end_time in every ISO form clients send', async () => {
      const at = t3.created_at; // e.g. 2026-01-01T12:00:00.123Z
      expect(await listIds(`project=${project}&start_time=${encodeURIComponent(at)}`)).toEqual([t5, t3].map((t) => t.task_id));
      expect(await listIds(`project=${project}&end_time=${encodeURIComponent(at)}`)).toEqual([t3, t2, t1].map((t) => t.task_id));
      expect(await listIds(`start_time=${encodeURIComponent(at)}&end_time=${encodeURIComponent(at)}`)).toEqual([t3.task_id]);
      // Naive Python utcnow().isoformat(): microseconds, no zone, meaning UTC.
      const naive = at.replace('Z', '000');
      expect(naive).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}$/);
      expect(await listIds(`start_time=${naive}&end_time=${naive}`)).toEqual([t3.task_id]);
      // An explicit offset.
      const shifted = new Date(Date.parse(at) - 7 * 3600_000).toISOString().replace('Z', '-07:00');
      expect(await listIds(`start_time=${encodeURIComponent(shifted)}&end_time=${encodeURIComponent(shifted)}`)).toEqual([t3.task_id]);
      // The contract's literal examples.
      expect(await listIds('start_time=2024-05-01T12:00:00.123456')).toHaveLength(5);
      expect(await listIds('end_time=2024-05-01T12:00:00.123456')).toEqual([]);
      // Date-only.
      expect(await listIds('start_time=2021-04-25')).toHaveLength(5);
      expect(await listIds('end_time=2021-04-25')).toEqual([]);
      const today = at.slice(0, 10);
      const tomorrow = new Date(Date.parse(today) + 86400_000).toISOString().slice(0, 10);
      expect(await listIds(`start_time=${tomorrow}`)).toEqual([]);
      expect((await listIds(`start_time=${today}&end_time=${tomorrow}`)).length).toBeGreaterThanOrEqual(5);
      expectError(await list('start_time=not-a-date'), 400, 'start_time');
      expectError(await list('end_time=2024-13-45'), 400, 'end_time');
    });

    it('filters by completed_after and completed_before', async () => {
      const auto = (await own.post('/v1/batches', { project, name: uniqueName('b'), test_autocomplete: true })).body.name as string;
      const waitDone = async (id: string) => {
        for (let i = 0; i < 200; i++) {
          const t = (await own.get(`/v1/task/${id}`)).body;
          if (t.status === 'completed') return t as ListedTask & { completed_at: string };
          await sleep(10);
        }
        throw new Error(`task ${id} never completed`);
      };
      const early = await waitDone((await makeTask(own, { batch: auto })).task_id);
      await sleep(20);
      const cut = new Date().toISOString();
      await sleep(20);
      const late = await waitDone((await makeTask(own, { batch: auto })).task_id);
      expect(await listIds(`completed_after=${encodeURIComponent(cut)}`)).toEqual([late.task_id]);
      expect(await listIds(`completed_before=${encodeURIComponent(cut)}`)).toEqual([early.task_id]);
      expect(await listIds(`status=completed&project=${project}`)).toEqual([late.task_id, early.task_id]);
      expect(await listIds(`completed_after=${encodeURIComponent(early.completed_at)}&completed_before=${encodeURIComponent(early.completed_at)}`)).toEqual([
        early.task_id,
      ]);
      // Tidy: later tests count the pending tasks of the project only.
    });

    it('filters by customer_review_status, comma-joined or repeated', async () => {
      const scoped = ctx().server.store.scoped({ accountId, env: 'test' });
      const now = Date.now();
      await scoped.tasks.update(t1.task_id, { customerReviewStatus: 'accepted', updatedAt: now });
      await scoped.tasks.update(t2.task_id, { customerReviewStatus: 'fixed', updatedAt: now });
      await scoped.tasks.update(t3.task_id, { customerReviewStatus: 'rejected', updatedAt: now });
      expect(await listIds('customer_review_status=accepted%2Cfixed')).toEqual([t2.task_id, t1.task_id]);
      expect(await listIds('customer_review_status=accepted,fixed')).toEqual([t2.task_id, t1.task_id]);
      expect(await listIds('customer_review_status=rejected&customer_review_status=accepted')).toEqual([t3.task_id, t1.task_id]);
      expect(await listIds('customer_review_status=rejected')).toEqual([t3.task_id]);
      expect((await list(`customer_review_status=accepted`)).body.docs[0]).toMatchObject({ customer_review_status: 'accepted' });
      expectError(await list('customer_review_status=great'), 400, 'customer_review_status');
    });

    it('limited_response=True returns only task_id, status, metadata and project', async () => {
      const res = await list(`limited_response=True&project=${project}&tags=a`);
      expect(res.status).toBe(200);
      expect(res.body.docs).toEqual([
        { task_id: t3.task_id, status: 'pending', metadata: { k: 'v' }, project },
        { task_id: t1.task_id, status: 'pending', metadata: {}, project },
      ]);
      const noProject = await list('limited_response=true&type=categorization');
      expect(noProject.body.docs).toEqual([{ task_id: t4.task_id, status: 'pending', metadata: {} }]);
      const full = await list('limited_response=False&type=categorization');
      expect(full.body.docs[0]).toHaveProperty('params');
    });

    it('refuses bad limits and tokens, and 404s an unknown project', async () => {
      expectError(await list('limit=0'), 400, 'limit');
      expectError(await list('limit=101'), 400, 'limit');
      expectError(await list('limit=-5'), 400, 'limit');
      expectError(await list('limit=ten'), 400, 'limit');
      expectError(await list('limit=2.5'), 400, 'limit');
      expectError(await list('next_token=garbage'), 400, 'next_token');
      expectError(await list(`next_token=${Buffer.from(JSON.stringify({ v: 1, id: 'x' })).toString('base64url')}`), 400, 'next_token');
      expectError(await list(`next_token=${Buffer.from('[]').toString('base64url')}`), 400, 'next_token');
      const missing = await list(`project=${uniqueName('nope')}`);
      expectError(missing, 404);
      // Unknown and empty params are ignored.
      expect((await list('whatever=1&status=')).status).toBe(200);
      expect((await list('limited_response=maybe')).status).toBe(400);
    });

    it('a token from one filter keeps working on a later page', async () => {
      const first = await list(`project=${project}&limit=1`);
      expect(first.body.next_token).toEqual(expect.any(String));
      const second = await list(`project=${project}&limit=1&next_token=${encodeURIComponent(first.body.next_token as string)}`);
      expect(second.status).toBe(200);
      expect(ids(second)).toHaveLength(1);
      expect(ids(second)[0]).not.toBe(ids(first)[0]);
    });
  });
});
