import { describeIssues, getTaskType } from '@tessera/schema';
import { InvalidRequest } from './errors.js';

/**
 * Checks an answer against its task's type and the task's own params (labels, geometries, min sizes,
 * attribute rules). Returns the parsed answer; a 400 names the annotation and the rule.
 */
export function checkAnswer(task: { type: string; params: Record<string, unknown> }, response: unknown, field = 'response'): unknown {
  const def = getTaskType(task.type);
  if (!def) return response;
  const parsed = def.response.safeParse(response, { reportInput: true });
  if (!parsed.success) throw new InvalidRequest(describeIssues(parsed.error.issues, [field]));
  const issues = def.checkResponse(task.params, parsed.data);
  if (issues.length > 0) {
    throw new InvalidRequest(issues.slice(0, 5).map((i) => `Parameter is invalid, reason: "${field}.${i.path}" ${i.message}`).join('; '));
  }
  return parsed.data;
}
