import cliProgress from 'cli-progress';
import { measure, startBenchServer, type BenchResult } from './harness.js';
import { describeDb, type BenchOptions } from './options.js';

export const DEFAULT_PAGING_TASKS = 1_000_000;
const LIMIT = 100;

/** A next_token as the server issues it (packages/server/src/domain/page-token.ts): the last id of the page before. */
function tokenAfter(id: string): string {
  return Buffer.from(JSON.stringify({ v: 1, id })).toString('base64url');
}

/**
 * Keyset paging: `GET /v1/tasks?project=P&limit=100` for the first (newest) page against a page at
 * depth ~N in a project of N tasks, and each against the same server's bare `GET /healthz`.
 * A deep page should cost what the first page costs (ratio ~1.0).
 */
export async function taskPaging(options: BenchOptions): Promise<BenchResult> {
  const count = options.tasks ?? DEFAULT_PAGING_TASKS;
  if (count < 3 * LIMIT) throw new Error(`task-paging needs --tasks of at least ${3 * LIMIT}`);
  const bar = new cliProgress.SingleBar(
    { format: 'seeding tasks [{bar}] {percentage}% {value}/{total} {eta_formatted} left', noTTYOutput: true, notTTYSchedule: 5_000, etaBuffer: 50 },
    cliProgress.Presets.shades_classic,
  );
  bar.start(count, 0);
  const server = await startBenchServer({ db: options.db, seedTasks: count, profile: options.profile }, (done) => bar.update(done)).finally(() => bar.stop());
  try {
    const seeded = server.seeded!;
    const headers = { authorization: server.authorization };
    const list = `${server.url}/v1/tasks?project=${encodeURIComponent(server.project)}&limit=${LIMIT}`;
    // The page whose 100 tasks are the oldest but 100 (so it is full and has_more is still true).
    const boundary = seeded.oldest[2 * LIMIT]!;
    const deepUrl = `${list}&next_token=${tokenAfter(boundary)}`;
    const total = count + 1; // the seeded tasks and the one created over HTTP as their template
    const depth = total - 2 * LIMIT; // tasks on the pages before it

    // Check the pages are what they claim before timing them.
    for (const [url, expectFirst] of [
      [list, undefined],
      [deepUrl, seeded.oldest[2 * LIMIT - 1]],
    ] as const) {
      const res = await fetch(url, { headers });
      const page = (await res.json()) as { docs: { task_id: string }[]; total: number; has_more: boolean };
      if (!res.ok) throw new Error(`GET ${url}: ${res.status} ${JSON.stringify(page)}`);
      if (page.total !== total) throw new Error(`GET ${url}: total ${page.total}, expected ${total}`);
      if (page.docs.length !== LIMIT || !page.has_more) throw new Error(`GET ${url}: ${page.docs.length} tasks, expected ${LIMIT} and more to come`);
      if (expectFirst !== undefined && page.docs[0]?.task_id !== expectFirst) {
        throw new Error(`GET ${url}: the deep page starts at ${page.docs[0]?.task_id}, expected ${expectFirst}`);
      }
    }

    const load = { connections: options.connections, duration: options.duration, warmup: options.warmup };
    const bare = await measure('GET /healthz (baseline)', { ...load, url: `${server.url}/healthz` });
    const first = await measure(`GET /v1/tasks first page (limit ${LIMIT})`, { ...load, url: list, headers });
    const deep = await measure(`GET /v1/tasks page at depth ${depth.toLocaleString('en-US')}`, { ...load, url: deepUrl, headers });
    return {
      name: 'task-paging',
      db: describeDb(options.db),
      measurements: [bare, first, deep],
      ratios: [
        { label: 'p50 latency: deep page / first page', value: deep.p50 / first.p50 },
        { label: 'p99 latency: deep page / first page', value: deep.p99 / first.p99 },
        { label: 'throughput: deep page / first page', value: deep.requestsPerSecond / first.requestsPerSecond },
        { label: 'p50 latency: first page / bare route', value: first.p50 / bare.p50 },
        { label: 'p50 latency: deep page / bare route', value: deep.p50 / bare.p50 },
        { label: 'throughput: first page / bare route', value: first.requestsPerSecond / bare.requestsPerSecond },
        { label: 'throughput: deep page / bare route', value: deep.requestsPerSecond / bare.requestsPerSecond },
      ],
      notes: [
        `${total.toLocaleString('en-US')} tasks in one project, seeded in ${seeded.seconds.toFixed(1)} s ` +
          `(${Math.round(seeded.rowsPerSecond).toLocaleString('en-US')} rows/s, batched INSERTs through the store)`,
        `${options.connections} connections, ${options.duration} s each after ${options.warmup} s warm-up`,
      ],
    };
  } finally {
    await server.close();
  }
}
