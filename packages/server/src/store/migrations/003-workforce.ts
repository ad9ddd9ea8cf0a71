import type { Kysely } from 'kysely';

/** People at work: sessions, invitations, project assignments, the work queue, submissions, history, quality. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('users').addColumn('name', 'text').execute();
  await db.schema.alterTable('users').addColumn('invitation_hash', 'text').execute();
  await db.schema.alterTable('users').addColumn('invitation_expires_at', 'bigint').execute();
  await db.schema.alterTable('users').addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0)).execute();

  await db.schema
    .createTable('sessions')
    .addColumn('id_hash', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('csrf_token', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('project_assignees')
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('project_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('project_assignees_pk', ['project_id', 'user_id'])
    .execute();
  await db.schema.createIndex('project_assignees_by_user').on('project_assignees').columns(['user_id', 'project_id']).execute();

  await db.schema
    .createTable('work_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('env', 'text', (c) => c.notNull())
    .addColumn('task_id', 'text', (c) => c.notNull())
    .addColumn('project_id', 'text', (c) => c.notNull())
    .addColumn('stage', 'text', (c) => c.notNull())
    .addColumn('level', 'integer', (c) => c.notNull())
    .addColumn('round', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('rank', 'integer', (c) => c.notNull())
    .addColumn('is_gold', 'integer', (c) => c.notNull())
    .addColumn('preferred_user_id', 'text')
    .addColumn('preferred_until', 'bigint')
    .addColumn('payload', 'text')
    .addColumn('lease_id', 'text')
    .addColumn('leased_by', 'text')
    .addColumn('leased_at', 'bigint')
    .addColumn('lease_expires_at', 'bigint')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  // Claiming walks open items of one project and stage in queue order (batch rank, then age).
  await db.schema.createIndex('work_items_queue').on('work_items').columns(['project_id', 'stage', 'status', 'rank', 'id']).execute();
  await db.schema.createIndex('work_items_leases').on('work_items').columns(['status', 'lease_expires_at']).execute();
  await db.schema.createIndex('work_items_by_lease').on('work_items').column('lease_id').execute();
  await db.schema.createIndex('work_items_by_task').on('work_items').columns(['task_id', 'stage']).execute();

  await db.schema
    .createTable('work_skips')
    .addColumn('work_item_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('work_skips_pk', ['work_item_id', 'user_id'])
    .execute();

  await db.schema
    .createTable('submissions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('project_id', 'text', (c) => c.notNull())
    .addColumn('task_id', 'text', (c) => c.notNull())
    .addColumn('work_item_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('stage', 'text', (c) => c.notNull())
    .addColumn('level', 'integer', (c) => c.notNull())
    .addColumn('round', 'integer', (c) => c.notNull())
    .addColumn('decision', 'text')
    .addColumn('response', 'text')
    .addColumn('comments', 'text')
    .addColumn('gold_score', 'real')
    .addColumn('leased_at', 'bigint', (c) => c.notNull())
    .addColumn('submitted_at', 'bigint', (c) => c.notNull())
    .addColumn('duration_ms', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('submissions_by_task').on('submissions').columns(['task_id', 'stage', 'round']).execute();
  await db.schema.createIndex('submissions_by_user').on('submissions').columns(['user_id', 'submitted_at']).execute();
  await db.schema.createIndex('submissions_by_project').on('submissions').columns(['project_id', 'submitted_at']).execute();

  await db.schema
    .createTable('task_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('task_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('detail', 'text')
    .addColumn('at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('task_events_by_task').on('task_events').columns(['task_id', 'id']).execute();

  await db.schema
    .createTable('annotator_quality')
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('project_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('gold_answers', 'integer', (c) => c.notNull())
    .addColumn('score', 'real', (c) => c.notNull())
    .addColumn('blocked', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('annotator_quality_pk', ['project_id', 'user_id'])
    .execute();

  await db.schema.alterTable('tasks').addColumn('expected_response', 'text').execute();
  await db.schema.alterTable('batches').addColumn('studio_rank', 'integer').execute();
}
