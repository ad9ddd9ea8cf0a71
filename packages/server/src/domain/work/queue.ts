import { randomBytes } from 'node:crypto';
import type { WorkStage } from '@tessera/schema';
import type { ScopedStore, Store } from '../../store/index.js';
import type { UserRecord } from '../../store/people.js';
import type { TaskRecord } from '../../store/tasks.js';
import type { SubmissionRow, WorkItemRow } from '../../store/work.js';
import { checkAnswer } from '../answers.js';
import { ApiError, Forbidden, invalidField, InvalidRequest, NotFound } from '../errors.js';
import { newId } from '../ids.js';
import { projectInAccount } from '../projects.js';
import { changeStatus } from '../tasks/status.js';
import { mergeAnswers } from './consensus.js';
import { goldScore, isBelowThreshold, updateQuality } from './gold.js';
import { addWork } from './items.js';
import { REWORK_HOLD_MS, reviewLevels, sampledForReview, workflowOf } from './workflow.js';

/** A lease that ended (expired and retaken, skipped, or its task canceled) cannot be used again. */
export class LeaseLost extends ApiError {
  constructor() {
    super(409, 'This lease has ended (it expired, was skipped, or its task was canceled). Ask for the next task.');
  }
}

export interface LeaseView {
  item: WorkItemRow;
  task: TaskRecord;
  project: { id: string; name: string; type: string };
  previous: { user: Pick<UserRecord, 'id' | 'email' | 'name'>; response: unknown; comments: string | null }[];
  reworkComments: string[];
}

function accountStore(store: Store, user: UserRecord): ScopedStore {
  return store.account(user.accountId);
}

function stagesFor(user: UserRecord, asked: WorkStage | undefined): WorkStage[] {
  const may: WorkStage[] = [];
  const any = user.roles.includes('admin') || user.roles.includes('manager');
  if (any || user.roles.includes('annotator')) may.push('label');
  if (any || user.roles.includes('reviewer')) may.push('review');
  if (asked === undefined) return may;
  if (!may.includes(asked)) throw new Forbidden(`Your roles do not include ${asked === 'label' ? 'annotator' : 'reviewer'} work.`);
  return [asked];
}

async function event(tx: ScopedStore, taskId: string, userId: string | null, kind: string, detail?: object): Promise<void> {
  await tx.work.addEvent({ id: newId(), account_id: tx.scope.accountId, task_id: taskId, user_id: userId, kind, detail: detail ? JSON.stringify(detail) : null, at: Date.now() });
}

/**
 * The next task for this person, leased to them alone: batch priority first, then age; only projects
 * they are assigned to and not blocked from; never two slots of one task; never their own work to review.
 */
export async function nextWork(store: Store, user: UserRecord, asked: { project_id?: string | undefined; stage?: WorkStage | undefined }): Promise<LeaseView | undefined> {
  const stages = stagesFor(user, asked.stage);
  const base = accountStore(store, user);
  const blocked = new Set(await base.work.blockedProjects(user.id));
  let projects = (await base.people.assignedProjectIds(user.id)).filter((p) => !blocked.has(p));
  if (asked.project_id !== undefined) {
    if (!projects.includes(asked.project_id)) throw new Forbidden('You are not assigned to that project, or your gold score paused it for you.');
    projects = [asked.project_id];
  }
  if (projects.length === 0) return undefined;
  const item = await store.transaction(base.scope, async (tx) => {
    const now = Date.now();
    for (const expired of await tx.work.reopenExpired(now)) await event(tx, expired.task_id, expired.leased_by, 'expired');
    const leaseMs = await leaseLength(tx, projects);
    for (const stage of stages) {
      const claimed = await tx.work.claim({ userId: user.id, projectIds: projects, stage, now, leaseId: randomBytes(16).toString('hex'), leaseMs });
      if (claimed) {
        await event(tx, claimed.task_id, user.id, 'leased', { stage, level: claimed.level, round: claimed.round });
        return claimed;
      }
    }
    return undefined;
  });
  return item && leaseView(store, user, item);
}

/** The longest lease among the projects (leases are per project; this keeps one claim query). */
async function leaseLength(tx: ScopedStore, projectIds: string[]): Promise<number> {
  let minutes = 0;
  for (const id of projectIds.slice(0, 50)) {
    const found = await projectInAccount(tx, id);
    minutes = Math.max(minutes, workflowOf(found?.project.params).lease_minutes);
  }
  return (minutes || 30) * 60_000;
}

async function projectOf(tx: ScopedStore, projectId: string) {
  const project = await tx.projects.findById(projectId);
  if (!project) throw new NotFound('Project not found.');
  return project;
}

async function leaseView(store: Store, user: UserRecord, item: WorkItemRow): Promise<LeaseView> {
  const tx = accountStore(store, user).inEnv(item.env);
  const task = await tx.tasks.findById(item.task_id);
  if (!task) throw new NotFound('Task with that ID not found.');
  const project = await projectOf(tx, item.project_id);
  const submissions = item.stage === 'review' || item.round > 0 ? await tx.work.submissionsOf(task.id) : [];
  // Only reviews and rework show earlier answers, and only they need to say whose.
  const people = submissions.length > 0 ? new Map((await tx.people.list()).map((p) => [p.id, p])) : new Map<string, UserRecord>();
  const who = (id: string) => {
    const p = people.get(id);
    return { id, email: p?.email ?? '', name: p?.name ?? null };
  };
  let previous: LeaseView['previous'] = [];
  const reworkComments: string[] = [];
  if (item.stage === 'review') {
    // The answers under review: every annotator's, so a reviewer sees where consensus disagreed.
    previous = submissions
      .filter((s) => s.stage === 'label' && s.round === item.round)
      .map((s) => ({ user: who(s.user_id), response: parse(s.response), comments: null }));
  } else if (item.round > 0) {
    const returned = submissions.filter((s) => s.round === item.round - 1);
    for (const s of returned) if (s.stage === 'review' && s.comments) reworkComments.push(s.comments);
    previous = returned
      .filter((s) => s.stage === 'label' && (item.preferred_user_id === null || s.user_id === item.preferred_user_id))
      .map((s) => ({ user: who(s.user_id), response: parse(s.response), comments: null }));
    for (const c of task.extra.customer_review_comments ?? []) reworkComments.push(c);
  }
  if (item.is_gold === 1) previous = []; // gold stays unmarked: nothing hints at an expected answer
  return { item, task, project: { id: project.id, name: project.name, type: project.type }, previous, reworkComments };
}

function parse(text: string | null): unknown {
  return text === null ? null : JSON.parse(text);
}

/** The item behind a lease this person holds, in the env of its task. */
async function heldLease(tx: ScopedStore, user: UserRecord, leaseId: string): Promise<{ tx: ScopedStore; item: WorkItemRow }> {
  const item = await tx.work.byLease(leaseId);
  if (!item || item.leased_by !== user.id) throw new LeaseLost();
  return { tx: tx.inEnv(item.env), item };
}

export async function heartbeat(store: Store, user: UserRecord, leaseId: string): Promise<LeaseView> {
  const base = accountStore(store, user);
  const item = await base.work.byLease(leaseId);
  if (!item || item.leased_by !== user.id) throw new LeaseLost();
  const project = await base.inEnv(item.env).projects.findById(item.project_id);
  const now = Date.now();
  const until = now + workflowOf(project?.params).lease_minutes * 60_000;
  if (!(await base.work.extend(leaseId, user.id, until, now))) throw new LeaseLost();
  return leaseView(store, user, { ...item, lease_expires_at: until });
}

export async function skipWork(store: Store, user: UserRecord, leaseId: string, reason: string): Promise<void> {
  await store.transaction(accountStore(store, user).scope, async (base) => {
    const { tx, item } = await heldLease(base, user, leaseId);
    if (!(await tx.work.settle(leaseId, 'open', Date.now()))) throw new LeaseLost();
    await tx.work.skip(item.id, user.id);
    await event(tx, item.task_id, user.id, 'skipped', { reason });
  });
}

function submission(tx: ScopedStore, item: WorkItemRow, user: UserRecord, fields: Partial<SubmissionRow>): SubmissionRow {
  const now = Date.now();
  return {
    id: newId(now),
    account_id: tx.scope.accountId,
    project_id: item.project_id,
    task_id: item.task_id,
    work_item_id: item.id,
    user_id: user.id,
    stage: item.stage,
    level: item.level,
    round: item.round,
    decision: null,
    response: null,
    comments: null,
    gold_score: null,
    leased_at: item.leased_at ?? now,
    submitted_at: now,
    duration_ms: now - (item.leased_at ?? now),
    ...fields,
  };
}

async function pendingTask(tx: ScopedStore, taskId: string): Promise<TaskRecord> {
  const task = await tx.tasks.findById(taskId);
  if (!task || task.status !== 'pending') throw new LeaseLost();
  return task;
}

/** An annotator's answer. When the round's last slot is in, the task moves on: merge, review or completion. */
export async function submitWork(store: Store, user: UserRecord, leaseId: string, response: unknown): Promise<TaskRecord> {
  return store.transaction(accountStore(store, user).scope, async (base) => {
    const { tx, item } = await heldLease(base, user, leaseId);
    if (item.stage !== 'label') throw new InvalidRequest('This lease is a review: send a decision to /review.');
    const task = await pendingTask(tx, item.task_id);
    const answer = checkAnswer(task, response);
    const now = Date.now();
    if (!(await tx.work.settle(leaseId, 'done', now))) throw new LeaseLost();

    if (task.expectedResponse !== null) {
      const score = goldScore(task.expectedResponse, answer);
      await tx.work.insertSubmission(submission(tx, item, user, { response: JSON.stringify(answer), gold_score: score }));
      await scoreGold(tx, item.project_id, user.id, score);
      await tx.work.reopen(item.id, now); // the same gold slot waits for the next annotator
      await event(tx, task.id, user.id, 'submitted', { gold: true });
      return task;
    }

    await tx.work.insertSubmission(submission(tx, item, user, { response: JSON.stringify(answer) }));
    await event(tx, task.id, user.id, 'submitted', { round: item.round });
    const round = (await tx.work.itemsOfTask(task.id)).filter((w) => w.stage === 'label' && w.round === item.round);
    if (round.some((w) => w.status !== 'done')) return task;
    return advance(tx, task, item.round);
  });
}

async function scoreGold(tx: ScopedStore, projectId: string, userId: string, score: number): Promise<void> {
  const project = await tx.projects.findById(projectId);
  const workflow = workflowOf(project?.params);
  const current = await tx.work.quality(projectId, userId);
  const next = updateQuality({ goldAnswers: current?.gold_answers ?? 0, score: current?.score ?? 0 }, score);
  await tx.work.saveQuality({
    account_id: tx.scope.accountId,
    project_id: projectId,
    user_id: userId,
    gold_answers: next.goldAnswers,
    score: next.score,
    // Once paused, only a manager resumes them.
    blocked: current?.blocked === 1 || isBelowThreshold(next, workflow.gold_threshold, workflow.gold_min_answers) ? 1 : 0,
    updated_at: Date.now(),
  });
}

/** All of a round's answers are in: merge them, then review or complete. */
async function advance(tx: ScopedStore, task: TaskRecord, round: number): Promise<TaskRecord> {
  const project = await projectOf(tx, task.projectId!);
  const workflow = workflowOf(project.params);
  const answers = (await tx.work.submissionsOf(task.id)).filter((s) => s.stage === 'label' && s.round === round).map((s) => parse(s.response));
  const merged = mergeAnswers(answers, workflow.consensus_iou);
  const levels = reviewLevels(workflow, !merged.agreed);
  if (levels > 0 && (!merged.agreed || sampledForReview(workflow, task.id))) {
    await addWork(tx, task, [{ stage: 'review', level: 1, round, payload: merged.response }], Date.now());
    await event(tx, task.id, null, merged.agreed ? 'to_review' : 'disagreement', { round });
    return task;
  }
  return complete(tx, task, merged.response);
}

async function complete(tx: ScopedStore, task: TaskRecord, response: unknown): Promise<TaskRecord> {
  const now = Date.now();
  const done = await changeStatus(tx, task, 'completed', { response, completedAt: now });
  await event(tx, task.id, null, 'completed');
  return done;
}

export type ReviewDecision = 'accept' | 'fix' | 'reject';

/** A reviewer's decision: accept (or fix, with their edit) moves the task on; reject sends it back. */
export async function reviewWork(
  store: Store,
  user: UserRecord,
  leaseId: string,
  decision: ReviewDecision,
  response: unknown,
  comments: string | undefined,
): Promise<TaskRecord> {
  return store.transaction(accountStore(store, user).scope, async (base) => {
    const { tx, item } = await heldLease(base, user, leaseId);
    if (item.stage !== 'review') throw new InvalidRequest('This lease is for labelling: send the answer to /submit.');
    const task = await pendingTask(tx, item.task_id);
    if (decision === 'fix' && response === undefined) throw invalidField('response', 'is required to fix');
    const answer = decision === 'fix' ? checkAnswer(task, response) : parse(item.payload);
    const now = Date.now();
    if (!(await tx.work.settle(leaseId, 'done', now))) throw new LeaseLost();
    await tx.work.insertSubmission(
      submission(tx, item, user, { decision, comments: comments ?? null, response: decision === 'fix' ? JSON.stringify(answer) : null }),
    );
    await event(tx, task.id, user.id, decision === 'reject' ? 'returned' : 'reviewed', { decision, level: item.level, ...(comments ? { comments } : {}) });
    if (decision === 'reject') {
      await sendBack(tx, task, item.round);
      return task;
    }
    const project = await projectOf(tx, item.project_id);
    const answers = (await tx.work.submissionsOf(task.id)).filter((s) => s.stage === 'label' && s.round === item.round);
    const agreed = answers.length <= 1 || mergeAnswers(answers.map((s) => parse(s.response)), workflowOf(project.params).consensus_iou).agreed;
    const levels = reviewLevels(workflowOf(project.params), !agreed);
    if (item.level < levels) {
      await addWork(tx, task, [{ stage: 'review', level: item.level + 1, round: item.round, payload: answer }], now);
      return task;
    }
    return complete(tx, task, answer);
  });
}

/** Back to the queue for rework: a new round, offered first to the people who labelled the last one. */
export async function sendBack(tx: ScopedStore, task: TaskRecord, round: number): Promise<void> {
  const labellers = [...new Set((await tx.work.submissionsOf(task.id)).filter((s) => s.stage === 'label' && s.round === round).map((s) => s.user_id))];
  const now = Date.now();
  const slots = labellers.length > 0 ? labellers : [undefined];
  await addWork(
    tx,
    task,
    slots.map((userId, slot) => ({
      stage: 'label' as const,
      level: slot,
      round: round + 1,
      ...(userId ? { preferredUserId: userId, preferredUntil: now + REWORK_HOLD_MS } : {}),
    })),
    now,
  );
}

/** The latest round a task reached (for customer audits that send completed work back). */
export async function lastRound(tx: ScopedStore, taskId: string): Promise<number> {
  const items = await tx.work.itemsOfTask(taskId);
  return items.reduce((max, w) => Math.max(max, w.round), 0);
}

export interface Queue {
  project: { id: string; name: string; type: string; env: 'test' | 'live' };
  stage: WorkStage;
  /** Open work items: an upper bound on what this person may take (some may be another's rework). */
  available: number;
}

/** The projects with work for this person, per stage their roles allow. */
export async function queuesFor(store: Store, user: UserRecord): Promise<Queue[]> {
  const live = accountStore(store, user);
  const blocked = new Set(await live.work.blockedProjects(user.id));
  const projectIds = (await live.people.assignedProjectIds(user.id)).filter((p) => !blocked.has(p));
  const counts = await live.work.openCounts(projectIds);
  const stages = stagesFor(user, undefined);
  const queues: Queue[] = [];
  for (const projectId of projectIds) {
    const found = await projectInAccount(live, projectId);
    if (!found) continue;
    const { project, env } = found;
    for (const stage of stages) {
      const available = counts.find((c) => c.project_id === projectId && c.stage === stage)?.n ?? 0;
      queues.push({ project: { id: project.id, name: project.name, type: project.type, env }, stage, available });
    }
  }
  return queues;
}
