import { z } from 'zod';
import { defineTaskType } from './shared/define.js';
import { issue, listOf, report, type Issue } from './shared/issues.js';

const AttachmentKind = z.enum(['pdf', 'image', 'text', 'video', 'website', 'audio', 'markdown', 'html']);

export const TextCollectionAttachment = z.looseObject({
  type: AttachmentKind,
  content: z.string().min(1),
  /** Field ids shown beside this attachment; every one must be a field of the task. */
  forms: z.array(z.string()).optional(),
});

const CategoryChoice = z.union([z.string().min(1), z.looseObject({ label: z.string(), value: z.string().min(1) })]);

/**
 * One form field. Loose on purpose: Scale's full field-type list is not published (category, text,
 * number, datetime, ranked_choice, field sets, …), so unknown types are stored and shown as text.
 */
export interface TextCollectionField {
  field_id: string;
  type: string;
  title?: string | undefined;
  required?: boolean | undefined;
  choices?: z.output<typeof CategoryChoice>[] | undefined;
  min_choices?: number | undefined;
  max_choices?: number | undefined;
  fields?: TextCollectionField[] | undefined;
  [extra: string]: unknown;
}

export const TextCollectionField: z.ZodType<TextCollectionField> = z.lazy(() =>
  z.looseObject({
    field_id: z.string().min(1),
    type: z.string().min(1),
    title: z.string().optional(),
    required: z.boolean().optional(),
    choices: z.array(CategoryChoice).min(1).optional(),
    min_choices: z.number().int().min(0).optional(),
    max_choices: z.number().int().min(1).optional(),
    /** Sub-fields of a field set. */
    fields: z.array(TextCollectionField).optional(),
  }),
);

/** Every field, including those inside field sets, by id. */
function fieldsById(fields: readonly TextCollectionField[]): Map<string, TextCollectionField> {
  const out = new Map<string, TextCollectionField>();
  const walk = (list: readonly TextCollectionField[]) =>
    list.forEach((f) => {
      out.set(f.field_id, f);
      if (f.fields) walk(f.fields);
    });
  walk(fields);
  return out;
}

function choiceValues(f: TextCollectionField): string[] {
  return (f.choices ?? []).map((c) => (typeof c === 'string' ? c : c.value));
}

export const TextCollectionParams = z
  .looseObject({
    attachments: z.array(TextCollectionAttachment).default([]),
    fields: z.array(TextCollectionField).min(1),
  })
  .superRefine((p, ctx) => {
    const issues: Issue[] = [];
    const seen = new Set<string>();
    const walk = (list: readonly TextCollectionField[], at: (string | number)[]) =>
      list.forEach((f, i) => {
        if (seen.has(f.field_id)) issues.push(issue([...at, i, 'field_id'], `duplicate field_id "${f.field_id}"`));
        seen.add(f.field_id);
        if (f.type === 'category' && !f.choices) issues.push(issue([...at, i, 'choices'], 'is required for a category field'));
        if (f.min_choices !== undefined && f.max_choices !== undefined && f.min_choices > f.max_choices) {
          issues.push(issue([...at, i, 'max_choices'], `must be at least min_choices (${f.min_choices})`));
        }
        if (f.fields) walk(f.fields, [...at, i, 'fields']);
      });
    walk(p.fields, ['fields']);
    p.attachments.forEach((a, i) =>
      a.forms?.forEach((id, j) => {
        if (!seen.has(id)) issues.push(issue(['attachments', i, 'forms', j], `"${id}" is not a field_id of this task`));
      }),
    );
    report(ctx, issues);
  });
export type TextCollectionParams = z.output<typeof TextCollectionParams>;

/** One answered field; `response` is a list of answers per repetition, each a list of values. */
const FieldAnswer = z.looseObject({
  type: z.string(),
  field_id: z.string(),
  response: z.array(z.array(z.unknown())),
});

export const TextCollectionResponse = z.looseObject({ annotations: z.record(z.string(), FieldAnswer) });
export type TextCollectionResponse = z.output<typeof TextCollectionResponse>;

function check(p: TextCollectionParams, r: TextCollectionResponse): Issue[] {
  const fields = fieldsById(p.fields);
  const issues: Issue[] = [];
  for (const [key, answer] of Object.entries(r.annotations)) {
    const at = ['annotations', key];
    const field = fields.get(key);
    if (!field) {
      issues.push(issue(at, `is not a field_id of this task (${listOf(fields.keys())})`));
      continue;
    }
    if (answer.field_id !== key) issues.push(issue([...at, 'field_id'], `must be "${key}", the key it is filed under`));
    if (answer.type !== field.type) issues.push(issue([...at, 'type'], `must be "${field.type}", the field's type`));
    if (field.type === 'category') {
      const values = choiceValues(field);
      answer.response.forEach((group, g) => {
        group.forEach((v, j) => {
          if (typeof v !== 'string' || !values.includes(v)) issues.push(issue([...at, 'response', g, j], `${JSON.stringify(v)} is not one of ${listOf(values)}`));
        });
        if (field.max_choices !== undefined && group.length > field.max_choices) {
          issues.push(issue([...at, 'response', g], `has ${group.length} choices; at most ${field.max_choices} allowed (max_choices)`));
        }
        if (field.min_choices !== undefined && group.length < field.min_choices) {
          issues.push(issue([...at, 'response', g], `has ${group.length} choices; at least ${field.min_choices} required (min_choices)`));
        }
      });
    }
  }
  // Only top-level required fields: a field set's sub-fields are required per repetition, which the answer shape does not show.
  p.fields.forEach((f) => {
    if (f.required && !(f.field_id in r.annotations)) issues.push(issue(['annotations', f.field_id], 'is required'));
  });
  return issues;
}

/** Forms answered about attachments (the generative-AI evaluation workhorse). */
export const textcollection = defineTaskType({
  type: 'textcollection',
  params: TextCollectionParams,
  response: TextCollectionResponse,
  check,
  // Required fields need an answer even in an autocompleted task: the first choice, or an empty answer.
  empty: (p) => ({
    annotations: Object.fromEntries(
      p.fields
        .filter((f) => f.required)
        .map((f) => {
          const first = choiceValues(f)[0];
          return [f.field_id, { type: f.type, field_id: f.field_id, response: [first === undefined ? [] : [first]] }];
        }),
    ),
  }),
});
