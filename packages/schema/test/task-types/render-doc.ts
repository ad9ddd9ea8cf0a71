import { implementedTaskTypeNames, openTypeExample, taskTypeExamples, taskTypeNames, type TaskTypeExample } from '../../src/index.js';

/** docs/task-types.md, rendered from the examples the tests validate. */
export function renderTaskTypesDoc(): string {
  const open = taskTypeNames.filter((n) => !implementedTaskTypeNames.includes(n));
  const json = (v: unknown) => JSON.stringify(v, null, 2);
  const section = (e: TaskTypeExample, heading = e.type) =>
    [
      `## ${heading}`,
      '',
      e.summary,
      '',
      '```sh',
      `curl -u "$SCALE_API_KEY:" -H 'Content-Type: application/json' \\`,
      `  http://localhost:8080/v1/task/${e.type} -d @- <<'EOF'`,
      json(e.request),
      'EOF',
      '```',
      '',
      'Completed `task.response`:',
      '',
      '```json',
      json(e.response),
      '```',
      '',
    ].join('\n');
  return [
    '# Task types',
    '',
    '<!-- Generated from packages/schema/src/task-types/examples.ts by packages/schema/test/task-types/examples.test.ts.',
    '     Do not edit by hand: change the examples, then run `UPDATE_DOCS=1 npx vitest run packages/schema/test/task-types/examples.test.ts`. -->',
    '',
    'Every example below is parsed by the test suite with its type\'s params and response schemas and checked',
    'against the response rules, so what you see is what the server accepts. Top-level task fields',
    '(`instruction`, `callback_url`, `project`, `batch`, `metadata`, `unique_id`, `tags`, `priority`) sit beside the',
    'type\'s params and are not copied into `task.params`; defaults (e.g. `with_labels: true`, `min_width: 0`) are',
    'filled in the stored params.',
    '',
    '| type | what it is |',
    '|---|---|',
    ...taskTypeExamples.map((e) => `| [\`${e.type}\`](#${e.type}) | ${e.summary} |`),
    `| ${open.map((n) => `\`${n}\``).join(', ')} | [Open types](#open-types): accepted as given. |`,
    '',
    ...taskTypeExamples.map((e) => section(e)),
    section(openTypeExample, 'Open types'),
    `The open types are ${open.map((n) => `\`${n}\``).join(', ')}. Each accepts any params object and any response`,
    'object; their rules will arrive as each gets its own module in `packages/schema/src/task-types/`.',
    '',
  ].join('\n');
}
