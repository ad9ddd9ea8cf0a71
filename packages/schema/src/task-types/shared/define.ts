import { z } from 'zod';
import type { TaskTypeDefinition } from '../definition.js';
import { fromZodIssues, report, toResponseIssues, type Issue } from './issues.js';

export interface TaskTypeSpec<P extends z.ZodType, R extends z.ZodType> {
  type: string;
  params: P;
  response: R;
  /** Response rules given the params; paths relative to the response. */
  check?: (params: z.output<P>, response: z.output<R>) => Issue[];
  empty: (params: z.output<P>) => z.output<R>;
  requiredFields?: readonly string[];
}

/**
 * Builds a TaskTypeDefinition from a spec whose checks return path segments. When the params carry a
 * `hypothesis` (pre-labels in the response's own shape), the same response rules run on it at create
 * time, so a hypothesis the task would refuse as an answer is a 400 naming `hypothesis.annotations.N…`.
 */
export function defineTaskType<P extends z.ZodType, R extends z.ZodType>(spec: TaskTypeSpec<P, R>): TaskTypeDefinition<P, R> {
  const check = spec.check ?? (() => []);
  const params = spec.params.superRefine((p, ctx) => {
    const hypothesis = (p as { hypothesis?: unknown }).hypothesis;
    if (hypothesis === undefined) return;
    // Parsed again because a type may keep `hypothesis` as an unknown extra param; cheap and never wrong.
    const parsed = spec.response.safeParse(hypothesis);
    if (!parsed.success) {
      report(ctx, fromZodIssues(parsed.error.issues), ['hypothesis']);
      return;
    }
    report(ctx, check(p as z.output<P>, parsed.data), ['hypothesis']);
  }) as unknown as P;
  return {
    type: spec.type,
    params,
    response: spec.response,
    checkResponse: (p, r) => toResponseIssues(check(p, r)),
    emptyResponse: spec.empty,
    ...(spec.requiredFields ? { requiredFields: spec.requiredFields } : {}),
  };
}

/** Forgets a definition's precise types so it can sit in the registry beside the others. */
export function erase<P extends z.ZodType, R extends z.ZodType>(def: TaskTypeDefinition<P, R>): TaskTypeDefinition {
  return def as unknown as TaskTypeDefinition;
}

/** A type Tessera accepts but does not yet understand: any params object in, any response object out. */
export function openType(type: string): TaskTypeDefinition {
  return {
    type,
    params: z.looseObject({}),
    response: z.looseObject({}),
    checkResponse: () => [],
    emptyResponse: () => ({}),
  };
}
