import { z } from 'zod';
import { defineTaskType } from './shared/define.js';
import { issue, listOf, report, type Issue } from './shared/issues.js';

const EntityLabel = z.looseObject({ name: z.string().min(1), description: z.string().optional() });

export const NamedEntityRecognitionParams = z
  .looseObject({
    text: z.string().min(1),
    labels: z.array(EntityLabel).min(1),
  })
  .superRefine((p, ctx) => {
    const issues: Issue[] = [];
    p.labels.forEach((l, i) => {
      if (p.labels.findIndex((o) => o.name === l.name) !== i) issues.push(issue(['labels', i, 'name'], `duplicate label "${l.name}"`));
    });
    report(ctx, issues);
  });
export type NamedEntityRecognitionParams = z.output<typeof NamedEntityRecognitionParams>;

/**
 * A span of `text`. Offsets count Unicode code points (Python's `len`, JavaScript's `[...text]`), end
 * exclusive; Scale's NER response is unpublished, and code points mean the same in every client language.
 */
const Entity = z.looseObject({
  start: z.number().int().min(0),
  end: z.number().int().min(1),
  label: z.string(),
  text: z.string().optional(),
});

export const NamedEntityRecognitionResponse = z.looseObject({ annotations: z.array(Entity) });
export type NamedEntityRecognitionResponse = z.output<typeof NamedEntityRecognitionResponse>;

function check(p: NamedEntityRecognitionParams, r: NamedEntityRecognitionResponse): Issue[] {
  const chars = [...p.text];
  const names = p.labels.map((l) => l.name);
  const issues: Issue[] = [];
  r.annotations.forEach((a, i) => {
    const at = ['annotations', i];
    if (!names.includes(a.label)) issues.push(issue([...at, 'label'], `label "${a.label}" is not in labels (${listOf(names)})`));
    if (a.end <= a.start) issues.push(issue([...at, 'end'], `must be greater than start (${a.start})`));
    else if (a.end > chars.length) issues.push(issue([...at, 'end'], `is past the end of text (${chars.length} characters)`));
    else if (a.text !== undefined && a.text !== chars.slice(a.start, a.end).join('')) {
      issues.push(issue([...at, 'text'], `must be the text between start and end (${JSON.stringify(chars.slice(a.start, a.end).join(''))})`));
    }
  });
  return issues;
}

/** Spans of a text, each with an entity label. */
export const namedentityrecognition = defineTaskType({
  type: 'namedentityrecognition',
  params: NamedEntityRecognitionParams,
  response: NamedEntityRecognitionResponse,
  check,
  empty: () => ({ annotations: [] }),
});
