import { describeIssues, isMissingValueIssue, type TaskTypeDefinition } from '@tessera/schema';
import { invalidField, InvalidRequest } from './errors.js';
import { checkWorkflow } from './work/workflow.js';

/**
 * Project params are defaults for a type's task params, so they are checked like task params
 * except that nothing is required yet: the task supplies the rest (its attachment, say).
 */
export function checkProjectParams(def: TaskTypeDefinition, params: Record<string, unknown>): Record<string, unknown> {
  const { instruction, workflow, ...rest } = params;
  checkWorkflow(workflow);
  if (instruction !== undefined && typeof instruction !== 'string') {
    throw invalidField('params.instruction', 'must be a string');
  }
  const result = def.params.safeParse(rest, { reportInput: true });
  if (!result.success) {
    // A missing field is the task's to supply; anything present must already be right.
    const wrong = result.error.issues.filter((issue) => !isMissingValueIssue(issue));
    if (wrong.length > 0) throw new InvalidRequest(describeIssues(wrong, ['params']));
  }
  return params;
}

/** A task's own params over its project's (task values win), checked and filled with the type's defaults. */
export function resolveTaskParams(
  def: TaskTypeDefinition,
  projectParams: Record<string, unknown>,
  taskParams: Record<string, unknown>,
): Record<string, unknown> {
  // The instruction becomes the task's own field, and the workflow stays the project's.
  const { instruction: _instruction, workflow: _workflow, ...inherited } = projectParams;
  const result = def.params.safeParse({ ...inherited, ...taskParams }, { reportInput: true });
  if (!result.success) throw new InvalidRequest(describeIssues(result.error.issues));
  return result.data as Record<string, unknown>;
}
