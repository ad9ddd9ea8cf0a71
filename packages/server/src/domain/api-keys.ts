import { createHash, randomBytes } from 'node:crypto';
import type { Store } from '../store/index.js';
import { Unauthorized } from './errors.js';
import { newId } from './ids.js';
import type { Scope } from './scope.js';

export type Env = Scope['env'];

/** `test_` or `live_` and 32 hex characters; the prefix is the environment. */
export function generateApiKey(env: Env): string {
  return `${env}_${randomBytes(16).toString('hex')}`;
}

export function hashApiKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

export async function createApiKey(store: Store, accountId: string, env: Env): Promise<string> {
  const key = generateApiKey(env);
  await store.accounts.insertKey({
    id: newId(),
    accountId,
    env,
    keyHash: hashApiKey(key),
    keyHint: `${key.slice(0, 9)}…`,
    createdAt: Date.now(),
  });
  return key;
}

export function revokeApiKey(store: Store, key: string): Promise<boolean> {
  return store.accounts.revokeKey(hashApiKey(key), Date.now());
}

/**
 * The key from `Authorization`: Basic with the key as username and an empty password (v1 clients),
 * or Bearer (the v2 client).
 */
export function apiKeyFromHeader(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const [scheme, value] = header.split(' ', 2);
  if (!value) return undefined;
  if (scheme?.toLowerCase() === 'bearer') return value.trim();
  if (scheme?.toLowerCase() !== 'basic') return undefined;
  const decoded = Buffer.from(value.trim(), 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  const key = colon === -1 ? decoded : decoded.slice(0, colon);
  return key.length > 0 ? key : undefined;
}

export async function authenticate(store: Store, header: string | undefined): Promise<Scope> {
  const key = apiKeyFromHeader(header);
  if (!key) throw new Unauthorized();
  const owner = await store.accounts.findActiveKey(hashApiKey(key));
  if (!owner) throw new Unauthorized('The API key is not valid, or has been revoked.');
  return { accountId: owner.accountId, env: owner.env };
}
