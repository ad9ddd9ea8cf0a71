import type { Kysely } from 'kysely';

/** Callbacks: per-account settings, the outbox of deliveries, every attempt; test-mode autocomplete. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('callback_settings')
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('env', 'text', (c) => c.notNull())
    .addColumn('default_callback_url', 'text')
    .addColumn('callback_auth_key', 'text', (c) => c.notNull())
    .addColumn('webhook_secret', 'text', (c) => c.notNull())
    .addColumn('previous_webhook_secret', 'text')
    .addColumn('previous_secret_expires_at', 'bigint')
    .addColumn('test_autocomplete', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('callback_settings_pk', ['account_id', 'env'])
    .execute();

  await db.schema
    .createTable('deliveries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('env', 'text', (c) => c.notNull())
    .addColumn('event', 'text', (c) => c.notNull())
    .addColumn('task_id', 'text')
    .addColumn('batch_id', 'text')
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('next_attempt_at', 'bigint', (c) => c.notNull())
    .addColumn('claim_token', 'text')
    .addColumn('claimed_until', 'bigint')
    .addColumn('last_status_code', 'integer')
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('delivered_at', 'bigint')
    .execute();
  // The worker's claim walks this index: only pending rows, soonest first.
  await db.schema.createIndex('deliveries_due').on('deliveries').columns(['status', 'next_attempt_at']).execute();
  await db.schema.createIndex('deliveries_by_account').on('deliveries').columns(['account_id', 'env', 'id']).execute();
  await db.schema.createIndex('deliveries_by_task').on('deliveries').columns(['account_id', 'env', 'task_id', 'id']).execute();

  await db.schema
    .createTable('delivery_attempts')
    .addColumn('delivery_id', 'text', (c) => c.notNull())
    .addColumn('attempt', 'integer', (c) => c.notNull())
    .addColumn('started_at', 'bigint', (c) => c.notNull())
    .addColumn('duration_ms', 'integer', (c) => c.notNull())
    .addColumn('status_code', 'integer')
    .addColumn('error', 'text')
    .addColumn('response_excerpt', 'text')
    .addPrimaryKeyConstraint('delivery_attempts_pk', ['delivery_id', 'attempt'])
    .execute();

  await db.schema.alterTable('tasks').addColumn('autocomplete_at', 'bigint').execute();
  await db.schema.createIndex('tasks_autocomplete_due').on('tasks').column('autocomplete_at').execute();
  await db.schema.alterTable('batches').addColumn('test_autocomplete', 'integer', (c) => c.notNull().defaultTo(0)).execute();
}
