import { describe, expect, it } from 'vitest';
import { describeIssues } from '../../src/errors.js';
import { getTaskType, type TaskTypeDefinition } from '../../src/index.js';

/**
 * Table-driven checks for one task type, run the way the server runs them: params parsed on create
 * (the 400 message is describeIssues), responses parsed then checked against the stored params.
 */
export function definition(type: string): TaskTypeDefinition {
  const def = getTaskType(type);
  if (!def) throw new Error(`no task type ${type}`);
  return def;
}

// reportInput lets describeIssues tell a missing field from a wrong type (zod 4 drops `input` otherwise).
const parseOptions = { reportInput: true } as const;

/** The stored params, or throws with the 400 message. */
export function parseParams(type: string, params: unknown): Record<string, unknown> {
  const result = definition(type).params.safeParse(params, parseOptions);
  if (!result.success) throw new Error(describeIssues(result.error.issues));
  return result.data as Record<string, unknown>;
}

/** The 400 message for these params, or '' when they are accepted. */
export function paramsError(type: string, params: unknown): string {
  const result = definition(type).params.safeParse(params, parseOptions);
  return result.success ? '' : describeIssues(result.error.issues);
}

/** Every problem with a response given (unparsed) params, as `path: message` lines; '' when valid. */
export function responseError(type: string, params: unknown, response: unknown): string {
  const def = definition(type);
  const stored = parseParams(type, params);
  const parsed = def.response.safeParse(response, parseOptions);
  if (!parsed.success) return describeIssues(parsed.error.issues);
  return def
    .checkResponse(stored, parsed.data)
    .map((i) => `${i.path}: ${i.message}`)
    .join('\n');
}

export type InvalidCase = [name: string, input: unknown, ...expected: string[]];

/** Valid params are accepted; each invalid one is refused with a message containing every expected part. */
export function paramsTable(type: string, valid: Record<string, unknown>, invalid: InvalidCase[]): void {
  describe(`${type} params`, () => {
    it.each(Object.entries(valid))('accepts %s', (_name, params) => {
      expect(paramsError(type, params)).toBe('');
    });
    it.each(invalid)('refuses %s', (_name, params, ...expected) => {
      const message = paramsError(type, params);
      expect(message).not.toBe('');
      for (const part of expected) expect(message).toContain(part);
    });
  });
}

/** Same for responses, against one set of task params. */
export function responseTable(type: string, params: unknown, valid: Record<string, unknown>, invalid: InvalidCase[]): void {
  describe(`${type} response`, () => {
    it.each(Object.entries(valid))('accepts %s', (_name, response) => {
      expect(responseError(type, params, response)).toBe('');
    });
    it.each(invalid)('refuses %s', (_name, response, ...expected) => {
      const message = responseError(type, params, response);
      expect(message).not.toBe('');
      for (const part of expected) expect(message).toContain(part);
    });
    it('accepts its own empty response', () => {
      const def = definition(type);
      const stored = parseParams(type, params);
      expect(responseError(type, params, def.emptyResponse(stored))).toBe('');
    });
  });
}
