import type { BatchListQuery, BatchStatusCounts, CreateBatchBody } from '@tessera/schema';
import type { BatchFilter, BatchRecord } from '../store/batches.js';
import { isUniqueViolation, type ScopedStore, type Store } from '../store/index.js';
import { oweBatchCallback } from './callbacks.js';
import { enqueueTask } from './work/items.js';
import { Conflict, invalidField, NotFound } from './errors.js';
import { newId } from './ids.js';
import { decodeToken, encodeToken } from './page-token.js';
import type { Scope } from './scope.js';

/** A reference to a project inside a request body: unknown is the caller's mistake, a 400. */
async function projectNamed(store: ScopedStore, name: string, field: string) {
  const project = await store.projects.findByName(name);
  if (!project) throw invalidField(field, `no project named "${name}" exists`);
  return project;
}

export async function createBatch(store: Store, scope: Scope, body: CreateBatchBody): Promise<BatchRecord> {
  return store.transaction(scope, async (tx) => {
    const project = await projectNamed(tx, body.project, 'project');
    const now = Date.now();
    const batch: BatchRecord = {
      id: newId(now),
      projectId: project.id,
      projectName: project.name,
      name: body.name,
      // Every batch stages until finalized, as Scale Studio batches do: its tasks reach no queue before then.
      status: 'staging',
      callback: body.callback || null,
      metadata: body.metadata ?? {},
      calibrationBatch: body.calibration_batch ?? false,
      selfLabelBatch: body.self_label_batch ?? false,
      archived: false,
      testAutocomplete: body.test_autocomplete ?? false,
      studioRank: null,
      createdAt: now,
      updatedAt: now,
      completedAt: null,
    };
    try {
      await tx.batches.insert(batch);
    } catch (error) {
      if (isUniqueViolation(error)) throw new Conflict(`A batch named "${body.name}" already exists.`);
      throw error;
    }
    return batch;
  });
}

export async function getBatch(store: ScopedStore, name: string): Promise<BatchRecord> {
  const batch = await store.batches.findByName(name);
  if (!batch) throw new NotFound(`Batch "${name}" not found.`);
  return batch;
}

/** Opens a staging batch to work. Finalizing twice is a no-op, as Scale's is. */
export async function finalizeBatch(store: Store, scope: Scope, name: string): Promise<BatchRecord> {
  return store.transaction(scope, async (tx) => {
    const batch = await getBatch(tx, name);
    if (batch.status !== 'staging') return batch;
    const now = Date.now();
    await tx.batches.update(batch.id, { status: 'in_progress', updatedAt: now });
    // Until now its tasks were held back; they go to the queue together.
    for (const task of await tx.tasks.pendingInBatch(batch.id)) await enqueueTask(tx, task, now);
    const finalized = { ...batch, status: 'in_progress' as const, updatedAt: now };
    return (await completeBatchIfDone(tx, finalized, now)) ?? finalized;
  });
}

/**
 * A finalized batch completes once it has tasks and none is pending. Called in the same
 * transaction as every task status change, so completion can never be missed.
 */
export async function completeBatchIfDone(tx: ScopedStore, batch: BatchRecord, now: number): Promise<BatchRecord | undefined> {
  if (batch.status !== 'in_progress') return undefined;
  const counts = await tx.counts.byStatus({ batchId: batch.id });
  const total = counts.pending + counts.completed + counts.canceled + counts.error;
  if (total === 0 || counts.pending > 0) return undefined;
  await tx.batches.update(batch.id, { status: 'completed', completedAt: now, updatedAt: now });
  const completed: BatchRecord = { ...batch, status: 'completed', completedAt: now, updatedAt: now };
  await oweBatchCallback(tx, completed);
  return completed;
}

export async function batchStatus(store: ScopedStore, name: string): Promise<BatchStatusCounts> {
  const batch = await getBatch(store, name);
  const counts = await store.counts.byStatus({ batchId: batch.id });
  return { status: batch.status, ...counts };
}

export async function setBatchMetadata(
  store: Store,
  scope: Scope,
  name: string,
  metadata: Record<string, unknown>,
): Promise<BatchRecord> {
  return store.transaction(scope, async (tx) => {
    const batch = await getBatch(tx, name);
    const now = Date.now();
    await tx.batches.update(batch.id, { metadata, updatedAt: now });
    return { ...batch, metadata, updatedAt: now };
  });
}

export interface BatchPage {
  batches: BatchRecord[];
  total: number;
  hasMore: boolean;
  nextToken: string | null;
}

export async function listBatches(store: ScopedStore, query: BatchListQuery): Promise<BatchPage> {
  const filter: BatchFilter = {};
  if (query.project !== undefined) {
    const project = await store.projects.findByName(query.project);
    if (!project) throw new NotFound(`Project "${query.project}" not found.`);
    filter.projectId = project.id;
  }
  if (query.status !== undefined) filter.status = query.status;
  if (query.start_time !== undefined) filter.createdFrom = query.start_time;
  if (query.end_time !== undefined) filter.createdTo = query.end_time;
  if (query.exclude_archived) filter.excludeArchived = true;
  const after = query.next_token === undefined ? undefined : decodeToken(query.next_token);
  const page = await store.batches.list(
    { ...filter, ...(after ? { beforeId: after } : {}) },
    query.limit + 1,
    after ? 0 : query.offset,
  );
  const hasMore = page.length > query.limit;
  const batches = page.slice(0, query.limit);
  const last = batches[batches.length - 1];
  return {
    batches,
    total: await store.batches.count(filter),
    hasMore,
    nextToken: hasMore && last ? encodeToken(last.id) : null,
  };
}
