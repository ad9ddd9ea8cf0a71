import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { describeIssues } from '../../src/errors.js';
import { TaskCommonFields, getTaskType, implementedTaskTypeNames, openTypeExample, taskCommonFieldNames, taskTypeExamples } from '../../src/index.js';
import { renderTaskTypesDoc } from './render-doc.js';

const docPath = fileURLToPath(new URL('../../../../docs/task-types.md', import.meta.url));

/** Splits a create body as the server does: common fields apart, the rest is params. */
function split(body: Record<string, unknown>) {
  const common: Record<string, unknown> = {};
  const params: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(body)) ((taskCommonFieldNames as string[]).includes(k) ? common : params)[k] = v;
  return { common, params };
}

describe('documented examples', () => {
  it('cover every implemented type once', () => {
    expect(taskTypeExamples.map((e) => e.type).sort()).toEqual([...implementedTaskTypeNames]);
  });

  it.each([...taskTypeExamples, openTypeExample].map((e) => [e.type, e] as const))('%s: request and response are valid', (type, example) => {
    const def = getTaskType(type)!;
    const { common, params } = split(example.request);
    expect(TaskCommonFields.safeParse(common).success).toBe(true);
    const parsedParams = def.params.safeParse(params, { reportInput: true });
    if (!parsedParams.success) throw new Error(`params: ${describeIssues(parsedParams.error.issues)}`);
    for (const field of def.requiredFields ?? []) expect(common).toHaveProperty(field);
    const parsedResponse = def.response.safeParse(example.response, { reportInput: true });
    if (!parsedResponse.success) throw new Error(`response: ${describeIssues(parsedResponse.error.issues)}`);
    expect(def.checkResponse(parsedParams.data, parsedResponse.data)).toEqual([]);
  });

  it('docs/task-types.md is rendered from them', () => {
    const rendered = renderTaskTypesDoc();
    if (process.env['UPDATE_DOCS']) writeFileSync(docPath, rendered);
    const current = (() => {
      try {
        return readFileSync(docPath, 'utf8');
      } catch {
        return '';
      }
    })();
    expect(current, 'docs/task-types.md is stale: run UPDATE_DOCS=1 npx vitest run packages/schema/test/task-types/examples.test.ts').toBe(rendered);
  });
});
