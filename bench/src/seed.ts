import { sql } from 'kysely';
import type { Store } from '@tessera/server';
import { newId } from '../../packages/server/dist/domain/ids.js';

/**
 * Ids for `count` seeded tasks, one per millisecond, ending a few seconds before now, oldest first.
 * Call before anything else in the process makes an id: newId never goes back in time, so once the
 * server has made one at `now` it would pin every later id to that millisecond. With `withWork`, also
 * a second id per task, for its work item (seedWorkItems), made in the same millisecond.
 */
export function pastIds(count: number, withWork = false): { ids: string[]; workIds?: string[] | undefined; firstMs: number } {
  const firstMs = Date.now() - count - 5_000;
  const ids = new Array<string>(count);
  const workIds = withWork ? new Array<string>(count) : undefined;
  for (let i = 0; i < count; i++) {
    ids[i] = newId(firstMs + i);
    if (workIds) workIds[i] = newId(firstMs + i);
  }
  return workIds ? { ids, workIds, firstMs } : { ids, firstMs };
}

export interface SeedTarget {
  store: Store;
  /** A task created over HTTP in the target project: every seeded row is a copy of it, so the columns are what createTask writes. */
  templateId: string;
  ids: string[];
  firstMs: number;
  onProgress(done: number): void;
}

/** Bound parameters an INSERT may carry: under SQLite's 32,766 (and PostgreSQL's 65,535). */
const PARAMS_PER_INSERT = 30_000;
/** SQLite commits (each an fsync, synchronous=FULL) every this many rows. */
const ROWS_PER_SQLITE_COMMIT = 25_000;
/** PostgreSQL: INSERTs in flight at once, so building the next one overlaps the server's work on this one. */
const POSTGRES_IN_FLIGHT = 2;

/**
 * Bulk-inserts copies of the template task with new ids and times, then moves the project's pending
 * count in task_counts by the same number, as createTask would have one task at a time.
 */
export async function seedTasks(target: SeedTarget): Promise<void> {
  const { store, ids, firstMs } = target;
  const db = store.db;
  const template = await db.selectFrom('tasks').selectAll().where('id', '=', target.templateId).executeTakeFirstOrThrow();
  if (template.autocomplete_at !== null) throw new Error('the template task would complete by itself: seeding copies of it would flood the worker');
  // About 1,000 rows an INSERT with today's 25 columns; fewer if the table grows.
  const ROWS_PER_INSERT = Math.floor(PARAMS_PER_INSERT / Object.keys(template).length);

  const rowsFor = (from: number) => {
    const end = Math.min(from + ROWS_PER_INSERT, ids.length);
    const rows = new Array<typeof template>(end - from);
    for (let i = from; i < end; i++) {
      const ms = firstMs + i;
      rows[i - from] = { ...template, id: ids[i]!, created_at: ms, updated_at: ms };
    }
    return rows;
  };

  let done = 0;
  if (store.dialect === 'sqlite') {
    // better-sqlite3 is synchronous: one statement at a time, a commit every few.
    const perCommit = Math.ceil(ROWS_PER_SQLITE_COMMIT / ROWS_PER_INSERT) * ROWS_PER_INSERT;
    for (let from = 0; from < ids.length; from += perCommit) {
      await db.transaction().execute(async (trx) => {
        for (let at = from; at < Math.min(from + perCommit, ids.length); at += ROWS_PER_INSERT) {
          const rows = rowsFor(at);
          await trx.insertInto('tasks').values(rows).execute();
          done += rows.length;
        }
      });
      target.onProgress(done);
    }
  } else {
    let next = 0;
    const lane = async () => {
      while (next < ids.length) {
        const rows = rowsFor(next);
        next += rows.length;
        await db.insertInto('tasks').values(rows).execute();
        done += rows.length;
        target.onProgress(done);
      }
    };
    await Promise.all(Array.from({ length: POSTGRES_IN_FLIGHT }, lane));
  }

  const moved = await db
    .updateTable('task_counts')
    .set((eb) => ({ n: eb('n', '+', ids.length) }))
    .where('account_id', '=', template.account_id)
    .where('env', '=', template.env)
    .where('project_id', '=', template.project_id ?? '')
    .where('batch_id', '=', template.batch_id ?? '')
    .where('status', '=', template.status)
    .executeTakeFirst();
  if (Number(moved.numUpdatedRows) !== 1) throw new Error('no task_counts row for the template task to add the seeded tasks to');

  // A real server with a million rows has been through autovacuum's ANALYZE; without it the planner
  // would guess from an empty table until autovacuum happened to run mid-measurement. SQLite keeps
  // no statistics unless ANALYZE is run, and the server never runs it, so it is left as is.
  if (store.dialect === 'postgres') await sql`ANALYZE tasks`.execute(db);
}

export interface WorkSeedTarget {
  store: Store;
  /** The template task, whose own work item (written by createTask's enqueueTask) every seeded one copies. */
  templateId: string;
  /** The seeded tasks, oldest first, and an id for each one's work item. */
  taskIds: string[];
  workIds: string[];
  firstMs: number;
}

/**
 * Puts each seeded task in the queue as enqueueTask would have: a copy of the template task's single
 * open label slot, pointing at the seeded task, with its own id and time (so the queue order, rank
 * then id, is the seeding order). Batched INSERTs as in seedTasks; one transaction on SQLite.
 */
export async function seedWorkItems(target: WorkSeedTarget): Promise<void> {
  const { store, taskIds, workIds, firstMs } = target;
  const db = store.db;
  const templates = await db.selectFrom('work_items').selectAll().where('task_id', '=', target.templateId).execute();
  if (templates.length !== 1 || templates[0]!.status !== 'open') {
    throw new Error(`the template task has ${templates.length} work items, expected one open label slot`);
  }
  const template = templates[0]!;
  const ROWS_PER_INSERT = Math.floor(PARAMS_PER_INSERT / Object.keys(template).length);
  const insertAll = async (trx: typeof db) => {
    for (let from = 0; from < taskIds.length; from += ROWS_PER_INSERT) {
      const end = Math.min(from + ROWS_PER_INSERT, taskIds.length);
      const rows = new Array<typeof template>(end - from);
      for (let i = from; i < end; i++) {
        const ms = firstMs + i;
        rows[i - from] = { ...template, id: workIds[i]!, task_id: taskIds[i]!, created_at: ms, updated_at: ms };
      }
      await trx.insertInto('work_items').values(rows).execute();
    }
  };
  if (store.dialect === 'sqlite') await db.transaction().execute(insertAll);
  else await insertAll(db);
  if (store.dialect === 'postgres') await sql`ANALYZE work_items`.execute(db);
}
