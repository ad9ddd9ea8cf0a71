import type { TaskStatus } from '@tessera/schema';
import type { ScopedStore } from '../../store/index.js';
import type { TaskRecord } from '../../store/tasks.js';
import { completeBatchIfDone } from '../batches.js';
import { eventForStatus, oweTaskCallback } from '../callbacks.js';
import { InvalidRequest, NotFound } from '../errors.js';
import { ID_PATTERN } from '../ids.js';

export async function getTask(store: ScopedStore, id: string): Promise<TaskRecord> {
  const task = ID_PATTERN.test(id) ? await store.tasks.findById(id) : undefined;
  if (!task) throw new NotFound('Task with that ID not found.');
  return task;
}

/** Reads a task to change it, locked until the transaction ends: concurrent changes queue, none is lost. */
export async function getTaskForUpdate(tx: ScopedStore, id: string): Promise<TaskRecord> {
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
