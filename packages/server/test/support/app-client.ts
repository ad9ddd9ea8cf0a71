import { randomBytes } from 'node:crypto';
import type { Role } from '@tessera/schema';
import { createMember } from '../../src/domain/people.js';
import { ensureAccount } from '../../src/index.js';
import type { TestServer } from './harness.js';

export interface AppClient {
  userId: string;
  email: string;
  csrf: string;
  cookie: string;
  request<T = any>(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<{ status: number; body: T }>;
}

/** Signs in over HTTP as a browser would, keeping the cookie and sending the CSRF token. */
export async function signIn(baseUrl: string, email: string, password: string): Promise<AppClient> {
  const res = await fetch(`${baseUrl}/app/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  const body = (await res.json()) as { user: { id: string }; csrf_token: string };
  const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const client: AppClient = {
    userId: body.user.id,
    email,
    csrf: body.csrf_token,
    cookie,
    async request(method, path, payload, headers = {}) {
      const init: RequestInit = { method, headers: { cookie, 'x-csrf-token': client.csrf, ...headers } };
      if (payload !== undefined) {
        init.body = JSON.stringify(payload);
        (init.headers as Record<string, string>)['content-type'] = 'application/json';
      }
      const r = await fetch(baseUrl + path, init);
      const text = await r.text();
      return { status: r.status, body: text ? JSON.parse(text) : undefined };
    },
  };
  return client;
}

/** A new person in an account (the suite's own by default), signed in. */
export async function member(ctx: TestServer, roles: Role[], account?: string): Promise<AppClient> {
  const accountId = account ? await ensureAccount(ctx.server.store, account) : await suiteAccount(ctx);
  const email = `${roles.join('-')}-${randomBytes(4).toString('hex')}@example.com`;
  const password = 'correct horse battery';
  await createMember(ctx.server.store.scoped({ accountId, env: 'live' }), { email, roles, password });
  return signIn(ctx.url, email, password);
}

/** The account the suite's default keys belong to. */
async function suiteAccount(ctx: TestServer): Promise<string> {
  const key = await ctx.key('test');
  const scope = await import('../../src/domain/api-keys.js').then((m) => m.authenticate(ctx.server.store, `Bearer ${key}`));
  return scope.accountId;
}
