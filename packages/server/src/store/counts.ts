import { sql } from 'kysely';
import type { TaskStatus } from '@tessera/schema';
import type { Scope } from '../domain/scope.js';
import type { Db } from './database.js';

export type StatusCounts = Record<TaskStatus, number>;

export interface CountKey {
  projectId: string | null;
  batchId: string | null;
}

/** Task counts by project, batch and status, moved in the same transaction as each status change. */
export class TaskCountStore {
  constructor(
    private readonly db: Db,
    private readonly scope: Scope,
    /** 1 on SQLite (one writer anyway); several on PostgreSQL. */
    private readonly shards: number,
  ) {}

  private pickShard(): number {
    return this.shards > 1 ? Math.floor(Math.random() * this.shards) : 0;
  }

  async add(key: CountKey, status: TaskStatus, delta: number, shard = this.pickShard()): Promise<void> {
    await this.db
      .insertInto('task_counts')
      .values({
        account_id: this.scope.accountId,
        env: this.scope.env,
        project_id: key.projectId ?? '',
        batch_id: key.batchId ?? '',
        status,
        shard,
        n: delta,
      })
      .onConflict((oc) =>
        oc
          .columns(['account_id', 'env', 'project_id', 'batch_id', 'status', 'shard'])
          .doUpdateSet({ n: sql<number>`task_counts.n + excluded.n` }),
      )
      .execute();
  }

  async move(key: CountKey, from: TaskStatus, to: TaskStatus): Promise<void> {
    if (from === to) return;
    // One shard and a fixed order of rows, so two moves can never lock each other's rows crosswise.
    const shard = this.pickShard();
    for (const [status, delta] of [[from, -1], [to, 1]].sort() as [TaskStatus, number][]) await this.add(key, status, delta, shard);
  }

  /** Counts by status over every task matching the given project and/or batch. */
  async byStatus(filter: { projectId?: string; batchId?: string }): Promise<StatusCounts> {
    let q = this.db
      .selectFrom('task_counts')
      .select(['status', (eb) => eb.fn.sum<number>('n').as('n')])
      .where('account_id', '=', this.scope.accountId)
      .where('env', '=', this.scope.env);
    if (filter.projectId !== undefined) q = q.where('project_id', '=', filter.projectId);
    if (filter.batchId !== undefined) q = q.where('batch_id', '=', filter.batchId);
    const rows = await q.groupBy('status').execute();
    const counts: StatusCounts = { pending: 0, completed: 0, canceled: 0, error: 0 };
    for (const row of rows) counts[row.status as TaskStatus] = Number(row.n);
    return counts;
  }
}
