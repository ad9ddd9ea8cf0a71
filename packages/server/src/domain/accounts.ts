import { randomBytes } from 'node:crypto';
import type { Store } from '../store/index.js';
import { createApiKey } from './api-keys.js';
import { newId } from './ids.js';
import { hashPassword } from './passwords.js';

export interface FirstRun {
  accountName: string;
  adminEmail: string;
  adminPassword: string;
  testKey: string;
  liveKey: string;
}

/** On an empty database: the first account, its admin and a key for each environment. */
export async function bootstrapIfEmpty(store: Store): Promise<FirstRun | undefined> {
  if ((await store.accounts.count()) > 0) return undefined;
  const now = Date.now();
  const accountId = newId(now);
  const accountName = 'default';
  const adminEmail = 'admin@localhost';
  const adminPassword = randomBytes(9).toString('base64url');
  await store.accounts.insertAccount({ id: accountId, name: accountName, createdAt: now });
  await store.accounts.insertUser({
    id: newId(now),
    accountId,
    email: adminEmail,
    passwordHash: await hashPassword(adminPassword),
    roles: ['admin'],
    createdAt: now,
  });
  return {
    accountName,
    adminEmail,
    adminPassword,
    testKey: await createApiKey(store, accountId, 'test'),
    liveKey: await createApiKey(store, accountId, 'live'),
  };
}

/** An account by name, made if it does not exist yet (for `tessera keys create --account`). */
export async function ensureAccount(store: Store, name: string): Promise<string> {
  const existing = await store.accounts.findAccountByName(name);
  if (existing) return existing.id;
  const id = newId();
  await store.accounts.insertAccount({ id, name, createdAt: Date.now() });
  return id;
}
