import type { ScopedStore } from '../store/index.js';
import type { BatchRecord } from '../store/batches.js';
import { InvalidRequest } from './errors.js';
import { UNRANKED } from './work/workflow.js';

export interface StudioBatch {
  id: string;
  name: string;
  projectId: string;
  projectName: string;
  batchType: string;
  studioPriority?: number;
  total: number;
  completed: number;
  groups: string[];
}

/** Batches still being worked, in the order their tasks are offered. */
export async function studioBatches(store: ScopedStore): Promise<StudioBatch[]> {
  const all: BatchRecord[] = [];
  for (const status of ['in_progress', 'staging'] as const) {
    let before: string | undefined;
    for (;;) {
      const page = await store.batches.list({ status, ...(before ? { beforeId: before } : {}) }, 500, 0);
      all.push(...page);
      if (page.length < 500) break;
      before = page[page.length - 1]!.id;
    }
  }
  all.sort((a, b) => (a.studioRank ?? UNRANKED) - (b.studioRank ?? UNRANKED) || a.createdAt - b.createdAt);
  return Promise.all(
    all.map(async (b) => {
      const counts = await store.counts.byStatus({ batchId: b.id });
      return {
        id: b.id,
        name: b.name,
        projectId: b.projectId,
        projectName: b.projectName,
        batchType: b.calibrationBatch ? 'calibration' : 'standard',
        ...(b.studioRank !== null ? { studioPriority: b.studioRank } : {}),
        total: counts.pending + counts.completed + counts.error + counts.canceled,
        completed: counts.completed,
        groups: [],
      };
    }),
  );
}

/** Ranks batches in the given order (first is worked first) and re-queues their outstanding work. */
export async function setBatchPriorities(store: ScopedStore, names: string[]): Promise<void> {
  const now = Date.now();
  for (const [rank, name] of names.entries()) {
    const batch = await store.batches.findByName(name);
    if (!batch) throw new InvalidRequest(`Parameter is invalid, reason: "batches.${rank}.name" no batch named "${name}" exists`);
    await store.batches.update(batch.id, { studioRank: rank, updatedAt: now });
    await store.work.rerankBatch(batch.id, rank);
  }
}

export async function resetBatchPriorities(store: ScopedStore): Promise<void> {
  const now = Date.now();
  for (const batch of await studioBatches(store)) {
    if (batch.studioPriority === undefined) continue;
    await store.batches.update(batch.id, { studioRank: null, updatedAt: now });
    await store.work.rerankBatch(batch.id, UNRANKED);
  }
}
