/**
 * The server under test, in its own process: forked by a benchmark so autocannon's client work
 * never shares this event loop (on a 2-core machine each gets a core). Sets up an account, a test
 * key and a project, seeds tasks if asked, reports `ready`, and on `close` tears everything down
 * (the temp directory, or the PostgreSQL schema).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApiKey, ensureAccount, startServer, startWorkers, type RunningServer, type Workers } from '@tessera/server';
import type { ChildMessage, ParentMessage, ServerSetup } from './protocol.js';
import { createMember } from '../../packages/server/dist/domain/people.js';
import { pastIds, seedTasks, seedWorkItems } from './seed.js';

const send = (message: ChildMessage): void => {
  process.send?.(message);
};

async function main(): Promise<void> {
  const setup = JSON.parse(process.env.TESSERA_BENCH_SETUP ?? '{}') as ServerSetup;
  // Before the server makes any id (see pastIds).
  const seed = setup.seedTasks > 0 ? pastIds(setup.seedTasks, setup.seedWork === true) : undefined;

  const dataDir = await mkdtemp(join(tmpdir(), 'tessera-bench-'));
  const schema = setup.db ? `bench_${process.pid}_${Date.now().toString(36)}` : undefined;
  let server: RunningServer | undefined;
  let workers: Workers | undefined;
  const cleanup = async () => {
    // Workers first, so none is mid-query on a schema that is about to go.
    await workers?.stop();
    workers = undefined;
    if (server && schema) await server.store.db.schema.dropSchema(schema).ifExists().cascade().execute();
    await server?.close();
    server = undefined;
    await rm(dataDir, { recursive: true, force: true });
  };

  let closing = false;
  // Ctrl-C reaches the whole process group: leave it to the parent, whose exit disconnects us below.
  process.on('SIGINT', () => undefined);
  // The benchmark died or was interrupted: clean up all the same (a PostgreSQL schema outlives us).
  process.on('disconnect', () => {
    if (closing) return;
    closing = true;
    void cleanup().finally(() => process.exit(1));
  });
  process.on('message', (message: ParentMessage) => {
    if (message.type !== 'close' || closing) return;
    closing = true;
    cleanup().then(
      () => {
        send({ type: 'closed' });
        process.disconnect();
      },
      (error: unknown) => {
        send({ type: 'failed', message: `cleanup: ${String(error)}` });
        process.exit(1);
      },
    );
  });

  try {
    // As `tessera serve` runs it: workers on. Started here rather than by startServer so they can be
    // stopped before the schema is dropped.
    server = await startServer({ port: 0, host: '127.0.0.1', dataDir, databaseUrl: setup.db, databaseSchema: schema, workers: false });
    workers = startWorkers(server.store, {
      ...(setup.delivery ? { delivery: setup.delivery } : {}),
      ...(setup.autocompletePollMs !== undefined ? { autocompletePollMs: setup.autocompletePollMs } : {}),
    });
    const accountId = await ensureAccount(server.store, 'bench');
    const key = await createApiKey(server.store, accountId, 'test');
    const auth = { authorization: `Basic ${Buffer.from(`${key}:`).toString('base64')}`, 'content-type': 'application/json' };
    const project = 'bench-boxes';

    const post = async (path: string, body: unknown): Promise<Record<string, unknown>> => {
      const res = await fetch(`${server!.url}${path}`, { method: 'POST', headers: auth, body: JSON.stringify(body) });
      const json = (await res.json()) as Record<string, unknown>;
      if (!res.ok) throw new Error(`POST ${path}: ${res.status} ${JSON.stringify(json)}`);
      return json;
    };
    const created = await post('/v1/projects', { type: 'imageannotation', name: project, params: { geometries: { box: { objects_to_annotate: ['car'] } } } });
    const projectId = String(created.id);

    let annotators: { emails: string[]; password: string } | undefined;
    if (setup.annotators) {
      const password = 'bench annotator password';
      const people = server.store.scoped({ accountId, env: 'live' });
      const emails = Array.from({ length: setup.annotators }, (_, i) => `annotator-${i}@bench.example`);
      const userIds: string[] = [];
      for (const email of emails) userIds.push((await createMember(people, { email, roles: ['annotator'], password })).user.id);
      await people.people.assign(projectId, userIds);
      annotators = { emails, password };
    }

    let seeded: { count: number; oldest: string[]; seconds: number; rowsPerSecond: number } | undefined;
    if (seed) {
      const template = await post('/v1/task/imageannotation', { project, attachment: 'https://example.com/a.jpg' });
      const started = performance.now();
      await seedTasks({
        store: server.store,
        templateId: String(template.task_id),
        ids: seed.ids,
        firstMs: seed.firstMs,
        onProgress: (done) => send({ type: 'progress', done, total: seed.ids.length }),
      });
      if (seed.workIds) await seedWorkItems({ store: server.store, templateId: String(template.task_id), taskIds: seed.ids, workIds: seed.workIds, firstMs: seed.firstMs });
      const seconds = (performance.now() - started) / 1000;
      seeded = { count: seed.ids.length, oldest: seed.ids.slice(0, 1_000), seconds, rowsPerSecond: seed.ids.length / seconds };
    }
    send({ type: 'ready', url: server.url, key, project, projectId, ...(annotators ? { annotators } : {}), ...(seeded ? { seeded } : {}) });
  } catch (error) {
    send({ type: 'failed', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    await cleanup().catch(() => undefined);
    process.exit(1);
  }
}

void main();
