import type { Selectable } from 'kysely';
import type { BatchStatus } from '@tessera/schema';
import type { Scope } from '../domain/scope.js';
import type { Db } from './database.js';
import { bool, fromJson, toJson } from './json.js';
import type { BatchesTable } from './tables.js';

export interface BatchRecord {
  id: string;
  projectId: string;
  projectName: string;
  name: string;
  status: BatchStatus;
  callback: string | null;
  metadata: Record<string, unknown>;
  calibrationBatch: boolean;
  selfLabelBatch: boolean;
  archived: boolean;
  /** Test mode: this batch's test-key tasks complete by themselves. */
  testAutocomplete: boolean;
  /** Studio priority: lower is worked first; null after every ranked batch. */
  studioRank: number | null;
  createdAt: number;
  updatedAt: number;
  completedAt: number | null;
}

export interface BatchFilter {
  projectId?: string;
  status?: BatchStatus;
  createdFrom?: number;
  createdTo?: number;
  excludeArchived?: boolean;
  /** Keyset: only batches older than this id. */
  beforeId?: string;
}

export class BatchStore {
  constructor(
    private readonly db: Db,
    private readonly scope: Scope,
  ) {}

  private select() {
    return this.db
      .selectFrom('batches as b')
      .innerJoin('projects as p', 'p.id', 'b.project_id')
      .selectAll('b')
      .select('p.name as project_name')
      .where('b.account_id', '=', this.scope.accountId)
      .where('b.env', '=', this.scope.env);
  }

  async insert(b: Omit<BatchRecord, 'projectName'>): Promise<void> {
    await this.db
      .insertInto('batches')
      .values({
        id: b.id,
        account_id: this.scope.accountId,
        env: this.scope.env,
        project_id: b.projectId,
        name: b.name,
        status: b.status,
        callback: b.callback,
        metadata: toJson(b.metadata),
        calibration_batch: bool(b.calibrationBatch),
        self_label_batch: bool(b.selfLabelBatch),
        archived: bool(b.archived),
        test_autocomplete: bool(b.testAutocomplete),
        studio_rank: b.studioRank,
        created_at: b.createdAt,
        updated_at: b.updatedAt,
        completed_at: b.completedAt,
      })
      .execute();
  }

  async findByName(name: string): Promise<BatchRecord | undefined> {
    const row = await this.select().where('b.name', '=', name).executeTakeFirst();
    return row && toRecord(row);
  }

  async findById(id: string): Promise<BatchRecord | undefined> {
    const row = await this.select().where('b.id', '=', id).executeTakeFirst();
    return row && toRecord(row);
  }

  private filtered(f: BatchFilter) {
    let q = this.select();
    if (f.projectId !== undefined) q = q.where('b.project_id', '=', f.projectId);
    if (f.status !== undefined) q = q.where('b.status', '=', f.status);
    if (f.createdFrom !== undefined) q = q.where('b.created_at', '>=', f.createdFrom);
    if (f.createdTo !== undefined) q = q.where('b.created_at', '<=', f.createdTo);
    if (f.excludeArchived) q = q.where('b.archived', '=', 0);
    return q;
  }

  async list(f: BatchFilter, limit: number, offset: number): Promise<BatchRecord[]> {
    let q = this.filtered(f);
    if (f.beforeId !== undefined) q = q.where('b.id', '<', f.beforeId);
    const rows = await q.orderBy('b.id', 'desc').limit(limit).offset(offset).execute();
    return rows.map(toRecord);
  }

  async count(f: BatchFilter): Promise<number> {
    const row = await this.filtered(f)
      .clearSelect()
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async update(
    id: string,
    patch: Partial<Pick<BatchRecord, 'status' | 'metadata' | 'completedAt' | 'studioRank'>> & { updatedAt: number },
  ): Promise<void> {
    await this.db
      .updateTable('batches')
      .set({
        updated_at: patch.updatedAt,
        ...(patch.status !== undefined ? { status: patch.status } : {}),
        ...(patch.metadata !== undefined ? { metadata: toJson(patch.metadata) } : {}),
        ...(patch.completedAt !== undefined ? { completed_at: patch.completedAt } : {}),
        ...(patch.studioRank !== undefined ? { studio_rank: patch.studioRank } : {}),
      })
      .where('account_id', '=', this.scope.accountId)
      .where('env', '=', this.scope.env)
      .where('id', '=', id)
      .execute();
  }
}

type BatchRow = Selectable<BatchesTable> & { project_name: string };

function toRecord(row: BatchRow): BatchRecord {
  return {
    id: row.id,
    projectId: row.project_id,
    projectName: row.project_name,
    name: row.name,
    status: row.status as BatchStatus,
    callback: row.callback,
    metadata: fromJson(row.metadata),
    calibrationBatch: row.calibration_batch === 1,
    selfLabelBatch: row.self_label_batch === 1,
    archived: row.archived === 1,
    testAutocomplete: row.test_autocomplete === 1,
    studioRank: row.studio_rank,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    completedAt: row.completed_at,
  };
}
