import type { Db } from './database.js';
import type { Env } from './tables.js';

export interface ApiKeyOwner {
  keyId: string;
  accountId: string;
  env: Env;
}

/** Accounts, their keys and people: read before any scope exists, so these queries are not scoped. */
export class AccountStore {
  constructor(private readonly db: Db) {}

  async count(): Promise<number> {
    const row = await this.db
      .selectFrom('accounts')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async insertAccount(a: { id: string; name: string; createdAt: number }): Promise<void> {
    await this.db.insertInto('accounts').values({ id: a.id, name: a.name, created_at: a.createdAt }).execute();
  }

  async findAccountByName(name: string): Promise<{ id: string; name: string } | undefined> {
    return this.db.selectFrom('accounts').select(['id', 'name']).where('name', '=', name).executeTakeFirst();
  }

  async firstAccount(): Promise<{ id: string; name: string } | undefined> {
    return this.db.selectFrom('accounts').select(['id', 'name']).orderBy('id', 'asc').limit(1).executeTakeFirst();
  }

  async insertKey(k: { id: string; accountId: string; env: Env; keyHash: string; keyHint: string; createdAt: number }) {
    await this.db
      .insertInto('api_keys')
      .values({
        id: k.id,
        account_id: k.accountId,
        env: k.env,
        key_hash: k.keyHash,
        key_hint: k.keyHint,
        created_at: k.createdAt,
        revoked_at: null,
      })
      .execute();
  }

  async findActiveKey(keyHash: string): Promise<ApiKeyOwner | undefined> {
    const row = await this.db
      .selectFrom('api_keys')
      .select(['id', 'account_id', 'env'])
      .where('key_hash', '=', keyHash)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return row && { keyId: row.id, accountId: row.account_id, env: row.env };
  }

  async revokeKey(keyHash: string, at: number): Promise<boolean> {
    const result = await this.db
      .updateTable('api_keys')
      .set({ revoked_at: at })
      .where('key_hash', '=', keyHash)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  async insertUser(u: { id: string; accountId: string; email: string; passwordHash: string; roles: string[]; createdAt: number }) {
    await this.db
      .insertInto('users')
      .values({
        id: u.id,
        account_id: u.accountId,
        email: u.email,
        password_hash: u.passwordHash,
        roles: JSON.stringify(u.roles),
        created_at: u.createdAt,
      })
      .execute();
  }
}
