import type { Db } from './database.js';

export interface GroupRecord {
  id: string;
  projectId: string;
  name: string;
  workers: { id: string; email: string }[];
}

/** Studio project groups of one account. */
export class GroupStore {
  constructor(
    private readonly db: Db,
    private readonly accountId: string,
  ) {}

  async ofProject(projectId: string): Promise<GroupRecord[]> {
    const groups = await this.db
      .selectFrom('project_groups')
      .select(['id', 'project_id', 'name'])
      .where('account_id', '=', this.accountId)
      .where('project_id', '=', projectId)
      .orderBy('name')
      .execute();
    return Promise.all(groups.map(async (g) => ({ id: g.id, projectId: g.project_id, name: g.name, workers: await this.workers(g.id) })));
  }

  async byName(projectId: string, name: string): Promise<GroupRecord | undefined> {
    return (await this.ofProject(projectId)).find((g) => g.name === name);
  }

  private workers(groupId: string): Promise<{ id: string; email: string }[]> {
    return this.db
      .selectFrom('project_group_members as m')
      .innerJoin('users as u', 'u.id', 'm.user_id')
      .select(['u.id', 'u.email'])
      .where('m.group_id', '=', groupId)
      .orderBy('u.email')
      .execute();
  }

  async insert(g: { id: string; projectId: string; name: string; createdAt: number }): Promise<void> {
    await this.db
      .insertInto('project_groups')
      .values({ id: g.id, account_id: this.accountId, project_id: g.projectId, name: g.name, created_at: g.createdAt })
      .execute();
  }

  async addMembers(groupId: string, userIds: string[]): Promise<void> {
    if (userIds.length === 0) return;
    await this.db
      .insertInto('project_group_members')
      .values(userIds.map((user_id) => ({ group_id: groupId, user_id })))
      .onConflict((oc) => oc.columns(['group_id', 'user_id']).doNothing())
      .execute();
  }

  async removeMembers(groupId: string, userIds: string[]): Promise<void> {
    if (userIds.length === 0) return;
    await this.db.deleteFrom('project_group_members').where('group_id', '=', groupId).where('user_id', 'in', userIds).execute();
  }

  async setBatchGroups(batchId: string, groupIds: string[]): Promise<void> {
    await this.db.deleteFrom('batch_groups').where('batch_id', '=', batchId).execute();
    if (groupIds.length > 0) {
      await this.db.insertInto('batch_groups').values(groupIds.map((group_id) => ({ batch_id: batchId, group_id }))).execute();
    }
  }

  async namesForBatch(batchId: string): Promise<string[]> {
    const rows = await this.db
      .selectFrom('batch_groups as bg')
      .innerJoin('project_groups as g', 'g.id', 'bg.group_id')
      .select('g.name')
      .where('bg.batch_id', '=', batchId)
      .where('g.account_id', '=', this.accountId)
      .orderBy('g.name')
      .execute();
    return rows.map((r) => r.name);
  }
}
