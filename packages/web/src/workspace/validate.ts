import { getTaskType } from '@tessera/schema';

export interface AnswerIssue {
  /** Index of the annotation the issue is about, when it is about one (to select it). */
  annotation?: number | undefined;
  message: string;
}

/**
 * The same checks the server makes on submit (the task type's own schema and rules), run before
 * sending: the annotator sees "object 3: label is required" at once and the shape is selected, instead of
 * a round trip and a path to decode.
 */
export function checkAnswer(task: { type: string; params: Record<string, unknown> }, response: unknown): AnswerIssue[] {
  const def = getTaskType(task.type);
  if (!def) return [];
  const params = def.params.safeParse(task.params);
  // Params the schema cannot read are the server's problem to report, not the annotator's.
  if (!params.success) return [];
  const parsed = def.response.safeParse(response);
  if (!parsed.success) return parsed.error.issues.map((i) => describe(i.path.map(String), i.message));
  return def.checkResponse(params.data, parsed.data).map((i) => describe(i.path.split('.'), i.message));
}

function describe(path: readonly string[], message: string): AnswerIssue {
  if (path[0] === 'annotations' && path[1] !== undefined && /^\d+$/.test(path[1])) {
    const index = Number(path[1]);
    const field = path.slice(2).join('.');
    return { annotation: index, message: `Object ${index + 1}: ${field ? `${field} ` : ''}${message}` };
  }
  return { message: `${path.join('.')}${path.length ? ' ' : ''}${message}` };
}
