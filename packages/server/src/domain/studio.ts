import type { ScopedStore } from '../store/index.js';
import type { BatchRecord } from '../store/batches.js';
import type { GroupRecord } from '../store/groups.js';
import { Conflict, invalidField, InvalidRequest, NotFound } from './errors.js';
import { newId } from './ids.js';
import { membersByEmail } from './teams.js';
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
        groups: await store.groups.namesForBatch(b.id),
      };
    }),
  );
}

/** Ranks batches in the given order (first is worked first) and re-queues their outstanding work. */
export async function setBatchPriorities(store: ScopedStore, names: string[]): Promise<void> {
  const now = Date.now();
  for (const [rank, name] of names.entries()) {
    const batch = await store.batches.findByName(name);
    if (!batch) throw invalidField(`batches.${rank}.name`, `no batch named "${name}" exists`);
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

export interface ProjectGroup {
  id: string;
  name: string;
  numWorkers: number;
  isSingleton: boolean;
  workers: { id: string; email: string }[];
}

export function presentGroup(g: GroupRecord): ProjectGroup {
  return { id: g.id, name: g.name, numWorkers: g.workers.length, isSingleton: false, workers: g.workers };
}

async function projectNamed(store: ScopedStore, name: string) {
  const project = await store.projects.findByName(name);
  if (!project) throw new NotFound(`Project "${name}" not found.`);
  return project;
}

export async function projectGroups(store: ScopedStore, projectName: string): Promise<GroupRecord[]> {
  return store.groups.ofProject((await projectNamed(store, projectName)).id);
}

/** A named set of the project's people. Its members are assigned to the project if they were not yet. */
export async function createProjectGroup(store: ScopedStore, projectName: string, name: string, emails: string[]): Promise<GroupRecord> {
  const project = await projectNamed(store, projectName);
  if (await store.groups.byName(project.id, name)) throw new Conflict(`A group named "${name}" already exists in project "${projectName}".`);
  const users = await membersByEmail(store, emails);
  const id = newId();
  await store.groups.insert({ id, projectId: project.id, name, createdAt: Date.now() });
  await store.groups.addMembers(id, users.map((u) => u.id));
  await store.people.assign(project.id, users.map((u) => u.id));
  return (await store.groups.byName(project.id, name))!;
}

export async function updateProjectGroup(store: ScopedStore, projectName: string, name: string, add: string[], remove: string[]): Promise<GroupRecord> {
  const project = await projectNamed(store, projectName);
  const group = await store.groups.byName(project.id, name);
  if (!group) throw new NotFound(`Group "${name}" not found in project "${projectName}".`);
  const adding = await membersByEmail(store, add);
  const removing = await membersByEmail(store, remove);
  await store.groups.addMembers(group.id, adding.map((u) => u.id));
  await store.people.assign(project.id, adding.map((u) => u.id));
  await store.groups.removeMembers(group.id, removing.map((u) => u.id));
  return (await store.groups.byName(project.id, name))!;
}

/** Gives a batch to groups of its project: its work is then offered to their members only (none: to everyone). */
export async function setBatchGroups(store: ScopedStore, batchName: string, groupNames: string[]): Promise<StudioBatch> {
  const batch = await store.batches.findByName(batchName);
  if (!batch) throw new NotFound(`Batch "${batchName}" not found.`);
  const groups = await store.groups.ofProject(batch.projectId);
  const ids = [...new Set(groupNames)].map((name, i) => {
    const group = groups.find((g) => g.name === name);
    if (!group) throw invalidField(`groups.${i}`, `no group named "${name}" in project "${batch.projectName}"`);
    return group.id;
  });
  await store.groups.setBatchGroups(batch.id, ids);
  const studio = (await studioBatches(store)).find((b) => b.id === batch.id);
  if (!studio) throw new InvalidRequest(`Batch "${batchName}" is completed; only batches being worked take groups.`);
  return studio;
}
