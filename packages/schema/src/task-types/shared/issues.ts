import type { z } from 'zod';
import type { ResponseIssue } from '../definition.js';

/** A path inside params or a response, kept as segments so it can prefix zod paths exactly. */
export type IssuePath = readonly (string | number)[];

/** One rule broken, found by a check shared between create-time (params) and completion (response). */
export interface Issue {
  path: IssuePath;
  message: string;
  /** A value that must be given is absent: project params may leave it for each task to supply. */
  missing?: boolean;
}

export function issue(path: IssuePath, message: string): Issue {
  return { path, message };
}

/** A required value is absent (e.g. neither `attachment` nor `attachments`). */
export function missing(path: IssuePath, message: string): Issue {
  return { path, message, missing: true };
}

/** Re-roots issues found in a nested value (e.g. one annotation) under its place in the parent. */
export function under(prefix: IssuePath, issues: readonly Issue[]): Issue[] {
  return issues.map((i) => ({ ...i, path: [...prefix, ...i.path] }));
}

/**
 * Whether a params issue only says something is missing, which project params may leave to the task.
 * Works with or without `reportInput` (without it zod keeps no `input`, only the message says so).
 */
export function isMissingValueIssue(i: z.core.$ZodIssue): boolean {
  if (i.code === 'invalid_type') return i.input === undefined && (/ received undefined$/.test(i.message) || 'input' in i);
  return i.code === 'custom' && (i.params as { missing?: unknown } | undefined)?.missing === true;
}

/** The shape the server turns into a 400: dotted path plus message. */
export function toResponseIssues(issues: readonly Issue[]): ResponseIssue[] {
  return issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
}

/** Reports issues from a shared check inside a zod `superRefine`, so describeIssues names the field. */
export function report(ctx: z.RefinementCtx, issues: readonly Issue[], prefix: IssuePath = []): void {
  for (const i of issues) {
    ctx.addIssue({ code: 'custom', path: [...prefix, ...i.path], message: i.message, ...(i.missing ? { params: { missing: true } } : {}) });
  }
}

/**
 * Zod issues from a nested parse, as our issues. Without `reportInput` zod cannot say a value was
 * missing except in its message, so that case is reworded to the "is required" used everywhere else.
 */
export function fromZodIssues(issues: readonly z.core.$ZodIssue[]): Issue[] {
  return issues.map((i) => ({
    path: i.path.map((s) => (typeof s === 'symbol' ? String(s) : s)),
    message: i.code === 'invalid_type' && / received undefined$/.test(i.message) ? 'is required' : i.message,
  }));
}

/** `a, b and c` style list for messages. */
export function listOf(values: Iterable<string>): string {
  const all = [...values];
  if (all.length === 0) return '(none)';
  return all.join(', ');
}

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
