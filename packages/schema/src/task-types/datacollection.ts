import { z } from 'zod';
import { attachmentFields, checkAttachment } from './shared/attachment.js';
import { defineTaskType } from './shared/define.js';
import { issue, listOf, report } from './shared/issues.js';

export const DataCollectionParams = z
  .looseObject({
    ...attachmentFields('website'),
    /** Field key → what to collect, e.g. `{"hiring_page": "URL of the careers page"}`. */
    fields: z.record(z.string().min(1), z.string()).refine((f) => Object.keys(f).length > 0, 'must name at least one field'),
  })
  .superRefine((p, ctx) => report(ctx, checkAttachment(p)));

export const DataCollectionResponse = z.looseObject({
  fields: z.record(z.string(), z.unknown()),
  time_spent_in_seconds: z.number().min(0).optional(),
});

/** Look at an attachment (usually a website) and fill in named fields. */
export const datacollection = defineTaskType({
  type: 'datacollection',
  params: DataCollectionParams,
  response: DataCollectionResponse,
  check: (p, r) =>
    Object.keys(r.fields)
      .filter((k) => !(k in p.fields))
      .map((k) => issue(['fields', k], `is not one of the task's fields (${listOf(Object.keys(p.fields))})`)),
  empty: () => ({ fields: {} }),
});
