import { Agent, request } from 'node:http';
import { quantile, type Measurement } from './harness.js';

/**
 * A small keep-alive HTTP client for load that autocannon cannot make: each simulated person has a
 * session of their own and each step depends on the reply before it (the lease id from /work/next).
 * The baselines of such a benchmark go through this client too, so both sides pay the same client cost.
 */
export class HttpClient {
  private readonly agent: Agent;

  constructor(
    private readonly baseUrl: string,
    /** Sockets kept open; one per concurrent caller, so no request waits for a free one. */
    sockets: number,
  ) {
    this.agent = new Agent({ keepAlive: true, maxSockets: sockets, maxFreeSockets: sockets });
  }

  /** One request; resolves with the status, the body as text, and the time from sending to the last byte, in ms. */
  send(method: string, path: string, headers: Record<string, string> = {}, body?: string): Promise<{ status: number; text: string; ms: number; headers: Record<string, string | string[] | undefined> }> {
    return new Promise((resolve, reject) => {
      const started = performance.now();
      const req = request(
        `${this.baseUrl}${path}`,
        { method, agent: this.agent, headers: body === undefined ? headers : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...headers } },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('error', reject);
          res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8'), ms: performance.now() - started, headers: res.headers }));
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}

/** A browser-like session in the app API: the session cookie and the CSRF token every POST must carry. */
export interface Session {
  headers: { cookie: string; 'x-csrf-token': string };
}

export async function signIn(client: HttpClient, email: string, password: string): Promise<Session> {
  const res = await client.send('POST', '/app/api/session', {}, JSON.stringify({ email, password }));
  if (res.status !== 200) throw new Error(`sign-in as ${email}: ${res.status} ${res.text}`);
  const setCookie = res.headers['set-cookie'] ?? [];
  const cookie = (Array.isArray(setCookie) ? setCookie : [setCookie]).map((c) => c.split(';')[0]).join('; ');
  if (!cookie.includes('tessera_session=')) throw new Error(`sign-in as ${email}: no tessera_session cookie`);
  const { csrf_token } = JSON.parse(res.text) as { csrf_token: string };
  return { headers: { cookie, 'x-csrf-token': csrf_token } };
}

/**
 * `workers` callers, each running `cycle` back to back (a closed loop): `warmup` seconds not counted,
 * then `duration` seconds measured. A cycle counts when it starts and ends inside the measured window;
 * it returns the latency in ms of each request it made, by name. Any throw fails the run.
 */
export async function closedLoop(
  workers: number,
  seconds: { warmup: number; duration: number },
  cycle: (worker: number) => Promise<Record<string, number>>,
): Promise<{ cycles: number; seconds: number; latencies: Map<string, number[]> }> {
  const started = performance.now();
  const from = started + seconds.warmup * 1000;
  const until = from + seconds.duration * 1000;
  const latencies = new Map<string, number[]>();
  let cycles = 0;
  let failure: unknown;
  await Promise.all(
    Array.from({ length: workers }, async (_, worker) => {
      while (failure === undefined && performance.now() < until) {
        const begun = performance.now();
        let times: Record<string, number>;
        try {
          times = await cycle(worker);
        } catch (error) {
          failure ??= error;
          return;
        }
        const ended = performance.now();
        if (begun < from || ended > until) continue;
        cycles += 1;
        for (const [name, ms] of Object.entries(times)) {
          let list = latencies.get(name);
          if (!list) latencies.set(name, (list = []));
          list.push(ms);
        }
      }
    }),
  );
  if (failure !== undefined) throw failure;
  return { cycles, seconds: seconds.duration, latencies };
}

/** A Measurement from one named request of a closed loop, at the loop's cycle rate. */
export function fromLoop(label: string, run: { cycles: number; seconds: number; latencies: Map<string, number[]> }, name: string): Measurement {
  const sorted = Float64Array.from(run.latencies.get(name) ?? []).sort();
  return { label, requestsPerSecond: run.cycles / run.seconds, p50: quantile(sorted, 0.5), p99: quantile(sorted, 0.99), requests: sorted.length };
}
