import {
  getTaskType,
  taskTypeNames,
  type CreateProjectBody,
  type ParamVersion,
  type SetProjectParamsBody,
  type TaskTypeDefinition,
} from '@tessera/schema';
import { isUniqueViolation, type Store } from '../store/index.js';
import type { ProjectRecord } from '../store/projects.js';
import { iso } from './clock.js';
import { Conflict, invalidField, NotFound } from './errors.js';
import { newId } from './ids.js';
import type { Scope } from './scope.js';
import { checkProjectParams } from './task-params.js';
import type { ScopedStore } from '../store/index.js';

export function requireTaskType(type: string, field = 'type'): TaskTypeDefinition {
  const def = getTaskType(type);
  if (!def) {
    throw invalidField(field, `"${type}" is not a supported task type. Supported types: ${taskTypeNames.join(', ')}`);
  }
  return def;
}

export async function createProject(store: Store, scope: Scope, body: CreateProjectBody): Promise<ProjectRecord> {
  const def = requireTaskType(body.type);
  const params = checkProjectParams(def, body.params ?? {});
  const now = Date.now();
  const project: ProjectRecord = {
    id: newId(now),
    name: body.name,
    type: def.type,
    params,
    paramHistory: [{ ...params, version: 0, created_at: iso(now) }],
    createdAt: now,
    updatedAt: now,
  };
  try {
    await store.scoped(scope).projects.insert(project);
  } catch (error) {
    if (isUniqueViolation(error)) throw new Conflict(`A project named "${body.name}" already exists.`);
    throw error;
  }
  return project;
}

export async function getProject(store: ScopedStore, name: string): Promise<ProjectRecord> {
  const project = await store.projects.findByName(name);
  if (!project) throw new NotFound(`Project "${name}" not found.`);
  return project;
}

export function listProjects(store: ScopedStore): Promise<ProjectRecord[]> {
  return store.projects.list();
}

/** Appends a version to param_history: `patch: true` merges onto the latest params, otherwise they replace them. */
export async function setProjectParams(
  store: Store,
  scope: Scope,
  name: string,
  body: SetProjectParamsBody,
): Promise<ProjectRecord> {
  return store.transaction(scope, async (tx) => {
    const project = await tx.projects.findByNameForUpdate(name);
    if (!project) throw new NotFound(`Project "${name}" not found.`);
    const { patch, ...given } = body;
    const params = checkProjectParams(requireTaskType(project.type), patch ? { ...project.params, ...given } : given);
    const now = Date.now();
    const last = project.paramHistory[project.paramHistory.length - 1];
    const version: ParamVersion = { ...params, version: (last?.version ?? -1) + 1, created_at: iso(now) };
    const updated = { ...project, params, paramHistory: [...project.paramHistory, version], updatedAt: now };
    await tx.projects.updateParams(updated);
    return updated;
  });
}

/** The params a new task inherits: the latest, a named version, or none (`-1`). */
export function inheritedParams(project: ProjectRecord, version: number | undefined): { params: Record<string, unknown>; version: number | null } {
  if (version === -1) return { params: {}, version: null };
  const entry =
    version === undefined
      ? project.paramHistory[project.paramHistory.length - 1]
      : project.paramHistory.find((v) => v.version === version);
  if (!entry) {
    throw invalidField('project_version', `${version} does not exist for project "${project.name}"`);
  }
  const { version: v, created_at: _createdAt, ...params } = entry;
  return { params, version: v };
}

/** A project of the account by id, whichever environment it lives in (people work across both). */
export async function projectInAccount(store: ScopedStore, id: string): Promise<{ project: ProjectRecord; env: Scope['env'] } | undefined> {
  for (const env of ['live', 'test'] as const) {
    const project = await store.inEnv(env).projects.findById(id);
    if (project) return { project, env };
  }
  return undefined;
}
