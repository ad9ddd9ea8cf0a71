import { fork, type ChildProcess } from 'node:child_process';
import autocannon from 'autocannon';
import type { ChildMessage, ParentMessage, Ready, ServerSetup } from './protocol.js';

export interface BenchServer extends Ready {
  /** HTTP Basic header for the test key. */
  authorization: string;
  close(): Promise<void>;
}

/** Forks server-process.js and waits for it to be set up (and seeded). */
export function startBenchServer(setup: ServerSetup, onProgress?: (done: number, total: number) => void): Promise<BenchServer> {
  const child: ChildProcess = fork(new URL('./server-process.js', import.meta.url), [], {
    env: { ...process.env, TESSERA_BENCH_SETUP: JSON.stringify(setup) },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    execArgv: setup.profile ? ['--cpu-prof', `--cpu-prof-dir=${setup.profile}`] : [],
  });
  return new Promise((resolve, reject) => {
    let settled = false;
    const fail = (error: Error) => {
      if (settled) return;
      settled = true;
      child.kill();
      reject(error);
    };
    child.on('error', fail);
    child.on('exit', (code, signal) => fail(new Error(`the server process exited before it was ready (${signal ?? code})`)));
    child.on('message', (message: ChildMessage) => {
      if (message.type === 'progress') onProgress?.(message.done, message.total);
      else if (message.type === 'failed') fail(new Error(`the server process failed: ${message.message}`));
      else if (message.type === 'ready' && !settled) {
        settled = true;
        resolve({
          ...message,
          authorization: `Basic ${Buffer.from(`${message.key}:`).toString('base64')}`,
          close: () => closeChild(child),
        });
      }
    });
  });
}

function closeChild(child: ChildProcess): Promise<void> {
  return new Promise((resolve, reject) => {
    if (child.exitCode !== null) return resolve();
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error('the server process did not close within 60 s'));
    }, 60_000);
    child.on('message', (message: ChildMessage) => {
      if (message.type === 'failed') {
        clearTimeout(timer);
        reject(new Error(`the server process failed to close: ${message.message}`));
      }
    });
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.send({ type: 'close' } satisfies ParentMessage);
  });
}

export interface LoadOptions {
  url: string;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  connections: number;
  /** Seconds measured. */
  duration: number;
  /** Seconds of the same load first, not measured. */
  warmup: number;
}

export interface Measurement {
  label: string;
  requestsPerSecond: number;
  /** Milliseconds. */
  p50: number;
  p99: number;
  requests: number;
}

/** The q-quantile of sorted values (nearest rank). */
export function quantile(sorted: Float64Array, q: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

/**
 * One autocannon run (after an unmeasured warm-up); any error or non-2xx reply fails the benchmark.
 * Latencies are taken from each response's own time, in fractions of a millisecond: autocannon's
 * histogram keeps whole milliseconds, which reads 0 for a bare route.
 */
export async function measure(label: string, options: LoadOptions): Promise<Measurement> {
  const run = (seconds: number, latencies?: number[]) =>
    new Promise<autocannon.Result>((resolve, reject) => {
      const instance = autocannon(
        {
          url: options.url,
          method: options.method ?? 'GET',
          headers: options.headers ?? {},
          ...(options.body !== undefined ? { body: options.body } : {}),
          connections: options.connections,
          duration: seconds,
        },
        (error, result) => {
          if (error) return reject(error instanceof Error ? error : new Error(String(error)));
          if (result.errors > 0 || result.non2xx > 0) {
            return reject(
              new Error(
                `${label}: ${result.errors} connection errors, ${result.non2xx} non-2xx replies of ${result.requests.total} ` +
                  `(4xx ${result['4xx']}, 5xx ${result['5xx']})`,
              ),
            );
          }
          resolve(result);
        },
      );
      if (latencies) instance.on('response', (_client, _status, _bytes, ms) => latencies.push(ms));
    });
  if (options.warmup > 0) await run(options.warmup);
  const latencies: number[] = [];
  const result = await run(options.duration, latencies);
  const sorted = Float64Array.from(latencies).sort();
  return {
    label,
    requestsPerSecond: result.requests.total / result.duration,
    p50: quantile(sorted, 0.5),
    p99: quantile(sorted, 0.99),
    requests: result.requests.total,
  };
}

/** What a benchmark hands back to run.ts to print. */
export interface BenchResult {
  name: string;
  db: string;
  /** The baseline first. */
  measurements: Measurement[];
  /** Instead of one table: several, each with its own baseline first (e.g. one per concurrency level). */
  groups?: { caption: string; measurements: Measurement[] }[];
  /** What the rate column counts, when it is not requests (e.g. claims/s: one claim is a next and a submit). */
  rateHeader?: string;
  /** Ratios, each with what it divides. */
  ratios: { label: string; value: number }[];
  notes: string[];
}
