import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe } from 'vitest';
import { createApiKey, ensureAccount, startServer, type DeliveryWorkerOptions, type RunningServer } from '../../src/index.js';

export type BackendName = 'sqlite' | 'postgres';

/** SQLite always; PostgreSQL too when TESSERA_TEST_PG_URL names one (CI sets it). */
export function backends(): BackendName[] {
  return process.env.TESSERA_TEST_PG_URL ? ['sqlite', 'postgres'] : ['sqlite'];
}

export interface Response<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

export interface ApiClient {
  key: string;
  request<T = any>(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Response<T>>;
  get<T = any>(path: string): Promise<Response<T>>;
  post<T = any>(path: string, body?: unknown): Promise<Response<T>>;
}

export interface TestServer {
  backend: BackendName;
  url: string;
  server: RunningServer;
  dataDir: string;
  /** A fresh key; `account` names an account (made if new), default the suite's own. */
  key(env: 'test' | 'live', account?: string): Promise<string>;
  client(key: string): ApiClient;
  /** A client with a fresh test key on the suite's own account. */
  testClient(): Promise<ApiClient>;
}

export interface ServerOptions {
  allowPrivateFetch?: boolean;
  delivery?: Partial<DeliveryWorkerOptions>;
  autocompletePollMs?: number;
  rateLimit?: { max: number; windowMs: number };
}

/** A real server on a real port over a real database, fresh for one suite. */
export async function startTestServer(backend: BackendName, options: ServerOptions = {}): Promise<TestServer & { stop(): Promise<void> }> {
  const dataDir = await mkdtemp(join(tmpdir(), 'tessera-test-'));
  const schema = backend === 'postgres' ? `t_${randomBytes(6).toString('hex')}` : undefined;
  const pgUrl = process.env.TESSERA_TEST_PG_URL;
  const server = await startServer({
    port: 0,
    host: '127.0.0.1',
    dataDir,
    databaseUrl: backend === 'postgres' ? pgUrl : undefined,
    databaseSchema: schema,
    allowPrivateFetch: options.allowPrivateFetch ?? false,
    ...(options.delivery ? { delivery: options.delivery } : {}),
    autocompletePollMs: options.autocompletePollMs ?? 50,
    ...(options.rateLimit ? { rateLimit: options.rateLimit } : {}),
  });
  const defaultAccount = `suite-${randomBytes(4).toString('hex')}`;
  const key = async (env: 'test' | 'live', account = defaultAccount) =>
    createApiKey(server.store, await ensureAccount(server.store, account), env);
  const client = (apiKey: string) => apiClient(server.url, apiKey);
  return {
    backend,
    url: server.url,
    server,
    dataDir,
    key,
    client,
    testClient: async () => client(await key('test')),
    stop: async () => {
      await server.close();
      await rm(dataDir, { recursive: true, force: true });
      if (schema && pgUrl) {
        const admin = new pg.Client({ connectionString: pgUrl });
        await admin.connect();
        await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
        await admin.end();
      }
    },
  };
}

export function basicAuth(key: string): string {
  return `Basic ${Buffer.from(`${key}:`).toString('base64')}`;
}

export function apiClient(baseUrl: string, key: string): ApiClient {
  const request = async <T>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const init: RequestInit = { method, headers: { authorization: basicAuth(key), ...headers } };
    if (body !== undefined) {
      init.body = typeof body === 'string' ? body : JSON.stringify(body);
      (init.headers as Record<string, string>)['content-type'] ??= 'application/json';
    }
    const res = await fetch(baseUrl + path, init);
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // not JSON: keep the text, tests assert on it
    }
    return { status: res.status, body: parsed as T, headers: res.headers };
  };
  return {
    key,
    request,
    get: (path) => request('GET', path),
    post: (path, body) => request('POST', path, body ?? {}),
  };
}

/**
 * Runs a suite once per backend, each against its own fresh server.
 * `ctx()` gives the running server inside tests.
 */
export function describeEachBackend(name: string, suite: (ctx: () => TestServer) => void, options: ServerOptions = {}): void {
  for (const backend of backends()) {
    describe(`${name} [${backend}]`, () => {
      let server: (TestServer & { stop(): Promise<void> }) | undefined;
      beforeAll(async () => {
        server = await startTestServer(backend, options);
      });
      afterAll(async () => {
        await server?.stop();
      });
      suite(() => {
        if (!server) throw new Error('server not started');
        return server;
      });
    });
  }
}

let counter = 0;
/** A name no other test in the run uses. */
export function uniqueName(prefix: string): string {
  counter += 1;
  return `${prefix}-${process.pid}-${counter}-${randomBytes(2).toString('hex')}`;
}
