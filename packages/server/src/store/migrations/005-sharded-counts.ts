import { sql, type Kysely } from 'kysely';

/**
 * Task counts get a shard: every create in one batch used to update the same row, and on PostgreSQL
 * concurrent transactions queued on its lock. Writers now spread over shards; readers sum them.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('task_counts_sharded')
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('env', 'text', (c) => c.notNull())
    .addColumn('project_id', 'text', (c) => c.notNull())
    .addColumn('batch_id', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('shard', 'integer', (c) => c.notNull())
    .addColumn('n', 'bigint', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('task_counts_sharded_pk', ['account_id', 'env', 'project_id', 'batch_id', 'status', 'shard'])
    .execute();
  await sql`insert into task_counts_sharded (account_id, env, project_id, batch_id, status, shard, n)
            select account_id, env, project_id, batch_id, status, 0, n from task_counts`.execute(db);
  await db.schema.dropTable('task_counts').execute();
  await db.schema.alterTable('task_counts_sharded').renameTo('task_counts').execute();
}
