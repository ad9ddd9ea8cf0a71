import type { Audit, TaskStatus } from '@tessera/schema';
import type { z } from 'zod';
import type { Scope } from '../domain/scope.js';
import type { Db } from './database.js';
import { bool, fromJson, toJson } from './json.js';
import type { Selectable, Updateable } from 'kysely';
import type { TasksTable } from './tables.js';

/** Parts of a task read only when the whole task is shown. */
export interface TaskExtra {
  audits?: z.infer<typeof Audit>[];
  customer_review_comments?: string[];
  processed_attachments?: unknown[];
}

export interface TaskRecord {
  id: string;
  type: string;
  status: TaskStatus;
  projectId: string | null;
  projectName: string | null;
  batchId: string | null;
  batchName: string | null;
  uniqueId: string | null;
  instruction: string | null;
  callbackUrl: string | null;
  params: Record<string, unknown>;
  response: unknown;
  metadata: Record<string, unknown>;
  tags: string[] | null;
  priority: number | null;
  urgency: string;
  isTest: boolean;
  callbackSucceeded: boolean | null;
  customerReviewStatus: string | null;
  extra: TaskExtra;
  projectParamVersion: number | null;
  /** Test mode: when the task completes by itself; null when it waits for people. */
  autocompleteAt: number | null;
  /** Gold (evaluation) tasks: the answer annotators are scored against; null for ordinary work. */
  expectedResponse: unknown;
  createdAt: number;
  updatedAt: number;
  completedAt: number | null;
}

export type NewTask = Omit<TaskRecord, 'projectName' | 'batchName'>;

export interface TaskFilter {
  projectId?: string;
  batchId?: string;
  type?: string;
  status?: TaskStatus;
  customerReviewStatus?: string[];
  uniqueIds?: string[];
  /** Tasks carrying any of these tags. */
  tags?: string[];
  /** Creation-time bounds, already turned into id bounds (ids are time-ordered). */
  idFrom?: string;
  idTo?: string;
  completedFrom?: number;
  completedTo?: number;
  updatedFrom?: number;
  updatedTo?: number;
}

export type TaskPatch = Partial<
  Pick<
    TaskRecord,
    | 'status'
    | 'response'
    | 'metadata'
    | 'tags'
    | 'uniqueId'
    | 'callbackSucceeded'
    | 'customerReviewStatus'
    | 'extra'
    | 'completedAt'
    | 'autocompleteAt'
  >
> & {
  updatedAt: number;
  /** Only if the task still has this status: the update is a compare-and-set, safe across processes. */
  ifStatus?: TaskStatus;
};

export class TaskStore {
  constructor(
    private readonly db: Db,
    private readonly scope: Scope,
  ) {}

  private select() {
    return this.db
      .selectFrom('tasks as t')
      .leftJoin('projects as p', 'p.id', 't.project_id')
      .leftJoin('batches as b', 'b.id', 't.batch_id')
      .selectAll('t')
      .select(['p.name as project_name', 'b.name as batch_name'])
      .where('t.account_id', '=', this.scope.accountId)
      .where('t.env', '=', this.scope.env);
  }

  async insert(task: NewTask): Promise<void> {
    await this.db
      .insertInto('tasks')
      .values({
        id: task.id,
        account_id: this.scope.accountId,
        env: this.scope.env,
        type: task.type,
        status: task.status,
        project_id: task.projectId,
        batch_id: task.batchId,
        unique_id: task.uniqueId,
        instruction: task.instruction,
        callback_url: task.callbackUrl,
        params: toJson(task.params),
        response: task.response === undefined || task.response === null ? null : toJson(task.response),
        metadata: toJson(task.metadata),
        tags: task.tags === null ? null : toJson(task.tags),
        priority: task.priority,
        urgency: task.urgency,
        is_test: bool(task.isTest),
        callback_succeeded: task.callbackSucceeded === null ? null : bool(task.callbackSucceeded),
        customer_review_status: task.customerReviewStatus,
        extra: toJson(task.extra),
        project_param_version: task.projectParamVersion,
        autocomplete_at: task.autocompleteAt,
        expected_response: task.expectedResponse === null || task.expectedResponse === undefined ? null : toJson(task.expectedResponse),
        created_at: task.createdAt,
        updated_at: task.updatedAt,
        completed_at: task.completedAt,
      })
      .execute();
    if (task.tags && task.tags.length > 0) await this.insertTags(task.id, task.tags);
  }

  async findById(id: string): Promise<TaskRecord | undefined> {
    const row = await this.select().where('t.id', '=', id).executeTakeFirst();
    return row && toRecord(row);
  }

  /**
   * Reads a task in order to change it. A no-op write first locks the row until the transaction ends
   * (SELECT … FOR UPDATE in words both databases understand), so concurrent changes queue up instead
   * of overwriting each other.
   */
  async findByIdForUpdate(id: string): Promise<TaskRecord | undefined> {
    await this.db
      .updateTable('tasks')
      .set((eb) => ({ updated_at: eb.ref('updated_at') }))
      .where('account_id', '=', this.scope.accountId)
      .where('env', '=', this.scope.env)
      .where('id', '=', id)
      .execute();
    return this.findById(id);
  }

  async findByUniqueId(uniqueId: string): Promise<TaskRecord | undefined> {
    const row = await this.select().where('t.unique_id', '=', uniqueId).executeTakeFirst();
    return row && toRecord(row);
  }

  private filtered(f: TaskFilter) {
    let q = this.select();
    if (f.projectId !== undefined) q = q.where('t.project_id', '=', f.projectId);
    if (f.batchId !== undefined) q = q.where('t.batch_id', '=', f.batchId);
    if (f.type !== undefined) q = q.where('t.type', '=', f.type);
    if (f.status !== undefined) q = q.where('t.status', '=', f.status);
    if (f.customerReviewStatus?.length) q = q.where('t.customer_review_status', 'in', f.customerReviewStatus);
    if (f.uniqueIds?.length) q = q.where('t.unique_id', 'in', f.uniqueIds);
    if (f.idFrom !== undefined) q = q.where('t.id', '>=', f.idFrom);
    if (f.idTo !== undefined) q = q.where('t.id', '<', f.idTo);
    if (f.completedFrom !== undefined) q = q.where('t.completed_at', '>=', f.completedFrom);
    if (f.completedTo !== undefined) q = q.where('t.completed_at', '<=', f.completedTo);
    if (f.updatedFrom !== undefined) q = q.where('t.updated_at', '>=', f.updatedFrom);
    if (f.updatedTo !== undefined) q = q.where('t.updated_at', '<=', f.updatedTo);
    const tags = f.tags;
    if (tags?.length) {
      q = q.where(({ exists, selectFrom }) =>
        exists(
          selectFrom('task_tags as tt')
            .select('tt.task_id')
            .whereRef('tt.task_id', '=', 't.id')
            .where('tt.tag', 'in', tags),
        ),
      );
    }
    return q;
  }

  /** Newest first; a keyset page starts strictly below `beforeId`, so depth never costs more. */
  async list(f: TaskFilter, limit: number, beforeId?: string): Promise<TaskRecord[]> {
    let q = this.filtered(f);
    if (beforeId !== undefined) q = q.where('t.id', '<', beforeId);
    const rows = await q.orderBy('t.id', 'desc').limit(limit).execute();
    return rows.map(toRecord);
  }

  async count(f: TaskFilter): Promise<number> {
    const row = await this.filtered(f)
      .clearSelect()
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** Returns false when nothing changed (no such task, or `ifStatus` no longer holds). */
  async update(id: string, patch: TaskPatch): Promise<boolean> {
    const set: Updateable<TasksTable> = { updated_at: patch.updatedAt };
    if (patch.status !== undefined) set.status = patch.status;
    if (patch.response !== undefined) set.response = patch.response === null ? null : toJson(patch.response);
    if (patch.metadata !== undefined) set.metadata = toJson(patch.metadata);
    if (patch.tags !== undefined) set.tags = patch.tags === null ? null : toJson(patch.tags);
    if (patch.uniqueId !== undefined) set.unique_id = patch.uniqueId;
    if (patch.callbackSucceeded !== undefined)
      set.callback_succeeded = patch.callbackSucceeded === null ? null : bool(patch.callbackSucceeded);
    if (patch.customerReviewStatus !== undefined) set.customer_review_status = patch.customerReviewStatus;
    if (patch.extra !== undefined) set.extra = toJson(patch.extra);
    if (patch.completedAt !== undefined) set.completed_at = patch.completedAt;
    if (patch.autocompleteAt !== undefined) set.autocomplete_at = patch.autocompleteAt;
    let q = this.db
      .updateTable('tasks')
      .set(set)
      .where('account_id', '=', this.scope.accountId)
      .where('env', '=', this.scope.env)
      .where('id', '=', id);
    if (patch.ifStatus !== undefined) q = q.where('status', '=', patch.ifStatus);
    const result = await q.executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) return false;
    if (patch.tags !== undefined) {
      await this.db.deleteFrom('task_tags').where('task_id', '=', id).execute();
      if (patch.tags && patch.tags.length > 0) await this.insertTags(id, patch.tags);
    }
    return true;
  }

  /** Test-mode tasks due to complete by themselves, across accounts (the autocomplete worker's query). */
  static async dueAutocompletes(db: Db, now: number, limit: number): Promise<{ id: string; account_id: string; env: 'test' | 'live' }[]> {
    return db
      .selectFrom('tasks')
      .select(['id', 'account_id', 'env'])
      .where('autocomplete_at', '<=', now)
      .where('status', '=', 'pending')
      .orderBy('autocomplete_at')
      .limit(limit)
      .execute();
  }

  async idempotencyKey(key: string): Promise<{ request_hash: string; task_id: string } | undefined> {
    return this.db
      .selectFrom('idempotency_keys')
      .select(['request_hash', 'task_id'])
      .where('account_id', '=', this.scope.accountId)
      .where('env', '=', this.scope.env)
      .where('key', '=', key)
      .executeTakeFirst();
  }

  async rememberIdempotencyKey(key: string, requestHash: string, taskId: string, now: number): Promise<void> {
    await this.db
      .insertInto('idempotency_keys')
      .values({ account_id: this.scope.accountId, env: this.scope.env, key, request_hash: requestHash, task_id: taskId, created_at: now })
      .execute();
  }

  /** Pending tasks of a batch, for finalize to put in the queue. */
  async pendingInBatch(batchId: string): Promise<TaskRecord[]> {
    const rows = await this.select().where('t.batch_id', '=', batchId).where('t.status', '=', 'pending').orderBy('t.id').execute();
    return rows.map(toRecord);
  }

  private async insertTags(taskId: string, tags: string[]): Promise<void> {
    await this.db
      .insertInto('task_tags')
      .values(
        [...new Set(tags)].map((tag) => ({
          task_id: taskId,
          account_id: this.scope.accountId,
          env: this.scope.env,
          tag,
        })),
      )
      .execute();
  }
}

type TaskRow = Selectable<TasksTable> & { project_name: string | null; batch_name: string | null };

function toRecord(row: TaskRow): TaskRecord {
  return {
    id: row.id,
    type: row.type,
    status: row.status as TaskStatus,
    projectId: row.project_id,
    projectName: row.project_name,
    batchId: row.batch_id,
    batchName: row.batch_name,
    uniqueId: row.unique_id,
    instruction: row.instruction,
    callbackUrl: row.callback_url,
    params: fromJson(row.params),
    response: fromJson(row.response),
    metadata: fromJson(row.metadata),
    tags: fromJson(row.tags),
    priority: row.priority,
    urgency: row.urgency,
    isTest: row.is_test === 1,
    callbackSucceeded: row.callback_succeeded === null ? null : row.callback_succeeded === 1,
    customerReviewStatus: row.customer_review_status,
    extra: fromJson(row.extra),
    projectParamVersion: row.project_param_version,
    autocompleteAt: row.autocomplete_at,
    expectedResponse: fromJson(row.expected_response),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    completedAt: row.completed_at,
  };
}
