import { createHash } from 'node:crypto';
import { describeIssues, TaskCommonFields, taskCommonFieldNames } from '@tessera/schema';
import type { BatchRecord } from '../../store/batches.js';
import { isUniqueViolation, type ScopedStore, type Store } from '../../store/index.js';
import type { NewTask, TaskRecord } from '../../store/tasks.js';
import { checkAnswer } from '../answers.js';
import { callbackSettings } from '../callbacks.js';
import { invalidField, InvalidRequest } from '../errors.js';
import { newId } from '../ids.js';
import { isPlainObject } from '../objects.js';
import { inheritedParams, requireTaskType } from '../projects.js';
import type { Scope } from '../scope.js';
import { resolveTaskParams } from '../task-params.js';
import { enqueueTask } from '../work/items.js';
import { getTask } from './status.js';
import { uniqueIdRace, uniqueIdTaken } from './unique-id.js';

const commonFields = new Set<string>(taskCommonFieldNames);

export interface CreateOptions {
  /** A gold (evaluation) task, and the answer annotators are scored against. */
  gold?: { expectedResponse: unknown };
  /** The request's `Idempotency-Key`: a retry with the same key and body gets the first try's task. */
  idempotencyKey?: string | undefined;
}

/** `POST /v1/task/{type}`: the common fields at the top level, the type's params beside them. */
export async function createTask(store: Store, scope: Scope, type: string, body: unknown, options: CreateOptions = {}): Promise<TaskRecord> {
  const { gold, idempotencyKey } = options;
  if (idempotencyKey === undefined) return createNewTask(store, scope, type, body, gold);
  const requestHash = createHash('sha256').update(JSON.stringify([type, body])).digest('hex');
  const replay = async (tx: ScopedStore) => {
    const seen = await tx.tasks.idempotencyKey(idempotencyKey);
    if (!seen) return undefined;
    if (seen.request_hash !== requestHash) {
      throw invalidField('Idempotency-Key', 'was already used with different parameters');
    }
    return getTask(tx, seen.task_id);
  };
  try {
    return await createNewTask(store, scope, type, body, gold, { key: idempotencyKey, requestHash, replay });
  } catch (error) {
    // Two tries with one key raced: the first committed its task, the second finds it.
    const earlier = isUniqueViolation(error) ? await replay(store.scoped(scope)) : undefined;
    if (earlier) return earlier;
    throw error;
  }
}

interface Idempotency {
  key: string;
  requestHash: string;
  replay(tx: ScopedStore): Promise<TaskRecord | undefined>;
}

async function createNewTask(
  store: Store,
  scope: Scope,
  type: string,
  body: unknown,
  gold?: { expectedResponse: unknown },
  idempotency?: Idempotency,
): Promise<TaskRecord> {
  const def = requireTaskType(type);
  if (!isPlainObject(body)) throw new InvalidRequest('Request body must be a JSON object of task parameters');
  const common: Record<string, unknown> = {};
  const own: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(body)) {
    // JSON null means "not given" for the common fields, as the Python client sends None.
    if (commonFields.has(key)) {
      if (value !== null) common[key] = value;
    } else own[key] = value;
  }
  const parsed = TaskCommonFields.safeParse(common, { reportInput: true });
  if (!parsed.success) throw new InvalidRequest(describeIssues(parsed.error.issues));
  const fields = parsed.data;

  return store.transaction(scope, async (tx) => {
    const earlier = await idempotency?.replay(tx);
    if (earlier) return earlier;
    let batch: BatchRecord | undefined;
    if (fields.batch !== undefined) {
      batch = await tx.batches.findByName(fields.batch);
      if (!batch) throw invalidField('batch', `no batch named "${fields.batch}" exists`);
      if (batch.status === 'completed') {
        throw invalidField('batch', `batch "${batch.name}" is completed and takes no new tasks`);
      }
      if (fields.project !== undefined && fields.project !== batch.projectName) {
        throw invalidField('batch', `batch "${batch.name}" belongs to project "${batch.projectName}", not "${fields.project}"`);
      }
    }
    const projectName = fields.project ?? batch?.projectName;
    const project = projectName === undefined ? undefined : await tx.projects.findByName(projectName);
    if (projectName !== undefined && !project) {
      throw invalidField('project', `no project named "${projectName}" exists`);
    }
    if (project && project.type !== def.type) {
      throw invalidField('project', `project "${project.name}" is for ${project.type} tasks, not ${def.type}`);
    }
    const inherited = project ? inheritedParams(project, fields.project_version) : { params: {}, version: null };
    const params = resolveTaskParams(def, inherited.params, own);
    // A gold task's expected answer must itself be a valid answer to it.
    const expectedResponse = gold ? checkAnswer({ type: def.type, params }, gold.expectedResponse, 'expected_response') : null;
    const projectInstruction = typeof inherited.params.instruction === 'string' ? inherited.params.instruction : undefined;
    const instruction = fields.instruction ?? projectInstruction;
    // Some types need a common field (categorization: an instruction), from the task or its project.
    for (const field of def.requiredFields ?? []) {
      const given = field === 'instruction' ? instruction : (fields as Record<string, unknown>)[field];
      if (given === undefined) throw invalidField(field, 'is required');
    }

    if (fields.unique_id !== undefined) {
      const existing = await tx.tasks.findByUniqueId(fields.unique_id);
      if (existing) throw uniqueIdTaken(fields.unique_id, existing.id);
    }
    const now = Date.now();
    const task: NewTask = {
      id: newId(now),
      type: def.type,
      status: 'pending',
      projectId: project?.id ?? null,
      batchId: batch?.id ?? null,
      uniqueId: fields.unique_id ?? null,
      instruction: instruction ?? null,
      callbackUrl: fields.callback_url ?? null,
      params,
      response: null,
      metadata: fields.metadata ?? {},
      tags: fields.tags ? [...new Set(fields.tags)] : null,
      priority: fields.priority ?? null,
      urgency: fields.urgency ?? 'standard',
      isTest: scope.env === 'test',
      callbackSucceeded: null,
      customerReviewStatus: null,
      extra: {},
      projectParamVersion: inherited.version,
      autocompleteAt: !gold && (await completesByItself(tx, scope, batch)) ? now : null,
      expectedResponse,
      createdAt: now,
      updatedAt: now,
      completedAt: null,
    };
    // Two creates with one unique_id may race past the lookup: the index decides (see uniqueIdRace).
    await tx.tasks.insert(task);
    await tx.counts.add(task, 'pending', 1);
    if (idempotency) await tx.tasks.rememberIdempotencyKey(idempotency.key, idempotency.requestHash, task.id, now);
    const created = { ...task, projectName: project?.name ?? null, batchName: batch?.name ?? null };
    // A staging batch holds its tasks back until it is finalized.
    if (batch?.status !== 'staging') await enqueueTask(tx, created, now);
    return created;
  }).catch((error: unknown) => uniqueIdRace(store, scope, fields.unique_id, error));
}

/**
 * Test mode for integrators: with the account's setting or the batch's flag, test-key tasks complete
 * by themselves (the autocomplete worker picks them up). Live tasks never do.
 */
async function completesByItself(tx: ScopedStore, scope: Scope, batch: BatchRecord | undefined): Promise<boolean> {
  if (scope.env !== 'test') return false;
  if (batch?.testAutocomplete) return true;
  return (await callbackSettings(tx)).test_autocomplete === 1;
}
