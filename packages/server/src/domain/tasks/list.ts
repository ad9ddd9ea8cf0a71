import type { TaskListQuery } from '@tessera/schema';
import type { ScopedStore } from '../../store/index.js';
import type { TaskFilter, TaskRecord } from '../../store/tasks.js';
import { NotFound } from '../errors.js';
import { idFloor } from '../ids.js';
import { decodeToken, encodeToken } from '../page-token.js';

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
