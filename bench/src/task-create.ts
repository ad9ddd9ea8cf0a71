import { measure, startBenchServer, type BenchResult } from './harness.js';
import { describeDb, type BenchOptions } from './options.js';

/**
 * Task creation, `POST /v1/task/imageannotation` with HTTP Basic auth into a project, against the
 * same server's bare `GET /healthz`: what auth, validation, the project lookup and the insert
 * transaction (task row, live count) cost over the HTTP stack itself.
 */
export async function taskCreate(options: BenchOptions): Promise<BenchResult> {
  const server = await startBenchServer({ db: options.db, seedTasks: 0, profile: options.profile });
  try {
    const load = { connections: options.connections, duration: options.duration, warmup: options.warmup };
    const bare = await measure('GET /healthz (baseline)', { ...load, url: `${server.url}/healthz` });
    const create = await measure('POST /v1/task/imageannotation', {
      ...load,
      url: `${server.url}/v1/task/imageannotation`,
      method: 'POST',
      headers: { authorization: server.authorization, 'content-type': 'application/json' },
      body: JSON.stringify({ project: server.project, attachment: 'https://example.com/a.jpg' }),
    });
    return {
      name: 'task-create',
      db: describeDb(options.db),
      measurements: [bare, create],
      ratios: [
        { label: 'throughput: task creation / bare route', value: create.requestsPerSecond / bare.requestsPerSecond },
        { label: 'p50 latency: task creation / bare route', value: create.p50 / bare.p50 },
        { label: 'p99 latency: task creation / bare route', value: create.p99 / bare.p99 },
      ],
      notes: [`${options.connections} connections, ${options.duration} s each after ${options.warmup} s warm-up; ${create.requests} tasks created`],
    };
  } finally {
    await server.close();
  }
}
