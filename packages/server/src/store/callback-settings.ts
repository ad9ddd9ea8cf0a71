import type { Selectable } from 'kysely';
import type { Scope } from '../domain/scope.js';
import type { Db } from './database.js';
import type { CallbackSettingsTable } from './tables.js';

export type CallbackSettingsRow = Selectable<CallbackSettingsTable>;

export class CallbackSettingsStore {
  constructor(
    private readonly db: Db,
    private readonly scope: Scope,
  ) {}

  async get(): Promise<CallbackSettingsRow | undefined> {
    return this.db
      .selectFrom('callback_settings')
      .selectAll()
      .where('account_id', '=', this.scope.accountId)
      .where('env', '=', this.scope.env)
      .executeTakeFirst();
  }

  /** Inserts the row, or leaves an existing one alone (two first reads may race). */
  async insertIfMissing(row: Omit<CallbackSettingsRow, 'account_id' | 'env'>): Promise<void> {
    await this.db
      .insertInto('callback_settings')
      .values({ ...row, account_id: this.scope.accountId, env: this.scope.env })
      .onConflict((oc) => oc.columns(['account_id', 'env']).doNothing())
      .execute();
  }

  async update(patch: Partial<Omit<CallbackSettingsRow, 'account_id' | 'env'>>): Promise<void> {
    await this.db
      .updateTable('callback_settings')
      .set(patch)
      .where('account_id', '=', this.scope.accountId)
      .where('env', '=', this.scope.env)
      .execute();
  }
}
