import { z } from 'zod';
import { AttachmentType, attachmentProblem } from './shared/attachment.js';
import { defineTaskType } from './shared/define.js';
import { issue, listOf, report, type Issue } from './shared/issues.js';

export const ComparisonParams = z
  .looseObject({
    attachments: z.array(z.string().min(1)).min(2),
    attachment_type: AttachmentType.default('image'),
    choices: z.array(z.string().min(1)).min(1),
    /** Optional free-text questions answered alongside the choice. */
    fields: z.record(z.string(), z.string()).optional(),
  })
  .superRefine((p, ctx) => {
    const issues: Issue[] = [];
    p.attachments.forEach((a, i) => {
      const problem = attachmentProblem(p.attachment_type, a);
      if (problem) issues.push(issue(['attachments', i], problem));
    });
    report(ctx, issues);
  });
export type ComparisonParams = z.output<typeof ComparisonParams>;

export const ComparisonResponse = z.looseObject({ choice: z.string(), fields: z.record(z.string(), z.unknown()).optional() });

/** Compare several attachments and pick one of `choices`. */
export const comparison = defineTaskType({
  type: 'comparison',
  params: ComparisonParams,
  response: ComparisonResponse,
  check: (p, r) => {
    const issues = p.choices.includes(r.choice) ? [] : [issue(['choice'], `"${r.choice}" is not one of ${listOf(p.choices)}`)];
    for (const key of Object.keys(r.fields ?? {})) {
      if (!p.fields || !(key in p.fields)) issues.push(issue(['fields', key], 'is not one of the task\'s fields'));
    }
    return issues;
  },
  // There is no "no choice" answer; test mode answers the first one, as Scale's does.
  empty: (p) => ({ choice: p.choices[0] ?? '' }),
});
