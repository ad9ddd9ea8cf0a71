import { z } from 'zod';

/** Every v1 error body, exactly as Scale sends it. */
export const ErrorBody = z
  .object({
    status_code: z.number().int(),
    error: z.string(),
  })
  .meta({ id: 'Error' });
export type ErrorBody = z.infer<typeof ErrorBody>;

/** The statuses Tessera answers errors with, and what each means to a Scale client. */
export const errorStatus = {
  invalid: 400,
  unauthorized: 401,
  notEnabled: 402,
  forbidden: 403,
  notFound: 404,
  conflict: 409,
  tooLarge: 413,
  tooManyRequests: 429,
  internal: 500,
} as const;

function pathOf(path: readonly PropertyKey[], prefix: readonly PropertyKey[] = []): string {
  return [...prefix, ...path].map(String).join('.');
}

/**
 * Turns zod issues into one sentence that names the field, in the style of Scale's
 * `Parameter is invalid, reason: "attachments" is required`.
 */
export function describeIssues(issues: readonly z.core.$ZodIssue[], prefix: readonly PropertyKey[] = []): string {
  const parts = issues.slice(0, 5).map((issue) => describeIssue(issue, prefix));
  const more = issues.length > 5 ? ` (and ${issues.length - 5} more)` : '';
  return parts.join('; ') + more;
}

function describeIssue(issue: z.core.$ZodIssue, prefix: readonly PropertyKey[]): string {
  const field = pathOf(issue.path, prefix);
  if (issue.code === 'invalid_type' && issue.input === undefined) {
    return field ? `Parameter is invalid, reason: "${field}" is required` : 'Request body is required';
  }
  if (issue.code === 'unrecognized_keys') {
    const keys = issue.keys.map((k) => `"${pathOf([k], [...prefix, ...issue.path])}"`).join(', ');
    return `Parameter is invalid, reason: unknown parameter ${keys}`;
  }
  if (issue.code === 'invalid_union') {
    // Report the branch that got furthest: its first nested issue is usually the useful one.
    const nested = issue.errors.flat();
    const deepest = nested.sort((a, b) => b.path.length - a.path.length)[0];
    if (deepest) return describeIssue({ ...deepest, path: [...issue.path, ...deepest.path] }, prefix);
  }
  return field
    ? `Parameter is invalid, reason: "${field}" ${lowerFirst(issue.message)}`
    : `Parameter is invalid, reason: ${lowerFirst(issue.message)}`;
}

function lowerFirst(s: string): string {
  return s.length > 0 ? s[0]!.toLowerCase() + s.slice(1) : s;
}
