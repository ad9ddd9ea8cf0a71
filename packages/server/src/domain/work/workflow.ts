import { createHash } from 'node:crypto';
import { describeIssues, Workflow } from '@tessera/schema';
import { InvalidRequest } from '../errors.js';

/** A project's workflow from its params, defaults filled. Params were checked when they were set. */
export function workflowOf(projectParams: Record<string, unknown> | undefined): Workflow {
  const parsed = Workflow.safeParse(projectParams?.workflow ?? {});
  return parsed.success ? parsed.data : Workflow.parse({});
}

/** Checks `params.workflow` when a project's params are set. */
export function checkWorkflow(value: unknown): void {
  if (value === undefined) return;
  const parsed = Workflow.safeParse(value, { reportInput: true });
  if (!parsed.success) throw new InvalidRequest(describeIssues(parsed.error.issues, ['params', 'workflow']));
}

/**
 * Whether a task is in the reviewed share. Decided by its id, so the choice is stable and the same on
 * every server process.
 */
export function sampledForReview(workflow: Workflow, taskId: string): boolean {
  if (workflow.review_levels === 0) return false;
  if (workflow.review_fraction >= 1) return true;
  const draw = createHash('sha256').update(taskId).digest().readUInt32BE(0) / 0x1_0000_0000;
  return draw < workflow.review_fraction;
}

/** Review levels a task goes through: disagreements get at least one even when the project has none. */
export function reviewLevels(workflow: Workflow, disagreement: boolean): number {
  return Math.max(workflow.review_levels, disagreement ? 1 : 0);
}

export const UNRANKED = 1_000_000;
/** Rework waits for its own annotator this long before anyone may take it. */
export const REWORK_HOLD_MS = 60 * 60 * 1000;
