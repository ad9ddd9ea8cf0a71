import type { Selectable } from 'kysely';
import type { Database, Db, Dialect } from './database.js';
import type { AnnotatorQualityTable, SubmissionsTable, TaskEventsTable, WorkItemsTable, WorkStage } from './tables.js';

export type WorkItemRow = Selectable<WorkItemsTable>;
export type SubmissionRow = Selectable<SubmissionsTable>;
export type TaskEventRow = Selectable<TaskEventsTable>;
export type QualityRow = Selectable<AnnotatorQualityTable>;

export interface ClaimRequest {
  userId: string;
  projectIds: string[];
  stage: WorkStage;
  now: number;
  leaseId: string;
  leaseMs: number;
}

/** The work queue of one account: items, leases, submissions, history and quality. */
export class WorkStore {
  constructor(
    private readonly db: Db,
    private readonly dialect: Dialect,
    private readonly accountId: string,
  ) {}

  async insertItems(items: WorkItemRow[]): Promise<void> {
    // Chunked: SQLite caps bound parameters per statement.
    for (let i = 0; i < items.length; i += 500) await this.db.insertInto('work_items').values(items.slice(i, i + 500)).execute();
  }

  /** Expired leases go back to the queue; returns the items reopened, for their history. */
  async reopenExpired(now: number): Promise<WorkItemRow[]> {
    return this.db
      .updateTable('work_items')
      .set({ status: 'open', lease_id: null, leased_by: null, leased_at: null, lease_expires_at: null, updated_at: now })
      .where('account_id', '=', this.accountId)
      .where('status', '=', 'leased')
      .where('lease_expires_at', '<', now)
      .returningAll()
      .execute();
  }

  /**
   * Leases the first open item in queue order that this person may take. The select locks its row
   * (PostgreSQL: FOR UPDATE SKIP LOCKED, so concurrent claims pass each other by); the update is a
   * compare-and-set on `open`, so no item is ever leased twice.
   */
  async claim(r: ClaimRequest): Promise<WorkItemRow | undefined> {
    if (r.projectIds.length === 0) return undefined;
    let q = this.db
      .selectFrom('work_items as w')
      .selectAll('w')
      .where('w.account_id', '=', this.accountId)
      .where('w.project_id', 'in', r.projectIds)
      .where('w.stage', '=', r.stage)
      .where('w.status', '=', 'open')
      .where((eb) =>
        eb.or([eb('w.preferred_user_id', 'is', null), eb('w.preferred_user_id', '=', r.userId), eb('w.preferred_until', '<', r.now)]),
      )
      .where(({ or, eb, not, exists, selectFrom }) =>
        // A batch given to Studio groups goes to their members only.
        or([
          eb('w.batch_id', 'is', null),
          not(exists(selectFrom('batch_groups as bg').select('bg.group_id').whereRef('bg.batch_id', '=', 'w.batch_id'))),
          exists(
            selectFrom('batch_groups as bg')
              .innerJoin('project_group_members as gm', 'gm.group_id', 'bg.group_id')
              .select('bg.group_id')
              .whereRef('bg.batch_id', '=', 'w.batch_id')
              .where('gm.user_id', '=', r.userId),
          ),
        ]),
      )
      .where(({ not, exists, selectFrom }) =>
        not(exists(selectFrom('work_skips as k').select('k.user_id').whereRef('k.work_item_id', '=', 'w.id').where('k.user_id', '=', r.userId))),
      )
      .where(({ not, exists, selectFrom }) => {
        // One person answers a task once per round, and never reviews a task they labelled.
        const mine = selectFrom('submissions as s').select('s.id').whereRef('s.task_id', '=', 'w.task_id').where('s.user_id', '=', r.userId);
        return r.stage === 'label'
          ? not(exists(mine.where((e) => e.or([e('w.is_gold', '=', 1), e.and([e('s.stage', '=', 'label'), e('s.round', '=', e.ref('w.round'))])]))))
          : not(exists(mine.where((e) => e.or([e('s.stage', '=', 'label'), e.and([e('s.stage', '=', 'review'), e('s.round', '=', e.ref('w.round'))])]))));
      })
      .orderBy('w.rank')
      .orderBy('w.id')
      .limit(1);
    if (this.dialect === 'postgres') q = q.forUpdate().skipLocked();
    const item = await q.executeTakeFirst();
    if (!item) return undefined;
    const leased = await this.db
      .updateTable('work_items')
      .set({ status: 'leased', lease_id: r.leaseId, leased_by: r.userId, leased_at: r.now, lease_expires_at: r.now + r.leaseMs, updated_at: r.now })
      .where('id', '=', item.id)
      .where('status', '=', 'open')
      .returningAll()
      .executeTakeFirst();
    return leased;
  }

  /** New queue order for a batch's outstanding work (Studio priorities). */
  async rerankBatch(batchId: string, rank: number): Promise<void> {
    await this.db
      .updateTable('work_items')
      .set({ rank })
      .where('account_id', '=', this.accountId)
      .where('status', 'in', ['open', 'leased'])
      .where('task_id', 'in', (eb) => eb.selectFrom('tasks').select('id').where('batch_id', '=', batchId))
      .execute();
  }

  async byLease(leaseId: string): Promise<WorkItemRow | undefined> {
    return this.db
      .selectFrom('work_items')
      .selectAll()
      .where('account_id', '=', this.accountId)
      .where('lease_id', '=', leaseId)
      .where('status', '=', 'leased')
      .executeTakeFirst();
  }

  async extend(leaseId: string, userId: string, until: number, now: number): Promise<boolean> {
    const r = await this.db
      .updateTable('work_items')
      .set({ lease_expires_at: until, updated_at: now })
      .where('account_id', '=', this.accountId)
      .where('lease_id', '=', leaseId)
      .where('leased_by', '=', userId)
      .where('status', '=', 'leased')
      .executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  }

  /** Ends a lease: the item is done, or back in the queue. False when the lease was already lost. */
  async settle(leaseId: string, status: 'done' | 'open', now: number): Promise<boolean> {
    const r = await this.db
      .updateTable('work_items')
      .set({ status, lease_id: null, leased_by: null, leased_at: null, lease_expires_at: null, updated_at: now })
      .where('account_id', '=', this.accountId)
      .where('lease_id', '=', leaseId)
      .where('status', '=', 'leased')
      .executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  }

  async reopen(itemId: string, now: number): Promise<void> {
    await this.db.updateTable('work_items').set({ status: 'open', updated_at: now }).where('id', '=', itemId).execute();
  }

  async skip(itemId: string, userId: string): Promise<void> {
    await this.db
      .insertInto('work_skips')
      .values({ work_item_id: itemId, user_id: userId })
      .onConflict((oc) => oc.columns(['work_item_id', 'user_id']).doNothing())
      .execute();
  }

  /** Withdraws a task's outstanding work (it was canceled or completed another way). */
  async cancelForTask(taskId: string, now: number): Promise<void> {
    await this.db
      .updateTable('work_items')
      .set({ status: 'canceled', lease_id: null, leased_by: null, lease_expires_at: null, updated_at: now })
      .where('account_id', '=', this.accountId)
      .where('task_id', '=', taskId)
      .where('status', 'in', ['open', 'leased'])
      .execute();
  }

  async itemsOfTask(taskId: string): Promise<WorkItemRow[]> {
    return this.db.selectFrom('work_items').selectAll().where('account_id', '=', this.accountId).where('task_id', '=', taskId).orderBy('id').execute();
  }

  async insertSubmission(s: SubmissionRow): Promise<void> {
    await this.db.insertInto('submissions').values(s).execute();
  }

  async submissionsOf(taskId: string): Promise<SubmissionRow[]> {
    return this.db.selectFrom('submissions').selectAll().where('account_id', '=', this.accountId).where('task_id', '=', taskId).orderBy('id').execute();
  }

  async addEvent(e: TaskEventRow): Promise<void> {
    await this.db.insertInto('task_events').values(e).execute();
  }

  async eventsOf(taskId: string): Promise<TaskEventRow[]> {
    return this.db.selectFrom('task_events').selectAll().where('account_id', '=', this.accountId).where('task_id', '=', taskId).orderBy('id').execute();
  }

  async quality(projectId: string, userId: string): Promise<QualityRow | undefined> {
    return this.db.selectFrom('annotator_quality').selectAll().where('project_id', '=', projectId).where('user_id', '=', userId).executeTakeFirst();
  }

  async blockedProjects(userId: string): Promise<string[]> {
    const rows = await this.db
      .selectFrom('annotator_quality')
      .select('project_id')
      .where('account_id', '=', this.accountId)
      .where('user_id', '=', userId)
      .where('blocked', '=', 1)
      .execute();
    return rows.map((r) => r.project_id);
  }

  async saveQuality(q: QualityRow): Promise<void> {
    await this.db
      .insertInto('annotator_quality')
      .values(q)
      .onConflict((oc) =>
        oc.columns(['project_id', 'user_id']).doUpdateSet({ gold_answers: q.gold_answers, score: q.score, blocked: q.blocked, updated_at: q.updated_at }),
      )
      .execute();
  }

  /** Open items per project and stage: what the queues show. */
  async openCounts(projectIds: string[]): Promise<{ project_id: string; stage: WorkStage; n: number }[]> {
    if (projectIds.length === 0) return [];
    const rows = await this.db
      .selectFrom('work_items')
      .select(['project_id', 'stage', (eb) => eb.fn.countAll<number>().as('n')])
      .where('account_id', '=', this.accountId)
      .where('project_id', 'in', projectIds)
      .where('status', '=', 'open')
      .groupBy(['project_id', 'stage'])
      .execute();
    return rows.map((r) => ({ project_id: r.project_id, stage: r.stage, n: Number(r.n) }));
  }

  async submissionsBy(filter: { userId?: string; projectId?: string }): Promise<SubmissionRow[]> {
    let q = this.db.selectFrom('submissions').selectAll().where('account_id', '=', this.accountId);
    if (filter.userId !== undefined) q = q.where('user_id', '=', filter.userId);
    if (filter.projectId !== undefined) q = q.where('project_id', '=', filter.projectId);
    return q.orderBy('submitted_at', 'desc').limit(10_000).execute();
  }

  /** Reviews of tasks a person labelled: how often their work was accepted. */
  async reviewsOfWorkBy(userId: string): Promise<{ decision: string | null }[]> {
    return this.db
      .selectFrom('submissions as r')
      .select('r.decision')
      .where('r.account_id', '=', this.accountId)
      .where('r.stage', '=', 'review')
      .where(({ exists, selectFrom }) =>
        exists(
          selectFrom('submissions as l')
            .select('l.id')
            .whereRef('l.task_id', '=', 'r.task_id')
            .whereRef('l.round', '=', 'r.round')
            .where('l.stage', '=', 'label')
            .where('l.user_id', '=', userId),
        ),
      )
      .limit(10_000)
      .execute();
  }
}

export function workStore(database: Pick<Database, 'db' | 'dialect'>, accountId: string): WorkStore {
  return new WorkStore(database.db, database.dialect, accountId);
}

