import { setImmediate as nextTurn } from 'node:timers/promises';
import { sql, type Transaction } from 'kysely';
import type { Db } from './database.js';
import type { Tables } from './tables.js';

interface Job {
  work: (trx: Transaction<Tables>) => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/** Most transactions one commit carries; bounds how long the first in a group waits for the last. */
const MAX_GROUP = 128;

/**
 * Group commit for SQLite. Concurrent transactions run one after another inside a single database
 * transaction, each under its own savepoint, and share one COMMIT, so one disk sync acknowledges many
 * requests. Each caller hears back only after that COMMIT: a 200 still means committed. A transaction
 * that fails rolls back to its savepoint and fails alone.
 */
export class GroupCommitter {
  private readonly queue: Job[] = [];
  private draining = false;

  constructor(private readonly db: Db) {}

  run<T>(work: (trx: Transaction<Tables>) => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ work, resolve: resolve as (v: unknown) => void, reject });
      if (!this.draining) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.draining = true;
    try {
      while (this.queue.length > 0) {
        // Let requests that arrived during the last commit join this one.
        await nextTurn();
        const group = this.queue.splice(0, MAX_GROUP);
        await this.commit(group);
      }
    } finally {
      this.draining = false;
    }
  }

  private async commit(group: Job[]): Promise<void> {
    const outcomes: ({ ok: true; value: unknown } | { ok: false; error: unknown })[] = [];
    try {
      await this.db.transaction().execute(async (trx) => {
        for (const job of group) {
          await sql`savepoint grouped`.execute(trx);
          try {
            const value = await job.work(trx);
            await sql`release savepoint grouped`.execute(trx);
            outcomes.push({ ok: true, value });
          } catch (error) {
            await sql`rollback to savepoint grouped`.execute(trx);
            await sql`release savepoint grouped`.execute(trx);
            outcomes.push({ ok: false, error });
          }
        }
      });
    } catch (error) {
      // The COMMIT itself failed: nothing of the group is durable.
      for (const job of group) job.reject(error);
      return;
    }
    group.forEach((job, i) => {
      const outcome = outcomes[i]!;
      if (outcome.ok) job.resolve(outcome.value);
      else job.reject(outcome.error);
    });
  }
}
