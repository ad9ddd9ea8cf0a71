import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { boxParams } from './fixtures.js';
import { apiClient, backends, type BackendName } from './support/harness.js';
import { createKeyWithCli, pgUrlWithSchema, spawnServer, type ServerProcess } from './support/process.js';
import { startReceiver, type Receiver } from './support/receiver.js';

const TASKS = 2000;
const callbackFlags = ['--allow-private-callbacks', '--callback-retry-ms', '50', '--callback-lease-ms', '1500', '--callback-timeout-ms', '5000'];

/**
 * A receiver that fails 30% of first attempts (by webhook-id, so the choice is stable) and records,
 * per webhook-id, how often it was acknowledged with a 2xx.
 */
function flakyReceiver(receiver: Receiver) {
  const seen = new Set<string>();
  const acked = new Map<string, number>();
  receiver.reply = (r) => {
    const id = String(r.headers['webhook-id']);
    const first = !seen.has(id);
    seen.add(id);
    if (first && parseInt(id.slice(-2), 16) % 10 < 3) return { status: 500 };
    acked.set(id, (acked.get(id) ?? 0) + 1);
    return { status: 200 };
  };
  return acked;
}

/** Where a CLI process keeps its data: a SQLite directory, or a fresh PostgreSQL schema. */
async function storage(backend: BackendName) {
  const dataDir = await mkdtemp(join(tmpdir(), 'tessera-crash-'));
  if (backend === 'sqlite') return { args: ['--data', dataDir], drop: () => rm(dataDir, { recursive: true, force: true }) };
  const base = process.env.TESSERA_TEST_PG_URL!;
  const schema = `crash_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.end();
  return {
    args: ['--data', dataDir, '--db', pgUrlWithSchema(base, schema)],
    drop: async () => {
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      await c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await c.end();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

async function until(check: () => boolean, timeoutMs: number, what: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function createTasks(url: string, key: string, callbackUrl: string): Promise<string[]> {
  const api = apiClient(url, key);
  expect((await api.post('/v1/callbacks/settings', { test_autocomplete: true })).status).toBe(200);
  const ids: string[] = [];
  for (let i = 0; i < TASKS; i += 50) {
    const chunk = await Promise.all(
      Array.from({ length: Math.min(50, TASKS - i) }, () => api.post('/v1/task/imageannotation', { ...boxParams, callback_url: callbackUrl })),
    );
    for (const res of chunk) {
      expect(res.status).toBe(200);
      ids.push(res.body.task_id);
    }
  }
  return ids;
}

for (const backend of backends()) {
  describe(`callbacks survive a crash [${backend}]`, () => {
    let receiver: Receiver;
    let store: Awaited<ReturnType<typeof storage>>;
    const running: ServerProcess[] = [];
    beforeAll(async () => {
      receiver = await startReceiver();
      store = await storage(backend);
    });
    afterAll(async () => {
      await Promise.all(running.map((s) => s.stop()));
      await receiver.close();
      await store.drop();
    });

    it('delivers every callback at least once across kill -9, de-duplicable by webhook-id', { timeout: 180_000 }, async () => {
      const acked = flakyReceiver(receiver);
      const key = await createKeyWithCli(['--env', 'test', ...store.args]);
      const first = await spawnServer([...store.args, ...callbackFlags]);
      running.push(first);
      const tasks = await createTasks(first.url, key, `${receiver.url}/hook`);

      // Kill it mid-drain: some callbacks delivered, some claimed in flight, some not yet owed.
      await until(() => acked.size >= TASKS / 4, 60_000, () => `${TASKS / 4} acks, have ${acked.size}`);
      await first.kill9();
      const atKill = acked.size;
      expect(atKill).toBeLessThan(TASKS);

      const second = await spawnServer([...store.args, ...callbackFlags]);
      running.push(second);
      await until(() => acked.size >= TASKS, 120_000, () => `${TASKS} acks, have ${acked.size}`);

      // Every task's callback arrived; the receiver sees each webhook-id at least once.
      const deliveredTasks = new Set(receiver.received.filter((r) => r.json?.task_id).map((r) => r.json.task_id as string));
      for (const id of tasks) expect(deliveredTasks.has(id)).toBe(true);
      expect(acked.size).toBe(TASKS);
      const duplicates = [...acked.values()].filter((n) => n > 1).length;
      console.log(`[${backend}] killed after ${atKill} acks; ${TASKS} delivered; ${duplicates} acknowledged twice (sent again after the crash)`);

      // Every task records its callback as delivered.
      const api = apiClient(second.url, key);
      for (const id of tasks.slice(0, 50)) {
        const task = (await api.get(`/v1/task/${id}`)).body;
        expect(task.callback_succeeded).toBe(true);
      }
    });
  });
}

if (backends().includes('postgres')) {
  describe('two server processes drain one outbox [postgres]', () => {
    let receiver: Receiver;
    let store: Awaited<ReturnType<typeof storage>>;
    const running: ServerProcess[] = [];
    beforeAll(async () => {
      receiver = await startReceiver();
      store = await storage('postgres');
    });
    afterAll(async () => {
      await Promise.all(running.map((s) => s.stop()));
      await receiver.close();
      await store.drop();
    });

    it('sends each callback once when no reply is lost', { timeout: 180_000 }, async () => {
      const counts = new Map<string, number>();
      receiver.reply = (r) => {
        const id = String(r.headers['webhook-id']);
        counts.set(id, (counts.get(id) ?? 0) + 1);
        return { status: 200 };
      };
      const key = await createKeyWithCli(['--env', 'test', ...store.args]);
      // Two processes, as behind a load balancer; each runs its own delivery worker.
      const a = await spawnServer([...store.args, ...callbackFlags, '--callback-lease-ms', '60000']);
      running.push(a);
      const b = await spawnServer([...store.args, ...callbackFlags, '--callback-lease-ms', '60000']);
      running.push(b);
      await createTasks(a.url, key, `${receiver.url}/two`);
      await until(() => counts.size >= TASKS, 120_000, () => `${TASKS} callbacks, have ${counts.size}`);
      await new Promise((r) => setTimeout(r, 500));
      const doubles = [...counts.values()].filter((n) => n > 1).length;
      expect(doubles).toBe(0);
      // Both processes did part of the work.
      const log = (await apiClient(b.url, key).get('/v1/callbacks?limit=1')).body;
      expect(log.docs[0].status).toBe('delivered');
    });
  });
}
