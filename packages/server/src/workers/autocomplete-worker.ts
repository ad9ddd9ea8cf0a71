import type { FastifyBaseLogger } from 'fastify';
import { getTaskType } from '@tessera/schema';
import { changeStatus, TaskChangedConcurrently } from '../domain/tasks/status.js';
import type { Store } from '../store/index.js';
import { TaskStore } from '../store/tasks.js';
import { BackgroundLoop } from './loop.js';

/**
 * Test mode for integrators: completes test-key tasks that were marked to complete by themselves, with
 * their hypothesis as the response when there is one and the type's empty response otherwise.
 */
export class AutocompleteWorker {
  private readonly loop: BackgroundLoop;

  constructor(
    private readonly store: Store,
    pollMs: number,
    log?: FastifyBaseLogger,
  ) {
    this.loop = new BackgroundLoop(async () => (await this.completeDue()) > 0, pollMs, (error) => log?.error({ err: error }, 'autocomplete worker failed'));
  }

  start(): void {
    this.loop.start();
  }

  stop(): Promise<void> {
    return this.loop.stop();
  }

  /** Completes one round of due tasks; returns how many. */
  async completeDue(limit = 100): Promise<number> {
    const due = await TaskStore.dueAutocompletes(this.store.db, Date.now(), limit);
    let completed = 0;
    for (const { id, account_id, env } of due) {
      try {
        await this.store.transaction({ accountId: account_id, env }, async (tx) => {
          const task = await tx.tasks.findById(id);
          if (!task || task.status !== 'pending') return;
          const def = getTaskType(task.type);
          const response = task.params.hypothesis ?? def?.emptyResponse(task.params) ?? {};
          await changeStatus(tx, task, 'completed', { response, completedAt: Date.now(), autocompleteAt: null });
        });
        completed += 1;
      } catch (error) {
        // Another process completed or canceled it first: nothing left to do.
        if (!(error instanceof TaskChangedConcurrently)) throw error;
      }
    }
    return completed;
  }
}
