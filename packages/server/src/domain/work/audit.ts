import type { Store } from '../../store/index.js';
import type { TaskRecord } from '../../store/tasks.js';
import { oweTaskCallback } from '../callbacks.js';
import { iso } from '../clock.js';
import { InvalidRequest } from '../errors.js';
import { newId } from '../ids.js';
import type { Scope } from '../scope.js';
import { changeStatus, getTask } from '../tasks/status.js';
import { lastRound, sendBack } from './queue.js';

/**
 * `POST /v1/task/{id}/audit`: the customer's verdict on completed work. Accepted, it is recorded and the
 * callback fires again; rejected, the task goes back to pending and its annotators rework it.
 */
export async function auditTask(store: Store, scope: Scope, id: string, accepted: boolean, comments: string | null | undefined): Promise<TaskRecord> {
  return store.transaction(scope, async (tx) => {
    const task = await getTask(tx, id);
    if (task.status !== 'completed') throw new InvalidRequest(`Task ${task.id} is ${task.status}; only completed tasks can be audited.`);
    const now = Date.now();
    const audit = {
      audited_by: 'customer',
      audited_at: iso(now),
      audit_time_secs: 0,
      audit_result: accepted ? ('accepted' as const) : ('rejected' as const),
      audit_source: 'customer',
      ...(comments ? { comments } : {}),
    };
    const extra = {
      ...task.extra,
      audits: [...(task.extra.audits ?? []), audit],
      ...(comments ? { customer_review_comments: [...(task.extra.customer_review_comments ?? []), comments] } : {}),
    };
    const status = accepted ? 'accepted' : 'rejected';
    await tx.tasks.update(task.id, { customerReviewStatus: status, extra, updatedAt: now });
    let audited: TaskRecord = { ...task, customerReviewStatus: status, extra, updatedAt: now };
    await tx.work.addEvent({ id: newId(now), account_id: scope.accountId, task_id: task.id, user_id: null, kind: `customer_${status}`, detail: comments ? JSON.stringify({ comments }) : null, at: now });
    if (accepted) {
      await oweTaskCallback(tx, audited, 'task.audited');
      return audited;
    }
    audited = await changeStatus(tx, audited, 'pending', { completedAt: null });
    await sendBack(tx, audited, await lastRound(tx, task.id));
    return audited;
  });
}
