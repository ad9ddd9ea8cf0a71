import { createHash } from 'node:crypto';
import {
  describeIssues,
  Tags,
  TaskCommonFields,
  taskCommonFieldNames,
  type TaskListQuery,
  type TaskStatus,
} from '@tessera/schema';
import type { BatchRecord } from '../store/batches.js';
import { isUniqueViolation, type ScopedStore, type Store } from '../store/index.js';
import type { NewTask, TaskFilter, TaskRecord } from '../store/tasks.js';
import { completeBatchIfDone } from './batches.js';
import { callbackSettings, eventForStatus, oweTaskCallback } from './callbacks.js';
import { Conflict, InvalidRequest, NotFound } from './errors.js';
import { ID_PATTERN, idFloor, newId } from './ids.js';
import { decodeToken, encodeToken } from './page-token.js';
import { inheritedParams, requireTaskType } from './projects.js';
import type { Scope } from './scope.js';
import { checkAnswer } from './answers.js';
import { resolveTaskParams } from './task-params.js';
import { enqueueTask } from './work/items.js';

const commonFields = new Set<string>(taskCommonFieldNames);

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function uniqueIdTaken(uniqueId: string, taskId: string): Conflict {
  return new Conflict(`The unique_id ("${uniqueId}") is already used for a different task (${taskId}).`);
}

/**
 * A transaction that claimed a unique_id failed. If the unique index refused it (another request took the
 * id between our lookup and our write), the 409 names the winner: it has committed by now, and after the
 * rollback it can be read.
 */
async function uniqueIdRace(store: Store, scope: Scope, uniqueId: string | undefined, error: unknown): Promise<never> {
  if (uniqueId === undefined || !isUniqueViolation(error)) throw error;
  const holder = await store.scoped(scope).tasks.findByUniqueId(uniqueId);
  throw uniqueIdTaken(uniqueId, holder?.id ?? 'another request');
}

/** `POST /v1/task/{type}`: the common fields at the top level, the type's params beside them. */
export interface CreateOptions {
  /** A gold (evaluation) task, and the answer annotators are scored against. */
  gold?: { expectedResponse: unknown };
  /** The request's `Idempotency-Key`: a retry with the same key and body gets the first try's task. */
  idempotencyKey?: string | undefined;
}

export async function createTask(store: Store, scope: Scope, type: string, body: unknown, options: CreateOptions = {}): Promise<TaskRecord> {
  const { gold, idempotencyKey } = options;
  if (idempotencyKey === undefined) return createNewTask(store, scope, type, body, gold);
  const requestHash = createHash('sha256').update(JSON.stringify([type, body])).digest('hex');
  const replay = async (tx: ScopedStore) => {
    const seen = await tx.tasks.idempotencyKey(idempotencyKey);
    if (!seen) return undefined;
    if (seen.request_hash !== requestHash) {
      throw new InvalidRequest('Parameter is invalid, reason: "Idempotency-Key" was already used with different parameters');
    }
    return getTask(tx, seen.task_id);
  };
  try {
    return await createNewTask(store, scope, type, body, gold, { key: idempotencyKey, requestHash, replay });
  } catch (error) {
    // Two tries with one key raced: the first committed its task, the second finds it.
    const earlier = isUniqueViolation(error) ? await replay(store.scoped(scope)) : undefined;
    if (earlier) return earlier;
    throw error;
  }
}

interface Idempotency {
  key: string;
  requestHash: string;
  replay(tx: ScopedStore): Promise<TaskRecord | undefined>;
}

async function createNewTask(
  store: Store,
  scope: Scope,
  type: string,
  body: unknown,
  gold?: { expectedResponse: unknown },
  idempotency?: Idempotency,
): Promise<TaskRecord> {
  const def = requireTaskType(type);
  if (!isPlainObject(body)) throw new InvalidRequest('Request body must be a JSON object of task parameters');
  const common: Record<string, unknown> = {};
  const own: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(body)) {
    // JSON null means "not given" for the common fields, as the Python client sends None.
    if (commonFields.has(key)) {
      if (value !== null) common[key] = value;
    } else own[key] = value;
  }
  const parsed = TaskCommonFields.safeParse(common, { reportInput: true });
  if (!parsed.success) throw new InvalidRequest(describeIssues(parsed.error.issues));
  const fields = parsed.data;

  return store.transaction(scope, async (tx) => {
    const earlier = await idempotency?.replay(tx);
    if (earlier) return earlier;
    let batch: BatchRecord | undefined;
    if (fields.batch !== undefined) {
      batch = await tx.batches.findByName(fields.batch);
      if (!batch) throw new InvalidRequest(`Parameter is invalid, reason: "batch" no batch named "${fields.batch}" exists`);
      if (batch.status === 'completed') {
        throw new InvalidRequest(`Parameter is invalid, reason: "batch" batch "${batch.name}" is completed and takes no new tasks`);
      }
      if (fields.project !== undefined && fields.project !== batch.projectName) {
        throw new InvalidRequest(
          `Parameter is invalid, reason: "batch" batch "${batch.name}" belongs to project "${batch.projectName}", not "${fields.project}"`,
        );
      }
    }
    const projectName = fields.project ?? batch?.projectName;
    const project = projectName === undefined ? undefined : await tx.projects.findByName(projectName);
    if (projectName !== undefined && !project) {
      throw new InvalidRequest(`Parameter is invalid, reason: "project" no project named "${projectName}" exists`);
    }
    if (project && project.type !== def.type) {
      throw new InvalidRequest(
        `Parameter is invalid, reason: "project" project "${project.name}" is for ${project.type} tasks, not ${def.type}`,
      );
    }
    const inherited = project ? inheritedParams(project, fields.project_version) : { params: {}, version: null };
    const params = resolveTaskParams(def, inherited.params, own);
    // A gold task's expected answer must itself be a valid answer to it.
    const expectedResponse = gold ? checkAnswer({ type: def.type, params }, gold.expectedResponse, 'expected_response') : null;
    const projectInstruction = typeof inherited.params.instruction === 'string' ? inherited.params.instruction : undefined;
    const instruction = fields.instruction ?? projectInstruction;
    // Some types need a common field (categorization: an instruction), from the task or its project.
    for (const field of def.requiredFields ?? []) {
      const given = field === 'instruction' ? instruction : (fields as Record<string, unknown>)[field];
      if (given === undefined) throw new InvalidRequest(`Parameter is invalid, reason: "${field}" is required`);
    }

    if (fields.unique_id !== undefined) {
      const existing = await tx.tasks.findByUniqueId(fields.unique_id);
      if (existing) throw uniqueIdTaken(fields.unique_id, existing.id);
    }
    const now = Date.now();
    const task: NewTask = {
      id: newId(now),
      type: def.type,
      status: 'pending',
      projectId: project?.id ?? null,
      batchId: batch?.id ?? null,
      uniqueId: fields.unique_id ?? null,
      instruction: instruction ?? null,
      callbackUrl: fields.callback_url ?? null,
      params,
      response: null,
      metadata: fields.metadata ?? {},
      tags: fields.tags ? [...new Set(fields.tags)] : null,
      priority: fields.priority ?? null,
      urgency: fields.urgency ?? 'standard',
      isTest: scope.env === 'test',
      callbackSucceeded: null,
      customerReviewStatus: null,
      extra: {},
      projectParamVersion: inherited.version,
      autocompleteAt: !gold && (await completesByItself(tx, scope, batch)) ? now : null,
      expectedResponse,
      createdAt: now,
      updatedAt: now,
      completedAt: null,
    };
    // Two creates with one unique_id may race past the lookup: the index decides (see uniqueIdRace).
    await tx.tasks.insert(task);
    await tx.counts.add(task, 'pending', 1);
    if (idempotency) await tx.tasks.rememberIdempotencyKey(idempotency.key, idempotency.requestHash, task.id, now);
    const created = { ...task, projectName: project?.name ?? null, batchName: batch?.name ?? null };
    // A staging batch holds its tasks back until it is finalized.
    if (batch?.status !== 'staging') await enqueueTask(tx, created, now);
    return created;
  }).catch((error: unknown) => uniqueIdRace(store, scope, fields.unique_id, error));
}

/**
 * Test mode for integrators: with the account's setting or the batch's flag, test-key tasks complete
 * by themselves (the autocomplete worker picks them up). Live tasks never do.
 */
async function completesByItself(tx: ScopedStore, scope: Scope, batch: BatchRecord | undefined): Promise<boolean> {
  if (scope.env !== 'test') return false;
  if (batch?.testAutocomplete) return true;
  return (await callbackSettings(tx)).test_autocomplete === 1;
}

export async function getTask(store: ScopedStore, id: string): Promise<TaskRecord> {
  const task = ID_PATTERN.test(id) ? await store.tasks.findById(id) : undefined;
  if (!task) throw new NotFound('Task with that ID not found.');
  return task;
}

/** Reads a task to change it, locked until the transaction ends: concurrent changes queue, none is lost. */
async function getTaskForUpdate(tx: ScopedStore, id: string): Promise<TaskRecord> {
  const task = ID_PATTERN.test(id) ? await tx.tasks.findByIdForUpdate(id) : undefined;
  if (!task) throw new NotFound('Task with that ID not found.');
  return task;
}

/** Moves a task to a new status, keeping the counts and its batch's completion in the same transaction. */
export async function changeStatus(
  tx: ScopedStore,
  task: TaskRecord,
  to: TaskStatus,
  patch: { response?: unknown; completedAt?: number | null; autocompleteAt?: number | null } = {},
): Promise<TaskRecord> {
  const now = Date.now();
  // Compare-and-set on the status: of two processes moving one task, exactly one wins.
  // Work that left pending is never autocompleted, and drops out of the autocomplete index.
  const leaving = to !== 'pending' ? { autocompleteAt: null } : {};
  const moved = await tx.tasks.update(task.id, { status: to, updatedAt: now, ifStatus: task.status, ...leaving, ...patch });
  if (!moved) throw new TaskChangedConcurrently(task.id);
  // Work that ended another way (canceled, autocompleted, reviewed) leaves the queue.
  if (to !== 'pending') await tx.work.cancelForTask(task.id, now);
  await tx.counts.move(task, task.status, to);
  const changed = { ...task, status: to, updatedAt: now, ...patch };
  const event = eventForStatus(to);
  if (event) await oweTaskCallback(tx, changed, event);
  if (task.batchId !== null && to !== 'pending') {
    const batch = await tx.batches.findById(task.batchId);
    if (batch) await completeBatchIfDone(tx, batch, now);
  }
  return changed;
}

/** Another request changed the task between our read and our write; the caller may simply retry. */
export class TaskChangedConcurrently extends InvalidRequest {
  constructor(id: string) {
    super(`Task ${id} changed while this request ran; retry it.`);
  }
}

/** Only pending work can be canceled; canceling twice is a no-op. */
export async function cancelTask(store: Store, scope: Scope, id: string, clearUniqueId: boolean): Promise<TaskRecord> {
  return store.transaction(scope, async (tx) => {
    let task = await getTaskForUpdate(tx, id);
    if (task.status === 'completed' || task.status === 'error') {
      throw new InvalidRequest(`Task ${task.id} is ${task.status === 'completed' ? 'already completed' : 'in error'} and cannot be canceled.`);
    }
    if (task.status === 'pending') task = await changeStatus(tx, task, 'canceled');
    if (clearUniqueId && task.uniqueId !== null) task = await patchTask(tx, task, { uniqueId: null });
    return task;
  });
}

async function patchTask(
  tx: ScopedStore,
  task: TaskRecord,
  patch: Partial<Pick<TaskRecord, 'metadata' | 'tags' | 'uniqueId'>>,
): Promise<TaskRecord> {
  const now = Date.now();
  await tx.tasks.update(task.id, { ...patch, updatedAt: now });
  return { ...task, ...patch, updatedAt: now };
}

async function withTask(
  store: Store,
  scope: Scope,
  id: string,
  change: (tx: ScopedStore, task: TaskRecord) => Promise<TaskRecord>,
): Promise<TaskRecord> {
  return store.transaction(scope, async (tx) => change(tx, await getTaskForUpdate(tx, id)));
}

/**
 * The Python client sends the metadata object itself; the Fern-generated Node client wraps it as
 * `{"docs": {...}}`. A body that is exactly such a wrapper is unwrapped.
 */
export function metadataFromBody(body: unknown): Record<string, unknown> {
  if (!isPlainObject(body)) throw new InvalidRequest('Parameter is invalid, reason: "metadata" must be a JSON object');
  const keys = Object.keys(body);
  if (keys.length === 1 && keys[0] === 'docs' && isPlainObject(body.docs)) return body.docs;
  return body;
}

export function setTaskMetadata(store: Store, scope: Scope, id: string, metadata: Record<string, unknown>) {
  return withTask(store, scope, id, (tx, task) => patchTask(tx, task, { metadata }));
}

export function setTaskUniqueId(store: Store, scope: Scope, id: string, uniqueId: string) {
  return withTask(store, scope, id, async (tx, task) => {
    const holder = await tx.tasks.findByUniqueId(uniqueId);
    if (holder && holder.id !== task.id) throw uniqueIdTaken(uniqueId, holder.id);
    if (holder) return task;
    return patchTask(tx, task, { uniqueId });
  }).catch((error: unknown) => uniqueIdRace(store, scope, uniqueId, error));
}

export function clearTaskUniqueId(store: Store, scope: Scope, id: string) {
  return withTask(store, scope, id, (tx, task) => patchTask(tx, task, { uniqueId: null }));
}

export type TagOperation = 'set' | 'add' | 'delete';

/** Set replaces the tags; add appends those not there yet; delete drops those listed and ignores the rest. */
export function applyTagOperation(current: readonly string[], op: TagOperation, tags: readonly string[]): string[] {
  if (op === 'set') return [...new Set(tags)];
  if (op === 'add') return [...new Set([...current, ...tags])];
  const drop = new Set(tags);
  return current.filter((t) => !drop.has(t));
}

/** The tag endpoints' body is a bare JSON array of tags; errors name "tags" all the same. */
function checkTags(value: unknown): string[] {
  const result = Tags.safeParse(value, { reportInput: true });
  if (result.success) return result.data;
  if (!Array.isArray(value)) throw new InvalidRequest('Parameter is invalid, reason: "tags" must be a JSON array of strings');
  throw new InvalidRequest(describeIssues(result.error.issues, ['tags']));
}

export function changeTaskTags(store: Store, scope: Scope, id: string, op: TagOperation, body: unknown) {
  const tags = checkTags(body);
  return withTask(store, scope, id, (tx, task) =>
    // Adding may not grow a task past the limit a create or a set is held to.
    patchTask(tx, task, { tags: checkTags(applyTagOperation(task.tags ?? [], op, tags)) }),
  );
}

export interface TaskPage {
  tasks: TaskRecord[];
  total: number;
  hasMore: boolean;
  nextToken: string | null;
}

export async function listTasks(store: ScopedStore, query: TaskListQuery): Promise<TaskPage> {
  const filter = await taskFilter(store, query);
  const after = query.next_token === undefined ? undefined : decodeToken(query.next_token);
  let rows: TaskRecord[];
  if (after === undefined && query.offset > 0) {
    // Offsets come only from the old Node client; a walk that long is its own cost, not the next page's.
    const skipped = await store.tasks.list(filter, query.offset);
    const boundary = skipped[skipped.length - 1];
    rows = skipped.length < query.offset || !boundary ? [] : await store.tasks.list(filter, query.limit + 1, boundary.id);
  } else {
    rows = await store.tasks.list(filter, query.limit + 1, after);
  }
  const hasMore = rows.length > query.limit;
  const tasks = rows.slice(0, query.limit);
  const last = tasks[tasks.length - 1];
  return { tasks, total: await countTasks(store, filter), hasMore, nextToken: hasMore && last ? encodeToken(last.id) : null };
}

async function taskFilter(store: ScopedStore, query: TaskListQuery): Promise<TaskFilter> {
  const filter: TaskFilter = {};
  if (query.project !== undefined) {
    const project = await store.projects.findByName(query.project);
    if (!project) throw new NotFound(`Project "${query.project}" not found.`);
    filter.projectId = project.id;
  }
  if (query.batch !== undefined) {
    const batch = await store.batches.findByName(query.batch);
    if (!batch) throw new NotFound(`Batch "${query.batch}" not found.`);
    filter.batchId = batch.id;
  }
  if (query.type !== undefined) filter.type = query.type;
  if (query.status !== undefined) filter.status = query.status;
  if (query.customer_review_status) filter.customerReviewStatus = query.customer_review_status;
  if (query.unique_id) filter.uniqueIds = query.unique_id;
  if (query.tags) filter.tags = query.tags;
  // Ids are time-ordered, so a creation-time window is an id range on the same index the page walks.
  if (query.start_time !== undefined) filter.idFrom = idFloor(query.start_time);
  if (query.end_time !== undefined) filter.idTo = idFloor(query.end_time + 1);
  if (query.completed_after !== undefined) filter.completedFrom = query.completed_after;
  if (query.completed_before !== undefined) filter.completedTo = query.completed_before;
  if (query.updated_after !== undefined) filter.updatedFrom = query.updated_after;
  if (query.updated_before !== undefined) filter.updatedTo = query.updated_before;
  return filter;
}

/** Totals for project/batch/status filters come from the live counts; anything finer is counted. */
async function countTasks(store: ScopedStore, filter: TaskFilter): Promise<number> {
  const { projectId, batchId, status, ...rest } = filter;
  if (Object.keys(rest).length > 0) return store.tasks.count(filter);
  const counts = await store.counts.byStatus({
    ...(projectId !== undefined ? { projectId } : {}),
    ...(batchId !== undefined ? { batchId } : {}),
  });
  return status !== undefined ? counts[status] : counts.pending + counts.completed + counts.canceled + counts.error;
}
