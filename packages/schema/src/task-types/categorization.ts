import { z } from 'zod';
import { attachmentFields, checkAttachment } from './shared/attachment.js';
import { defineTaskType } from './shared/define.js';
import { issue, missing, listOf, report, type Issue } from './shared/issues.js';

/** A newer-style taxonomy: one named question with its own choices. */
const Taxonomy = z.looseObject({
  type: z.literal('category').default('category'),
  description: z.string().optional(),
  choices: z.array(z.string().min(1)).min(1),
  allow_multiple: z.boolean().default(false),
  required: z.boolean().optional(),
});

export const CategorizationParams = z
  .looseObject({
    ...attachmentFields('text'),
    /** Legacy: the one list of categories. */
    categories: z.array(z.string().min(1)).min(1).optional(),
    /** Optional ids echoed back as `category_id`, keyed by category. */
    category_ids: z.record(z.string(), z.string()).optional(),
    taxonomies: z.record(z.string().min(1), Taxonomy).optional(),
    allow_multiple: z.boolean().default(false),
  })
  .superRefine((p, ctx) => {
    const issues: Issue[] = [...checkAttachment(p)];
    if (!p.categories && !p.taxonomies) issues.push(missing(['categories'], 'is required (or pass taxonomies)'));
    if (p.categories && p.taxonomies) issues.push(issue(['taxonomies'], 'cannot be combined with categories'));
    p.categories?.forEach((c, i) => {
      if (p.categories!.indexOf(c) !== i) issues.push(issue(['categories', i], `duplicate category "${c}"`));
    });
    for (const key of Object.keys(p.category_ids ?? {})) {
      if (!p.categories?.includes(key)) issues.push(issue(['category_ids', key], `"${key}" is not one of categories`));
    }
    report(ctx, issues);
  });
export type CategorizationParams = z.output<typeof CategorizationParams>;

const Choice = z.union([z.string(), z.array(z.string())]);

export const CategorizationResponse = z.looseObject({
  category: Choice.optional(),
  category_id: z.union([z.string(), z.array(z.string())]).nullable().optional(),
  taxonomies: z.record(z.string(), Choice).optional(),
});
export type CategorizationResponse = z.output<typeof CategorizationResponse>;

/** Checks one answer against a choice list; arrays only when allow_multiple. */
function checkChoice(value: string | string[], choices: readonly string[], multiple: boolean, at: (string | number)[]): Issue[] {
  if (Array.isArray(value) && !multiple) return [issue(at, 'must be a single choice (allow_multiple is false)')];
  const bad = [value].flat().find((v) => !choices.includes(v));
  return bad === undefined ? [] : [issue(at, `"${bad}" is not one of ${listOf(choices)}`)];
}

function check(p: CategorizationParams, r: CategorizationResponse): Issue[] {
  const issues: Issue[] = [];
  if (p.categories) {
    if (r.category === undefined) return [issue(['category'], 'is required')];
    issues.push(...checkChoice(r.category, p.categories, p.allow_multiple, ['category']));
  }
  if (p.taxonomies) {
    for (const [key, value] of Object.entries(r.taxonomies ?? {})) {
      const tax = p.taxonomies[key];
      if (!tax) issues.push(issue(['taxonomies', key], `is not one of the task's taxonomies (${listOf(Object.keys(p.taxonomies))})`));
      else issues.push(...checkChoice(value, tax.choices, tax.allow_multiple, ['taxonomies', key]));
    }
    for (const [key, tax] of Object.entries(p.taxonomies)) {
      if (tax.required && r.taxonomies?.[key] === undefined) issues.push(issue(['taxonomies', key], 'is required'));
    }
  }
  return issues;
}

/** One choice (or several) for the whole attachment. Deprecated by Scale in favour of textcollection. */
export const categorization = defineTaskType({
  type: 'categorization',
  params: CategorizationParams,
  response: CategorizationResponse,
  check,
  // A single choice has no "nothing" answer; Scale's test mode answers the first category (same for required taxonomies).
  empty: (p) =>
    p.taxonomies
      ? {
          taxonomies: Object.fromEntries(
            Object.entries(p.taxonomies)
              .filter(([, t]) => t.required)
              .map(([k, t]) => [k, t.allow_multiple ? [] : (t.choices[0] ?? '')]),
          ),
        }
      : { category: p.allow_multiple ? [] : (p.categories?.[0] ?? ''), category_id: null },
  requiredFields: ['instruction'],
});
