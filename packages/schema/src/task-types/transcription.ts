import { z } from 'zod';
import { attachmentFields, checkAttachment } from './shared/attachment.js';
import { defineTaskType } from './shared/define.js';
import { issue, missing, listOf, report, type Issue } from './shared/issues.js';

/** Field key → description; Scale's older docs also allow an object with a description. */
const FieldMap = z.record(z.string().min(1), z.union([z.string(), z.looseObject({ description: z.string().optional() })]));

export const TranscriptionParams = z
  .looseObject({
    ...attachmentFields('image'),
    fields: FieldMap.optional(),
    /** Fields of a row that repeats (line items of a receipt). */
    repeatable_fields: FieldMap.optional(),
  })
  .superRefine((p, ctx) => {
    const issues: Issue[] = [...checkAttachment(p)];
    if (Object.keys(p.fields ?? {}).length === 0 && Object.keys(p.repeatable_fields ?? {}).length === 0) {
      issues.push(missing(['fields'], 'must name at least one field (or repeatable_fields)'));
    }
    report(ctx, issues);
  });
export type TranscriptionParams = z.output<typeof TranscriptionParams>;

export const TranscriptionResponse = z.looseObject({
  fields: z.record(z.string(), z.unknown()).default({}),
  repeatable_fields: z.array(z.record(z.string(), z.unknown())).default([]),
});

function unknownKeys(given: object, known: object | undefined, at: (string | number)[]): Issue[] {
  const names = Object.keys(known ?? {});
  return Object.keys(given)
    .filter((k) => !names.includes(k))
    .map((k) => issue([...at, k], `is not a field of the task (${listOf(names)})`));
}

/** Copy named fields (and repeated rows) out of an attachment. */
export const transcription = defineTaskType({
  type: 'transcription',
  params: TranscriptionParams,
  response: TranscriptionResponse,
  check: (p, r) => [
    ...unknownKeys(r.fields, p.fields, ['fields']),
    ...r.repeatable_fields.flatMap((row, i) => unknownKeys(row, p.repeatable_fields, ['repeatable_fields', i])),
  ],
  empty: () => ({ fields: {}, repeatable_fields: [] }),
});
