import cliProgress from 'cli-progress';
import { closedLoop, fromLoop, HttpClient, signIn, type Session } from './client.js';
import type { BenchResult, Measurement } from './harness.js';
import { startBenchServer } from './harness.js';
import { describeDb, type BenchOptions } from './options.js';

export const DEFAULT_CLAIM_TASKS = 20_000;
const LEVELS = [8, 64] as const;
const ANSWER = JSON.stringify({ response: { annotations: [] } });

/**
 * The annotators' queue: at 8 and then 64 concurrent annotators, each signed in with a session of
 * their own and looping `POST /app/api/work/next` then `POST /app/api/leases/{id}/submit`, the claim's
 * latency (p50, p99) and claims/s. Baselines at the same concurrency, through the same client:
 * `GET /healthz` (no auth, no database) and `GET /app/api/me` (the session lookup every app route pays).
 */
export async function claimNext(options: BenchOptions): Promise<BenchResult> {
  const count = options.tasks ?? DEFAULT_CLAIM_TASKS;
  const most = Math.max(...LEVELS);
  const bar = new cliProgress.SingleBar(
    { format: 'seeding queued tasks [{bar}] {percentage}% {value}/{total}', noTTYOutput: true, notTTYSchedule: 5_000 },
    cliProgress.Presets.shades_classic,
  );
  bar.start(count, 0);
  const server = await startBenchServer({ db: options.db, seedTasks: count, seedWork: true, annotators: most, profile: options.profile }, (done) =>
    bar.update(done),
  ).finally(() => bar.stop());
  const client = new HttpClient(server.url, most);
  try {
    const { emails, password } = server.annotators!;
    const sessions: Session[] = [];
    for (let i = 0; i < emails.length; i += 16) sessions.push(...(await Promise.all(emails.slice(i, i + 16).map((e) => signIn(client, e, password)))));
    const queued = count + 1; // the seeded tasks and the template created over HTTP
    const claimBody = JSON.stringify({ project_id: server.projectId });
    const seconds = { warmup: options.warmup, duration: options.duration };
    let claimed = 0;

    const expect = (what: string, res: { status: number; text: string }, status: number) => {
      if (res.status !== status) throw new Error(`${what}: ${res.status} ${res.text.slice(0, 300)}`);
    };
    const groups: { caption: string; measurements: Measurement[] }[] = [];
    const byLevel = new Map<number, { claim: Measurement; submit: Measurement; healthz: Measurement; me: Measurement }>();
    for (const level of LEVELS) {
      const healthzRun = await closedLoop(level, seconds, async () => {
        const res = await client.send('GET', '/healthz');
        expect('GET /healthz', res, 200);
        return { healthz: res.ms };
      });
      const meRun = await closedLoop(level, seconds, async (w) => {
        const res = await client.send('GET', '/app/api/me', { cookie: sessions[w]!.headers.cookie });
        expect('GET /app/api/me', res, 200);
        return { me: res.ms };
      });
      const claimRun = await closedLoop(level, seconds, async (w) => {
        const headers = sessions[w]!.headers;
        const next = await client.send('POST', '/app/api/work/next', headers, claimBody);
        if (next.status === 204) throw new Error(`the queue ran dry after ${claimed} claims: raise --tasks (now ${count})`);
        expect('POST /app/api/work/next', next, 200);
        claimed += 1;
        const lease = (JSON.parse(next.text) as { lease: { id: string } }).lease;
        const done = await client.send('POST', `/app/api/leases/${lease.id}/submit`, headers, ANSWER);
        expect('POST /app/api/leases/{id}/submit', done, 200);
        const status = (JSON.parse(done.text) as { task_status: string }).task_status;
        if (status !== 'completed') throw new Error(`submit left the task ${status}, expected completed`);
        return { claim: next.ms, submit: done.ms };
      });
      const m = {
        healthz: fromLoop(`GET /healthz (baseline), req/s`, healthzRun, 'healthz'),
        me: fromLoop(`GET /app/api/me (session lookup), req/s`, meRun, 'me'),
        claim: fromLoop(`POST /app/api/work/next (claim), claims/s`, claimRun, 'claim'),
        submit: fromLoop(`POST /app/api/leases/{id}/submit, claims/s`, claimRun, 'submit'),
      };
      byLevel.set(level, m);
      groups.push({ caption: `${level} concurrent annotators (each its own session; a claim cycle is next, then submit)`, measurements: [m.healthz, m.me, m.claim, m.submit] });
    }

    const few = byLevel.get(LEVELS[0])!;
    const many = byLevel.get(most)!;
    const ratios: BenchResult['ratios'] = [];
    for (const level of LEVELS) {
      const m = byLevel.get(level)!;
      ratios.push(
        { label: `${level} annotators: claim p50 / GET /healthz p50`, value: m.claim.p50 / m.healthz.p50 },
        { label: `${level} annotators: claim p99 / GET /healthz p99`, value: m.claim.p99 / m.healthz.p99 },
        { label: `${level} annotators: claim p50 / GET /app/api/me p50`, value: m.claim.p50 / m.me.p50 },
        { label: `${level} annotators: claim p99 / GET /app/api/me p99`, value: m.claim.p99 / m.me.p99 },
        { label: `${level} annotators: claims/s / GET /healthz req/s`, value: m.claim.requestsPerSecond / m.healthz.requestsPerSecond },
      );
    }
    ratios.push(
      { label: `claim p99: ${most} / ${LEVELS[0]} annotators`, value: many.claim.p99 / few.claim.p99 },
      { label: `claim p50: ${most} / ${LEVELS[0]} annotators`, value: many.claim.p50 / few.claim.p50 },
      { label: `claims/s: ${most} / ${LEVELS[0]} annotators`, value: many.claim.requestsPerSecond / few.claim.requestsPerSecond },
      { label: `GET /healthz p99: ${most} / ${LEVELS[0]} clients (the same ratio for a bare route)`, value: many.healthz.p99 / few.healthz.p99 },
    );
    return {
      name: 'claim-next',
      db: describeDb(options.db),
      measurements: groups.flatMap((g) => g.measurements),
      groups,
      rateHeader: 'per s',
      ratios,
      notes: [
        `${queued.toLocaleString('en-US')} tasks queued in one project (seeded through the store with their work items), ` +
          `${most} annotators assigned; ${claimed.toLocaleString('en-US')} claimed and submitted in all, warm-up included`,
        `closed loop: each client sends its next request when the last reply is in; ${options.duration} s measured after ${options.warmup} s warm-up, per row`,
      ],
    };
  } finally {
    client.close();
    await server.close();
  }
}
