import { describeIssues, Tags } from '@tessera/schema';
import type { ScopedStore, Store } from '../../store/index.js';
import type { TaskRecord } from '../../store/tasks.js';
import { invalidField, InvalidRequest } from '../errors.js';
import { isPlainObject } from '../objects.js';
import type { Scope } from '../scope.js';
import { changeStatus, getTaskForUpdate } from './status.js';
import { uniqueIdRace, uniqueIdTaken } from './unique-id.js';

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
  if (!isPlainObject(body)) throw invalidField('metadata', 'must be a JSON object');
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
  if (!Array.isArray(value)) throw invalidField('tags', 'must be a JSON array of strings');
  throw new InvalidRequest(describeIssues(result.error.issues, ['tags']));
}

export function changeTaskTags(store: Store, scope: Scope, id: string, op: TagOperation, body: unknown) {
  const tags = checkTags(body);
  return withTask(store, scope, id, (tx, task) =>
    // Adding may not grow a task past the limit a create or a set is held to.
    patchTask(tx, task, { tags: checkTags(applyTagOperation(task.tags ?? [], op, tags)) }),
  );
}
