import type { Kysely } from 'kysely';

// Migrations take Kysely<unknown>: they describe the schema as it was then, not as the code sees it now.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('accounts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('api_keys')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('env', 'text', (c) => c.notNull())
    .addColumn('key_hash', 'text', (c) => c.notNull().unique())
    .addColumn('key_hint', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('revoked_at', 'bigint')
    .execute();

  await db.schema
    .createTable('users')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('roles', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('projects')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('env', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('params', 'text', (c) => c.notNull())
    .addColumn('param_history', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('projects_name_unique', ['account_id', 'env', 'name'])
    .execute();

  await db.schema
    .createTable('batches')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('env', 'text', (c) => c.notNull())
    .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('callback', 'text')
    .addColumn('metadata', 'text', (c) => c.notNull())
    .addColumn('calibration_batch', 'integer', (c) => c.notNull())
    .addColumn('self_label_batch', 'integer', (c) => c.notNull())
    .addColumn('archived', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('completed_at', 'bigint')
    .addUniqueConstraint('batches_name_unique', ['account_id', 'env', 'name'])
    .execute();
  await db.schema.createIndex('batches_by_account').on('batches').columns(['account_id', 'env', 'id']).execute();

  await db.schema
    .createTable('tasks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('env', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('project_id', 'text')
    .addColumn('batch_id', 'text')
    .addColumn('unique_id', 'text')
    .addColumn('instruction', 'text')
    .addColumn('callback_url', 'text')
    .addColumn('params', 'text', (c) => c.notNull())
    .addColumn('response', 'text')
    .addColumn('metadata', 'text', (c) => c.notNull())
    .addColumn('tags', 'text')
    .addColumn('priority', 'integer')
    .addColumn('urgency', 'text', (c) => c.notNull())
    .addColumn('is_test', 'integer', (c) => c.notNull())
    .addColumn('callback_succeeded', 'integer')
    .addColumn('customer_review_status', 'text')
    .addColumn('extra', 'text', (c) => c.notNull())
    .addColumn('project_param_version', 'integer')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('completed_at', 'bigint')
    .execute();
  // unique_id is unique per account and environment: an index, never a scan. NULLs are distinct.
  await db.schema.createIndex('tasks_unique_id').unique().on('tasks').columns(['account_id', 'env', 'unique_id']).execute();
  // Keyset paging walks these indexes newest first, whatever the depth.
  await db.schema.createIndex('tasks_by_account').on('tasks').columns(['account_id', 'env', 'id']).execute();
  await db.schema.createIndex('tasks_by_project').on('tasks').columns(['account_id', 'env', 'project_id', 'id']).execute();
  await db.schema.createIndex('tasks_by_batch').on('tasks').columns(['account_id', 'env', 'batch_id', 'id']).execute();
  await db.schema.createIndex('tasks_by_status').on('tasks').columns(['account_id', 'env', 'status', 'id']).execute();

  await db.schema
    .createTable('task_tags')
    .addColumn('task_id', 'text', (c) => c.notNull())
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('env', 'text', (c) => c.notNull())
    .addColumn('tag', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('task_tags_pk', ['task_id', 'tag'])
    .execute();
  await db.schema.createIndex('task_tags_by_tag').on('task_tags').columns(['account_id', 'env', 'tag', 'task_id']).execute();

  await db.schema
    .createTable('task_counts')
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('env', 'text', (c) => c.notNull())
    .addColumn('project_id', 'text', (c) => c.notNull())
    .addColumn('batch_id', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('n', 'bigint', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('task_counts_pk', ['account_id', 'env', 'project_id', 'batch_id', 'status'])
    .execute();

  await db.schema
    .createTable('files')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('env', 'text', (c) => c.notNull())
    .addColumn('token', 'text', (c) => c.notNull())
    .addColumn('mime_type', 'text', (c) => c.notNull())
    .addColumn('size', 'bigint', (c) => c.notNull())
    .addColumn('display_name', 'text')
    .addColumn('reference_id', 'text')
    .addColumn('project_names', 'text', (c) => c.notNull())
    .addColumn('metadata', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('files_reference_unique', ['account_id', 'env', 'reference_id'])
    .execute();
}
