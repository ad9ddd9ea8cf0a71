import type { Kysely } from 'kysely';

/** Studio project groups: named sets of a project's people; a batch given to groups is worked by them alone. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('project_groups')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('project_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('project_groups_name_unique', ['project_id', 'name'])
    .execute();
  await db.schema
    .createTable('project_group_members')
    .addColumn('group_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('project_group_members_pk', ['group_id', 'user_id'])
    .execute();
  await db.schema.createIndex('project_group_members_by_user').on('project_group_members').columns(['user_id', 'group_id']).execute();
  await db.schema
    .createTable('batch_groups')
    .addColumn('batch_id', 'text', (c) => c.notNull())
    .addColumn('group_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('batch_groups_pk', ['batch_id', 'group_id'])
    .execute();
  // Which batch an item belongs to, so the claim can honour the batch's groups without a join to tasks.
  await db.schema.alterTable('work_items').addColumn('batch_id', 'text').execute();
}
