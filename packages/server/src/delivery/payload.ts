import { presentBatch, presentTask } from '../http/v1/present.js';
import type { ScopedStore } from '../store/index.js';
import type { DeliveryRow } from '../store/deliveries.js';

/**
 * The body of a callback, built when it is sent: the task as it is then, in Scale's shape
 * `{"task": {...}, "response": {...}, "task_id": "..."}`; for a batch, `{"batch": {...}, "status": {...}}`.
 * Undefined when the object is gone.
 */
export async function callbackBody(store: ScopedStore, row: DeliveryRow): Promise<object | undefined> {
  if (row.task_id !== null) {
    const task = await store.tasks.findById(row.task_id);
    if (!task) return undefined;
    const wire = presentTask(task);
    return { task: wire, response: wire.response ?? null, task_id: wire.task_id };
  }
  if (row.batch_id !== null) {
    const batch = await store.batches.findById(row.batch_id);
    if (!batch) return undefined;
    const counts = await store.counts.byStatus({ batchId: batch.id });
    return { batch: presentBatch(batch), status: { status: batch.status, ...counts } };
  }
  return undefined;
}
