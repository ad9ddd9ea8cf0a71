import type { ScopedStore } from '../../store/index.js';
import type { WorkItemRow } from '../../store/work.js';
import type { TaskRecord } from '../../store/tasks.js';
import type { WorkStage } from '../../store/tables.js';
import { newId } from '../ids.js';
import { UNRANKED, workflowOf } from './workflow.js';

export interface NewItem {
  stage: WorkStage;
  level: number;
  round: number;
  payload?: unknown;
  preferredUserId?: string;
  preferredUntil?: number;
}

/** Puts work for a task in the queue, at its batch's rank. */
export async function addWork(tx: ScopedStore, task: TaskRecord, items: NewItem[], now: number): Promise<void> {
  if (task.projectId === null || items.length === 0) return;
  const batch = task.batchId === null ? undefined : await tx.batches.findById(task.batchId);
  const rank = batch?.studioRank ?? UNRANKED;
  const rows: WorkItemRow[] = items.map((item) => ({
    id: newId(now),
    account_id: tx.scope.accountId,
    env: tx.scope.env,
    task_id: task.id,
    project_id: task.projectId!,
    batch_id: task.batchId,
    stage: item.stage,
    level: item.level,
    round: item.round,
    status: 'open',
    rank,
    is_gold: task.expectedResponse !== null ? 1 : 0,
    preferred_user_id: item.preferredUserId ?? null,
    preferred_until: item.preferredUntil ?? null,
    payload: item.payload === undefined ? null : JSON.stringify(item.payload),
    lease_id: null,
    leased_by: null,
    leased_at: null,
    lease_expires_at: null,
    created_at: now,
    updated_at: now,
  }));
  await tx.work.insertItems(rows);
}

/**
 * A task enters the queue: one label slot per annotator the workflow asks for. Tasks with no project
 * (nobody is assigned to them) and test tasks that complete by themselves stay out.
 */
export async function enqueueTask(tx: ScopedStore, task: TaskRecord, now: number): Promise<void> {
  if (task.projectId === null || task.autocompleteAt !== null || task.status !== 'pending') return;
  const project = await tx.projects.findById(task.projectId);
  // A gold task is answered once by each annotator who meets it, through one reusable slot.
  const slots = task.expectedResponse !== null ? 1 : workflowOf(project?.params).annotators;
  await addWork(tx, task, Array.from({ length: slots }, (_, slot) => ({ stage: 'label' as const, level: slot, round: 0 })), now);
}
