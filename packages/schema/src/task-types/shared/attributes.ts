import { z } from 'zod';
import { issue, isPlainObject, listOf, type Issue } from './issues.js';
import { LabelList, LabelTree, checkUniqueLabels } from './labels.js';

const ConditionValue = z.union([z.string(), z.number(), z.boolean(), z.array(z.union([z.string(), z.number()]))]);

/**
 * When an attribute is shown: for some labels (`label_condition`), and/or when other attributes have
 * given values (`attribute_conditions`: any one object matching, all its keys matching). Strict, since a
 * misspelt condition key would make the attribute show everywhere.
 */
export const AttributeConditions = z.strictObject({
  label_condition: z.strictObject({ label: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]) }).optional(),
  attribute_conditions: z.array(z.record(z.string(), ConditionValue)).optional(),
});
export type AttributeConditions = z.infer<typeof AttributeConditions>;

const common = {
  description: z.string().optional(),
  /** When true, an annotation whose conditions show the attribute must answer it. */
  required: z.boolean().optional(),
  conditions: AttributeConditions.optional(),
};

// Attribute definitions are loose: Scale adds display options (hints, global, copy-to-frames) over time.
const CategoryAttribute = z.looseObject({
  type: z.literal('category'),
  ...common,
  choices: LabelList.min(1),
  allow_multiple: z.boolean().default(false),
});
const NumberAttribute = z.looseObject({
  type: z.literal('number'),
  ...common,
  min: z.number().optional(),
  max: z.number().optional(),
  step: z.number().positive().optional(),
});
const AngleAttribute = z.looseObject({ type: z.literal('angle'), ...common });
const TextAttribute = z.looseObject({ type: z.literal('text'), ...common });
/** Value is the uuid of another annotation in the same response, optionally limited to some labels. */
const LinkedAttribute = z.looseObject({
  type: z.literal('linked'),
  ...common,
  allowed_labels: z.array(z.string().min(1)).optional(),
});

const attributeTypes = ['category', 'number', 'angle', 'text', 'linked'] as const;

/** One annotation attribute; `type` defaults to "category", as in Scale. */
export const AnnotationAttribute = z.preprocess(
  (v) => (isPlainObject(v) && v['type'] === undefined ? { ...v, type: 'category' } : v),
  z.discriminatedUnion('type', [CategoryAttribute, NumberAttribute, AngleAttribute, TextAttribute, LinkedAttribute], {
    error: (iss) =>
      iss.code === 'invalid_union' ? `is not a known attribute type (expected ${attributeTypes.join(', ')})` : undefined,
  }),
);
export type AnnotationAttribute = z.output<typeof AnnotationAttribute>;

export const AnnotationAttributes = z.record(z.string().min(1), AnnotationAttribute);
export type AnnotationAttributes = z.output<typeof AnnotationAttributes>;

/** Per-attribute label trees, built once per check. */
function choiceTree(def: AnnotationAttribute): LabelTree | undefined {
  return def.type === 'category' ? new LabelTree(def.choices) : undefined;
}

/**
 * Create-time rules for `annotation_attributes`: conditions must name labels the task has and
 * attributes/choices that exist; number ranges must be ordered. Paths are relative to the attributes map.
 */
export function checkAttributeDefinitions(attrs: AnnotationAttributes, labels: LabelTree): Issue[] {
  const issues: Issue[] = [];
  for (const [key, def] of Object.entries(attrs)) {
    if (def.type === 'category') issues.push(...checkUniqueLabels(def.choices).map((i) => ({ ...i, path: [key, 'choices', ...i.path] })));
    if (def.type === 'number' && def.min !== undefined && def.max !== undefined && def.min > def.max) {
      issues.push(issue([key, 'max'], `must be at least min (${def.min})`));
    }
    if (def.type === 'linked') {
      def.allowed_labels?.forEach((l, i) => {
        if (!labels.names.has(l)) issues.push(issue([key, 'allowed_labels', i], `label "${l}" is not in objects_to_annotate`));
      });
    }
    const cond = def.conditions;
    if (!cond) continue;
    const condLabels = cond.label_condition ? [cond.label_condition.label].flat() : [];
    condLabels.forEach((l, i) => {
      if (labels.names.has(l)) return;
      const at = Array.isArray(cond.label_condition?.label) ? [i] : [];
      issues.push(issue([key, 'conditions', 'label_condition', 'label', ...at], `label "${l}" is not in objects_to_annotate`));
    });
    cond.attribute_conditions?.forEach((group, g) => {
      for (const [other, expected] of Object.entries(group)) {
        const at = [key, 'conditions', 'attribute_conditions', g, other];
        const otherDef = attrs[other];
        if (other === key) issues.push(issue(at, 'an attribute cannot be conditional on itself'));
        else if (!otherDef) issues.push(issue(at, `refers to unknown attribute "${other}" (known: ${listOf(Object.keys(attrs))})`));
        else {
          for (const v of [expected].flat()) {
            // A condition names one value (or several, any of which matches), even for allow_multiple.
            const single = otherDef.type === 'category' ? { ...otherDef, allow_multiple: false } : otherDef;
            const problem = valueProblem(single, v, choiceTree(otherDef));
            if (problem) issues.push(issue(at, `condition value ${JSON.stringify(v)} ${problem}`));
          }
        }
      }
    });
  }
  return issues;
}

/** Whether an attribute applies to an annotation with this label and these attribute values. */
export function conditionsHold(
  cond: AttributeConditions | undefined,
  label: string | undefined,
  values: Readonly<Record<string, unknown>>,
  labels: LabelTree,
): boolean {
  if (!cond) return true;
  if (cond.label_condition) {
    const wanted = [cond.label_condition.label].flat();
    if (label === undefined || !wanted.some((w) => labels.isWithin(label, w))) return false;
  }
  if (cond.attribute_conditions && cond.attribute_conditions.length > 0) {
    return cond.attribute_conditions.some((group) =>
      Object.entries(group).every(([k, expected]) => matches(values[k], expected)),
    );
  }
  return true;
}

function matches(actual: unknown, expected: unknown): boolean {
  const want = [expected].flat();
  const have = Array.isArray(actual) ? actual : [actual];
  return have.some((a) => want.includes(a));
}

/** Why a value is wrong for an attribute, or undefined when it fits. */
function valueProblem(def: AnnotationAttribute, value: unknown, choices: LabelTree | undefined): string | undefined {
  switch (def.type) {
    case 'category': {
      const tree = choices ?? new LabelTree(def.choices);
      const ok = (v: unknown) => typeof v === 'string' && tree.allows(v, false);
      const allowed = `one of ${listOf([...tree.names].filter((n) => tree.allows(n, false)))}`;
      if (def.allow_multiple) {
        if (!Array.isArray(value)) return `must be an array (allow_multiple is set) of ${allowed}`;
        const bad = value.find((v) => !ok(v));
        return bad === undefined ? undefined : `has ${JSON.stringify(bad)}, which is not ${allowed}`;
      }
      return ok(value) ? undefined : `must be ${allowed}`;
    }
    case 'number': {
      if (typeof value !== 'number' || !Number.isFinite(value)) return 'must be a number';
      if (def.min !== undefined && value < def.min) return `must be at least ${def.min}`;
      if (def.max !== undefined && value > def.max) return `must be at most ${def.max}`;
      if (def.step !== undefined) {
        const steps = (value - (def.min ?? 0)) / def.step;
        if (Math.abs(steps - Math.round(steps)) > 1e-9) return `must be a multiple of step ${def.step} from ${def.min ?? 0}`;
      }
      return undefined;
    }
    case 'angle':
      return typeof value === 'number' && Number.isFinite(value) ? undefined : 'must be a number (degrees)';
    case 'text':
    case 'linked':
      return typeof value === 'string' ? undefined : 'must be a string';
  }
}

/** What a linked attribute may point at: the other annotations of the same response. */
export type AnnotationIndex = ReadonlyMap<string, { label?: string | undefined }>;

/**
 * Completion rules for one annotation's `attributes`: known keys, valid values, shown only when their
 * conditions hold, required ones present. Paths are relative to the annotation.
 */
export function checkAttributeValues(
  attrs: AnnotationAttributes | undefined,
  label: string | undefined,
  values: Readonly<Record<string, unknown>> | undefined,
  labels: LabelTree,
  others: AnnotationIndex = new Map(),
): Issue[] {
  const issues: Issue[] = [];
  const given = values ?? {};
  const defs = attrs ?? {};
  for (const [key, value] of Object.entries(given)) {
    const at = ['attributes', key];
    const def = defs[key];
    if (!def) {
      issues.push(issue(at, `is not in annotation_attributes (known: ${listOf(Object.keys(defs))})`));
      continue;
    }
    if (!conditionsHold(def.conditions, label, given, labels)) {
      issues.push(issue(at, `does not apply to this annotation: ${describeConditions(def.conditions)}`));
      continue;
    }
    const problem = valueProblem(def, value, undefined);
    if (problem) {
      issues.push(issue(at, problem));
      continue;
    }
    if (def.type === 'linked') {
      const target = others.get(value as string);
      if (!target) issues.push(issue(at, `links to ${JSON.stringify(value)}, which is not an annotation uuid in this response`));
      else if (def.allowed_labels && !def.allowed_labels.includes(target.label ?? '')) {
        issues.push(issue(at, `links to an annotation labelled "${target.label ?? ''}"; allowed_labels are ${listOf(def.allowed_labels)}`));
      }
    }
  }
  for (const [key, def] of Object.entries(defs)) {
    if (def.required && !(key in given) && conditionsHold(def.conditions, label, given, labels)) {
      issues.push(issue(['attributes', key], 'is required'));
    }
  }
  return issues;
}

function describeConditions(cond: AttributeConditions | undefined): string {
  const parts: string[] = [];
  if (cond?.label_condition) parts.push(`only for label ${listOf([cond.label_condition.label].flat())}`);
  if (cond?.attribute_conditions?.length) parts.push(`only when ${JSON.stringify(cond.attribute_conditions)}`);
  return parts.join(' and ');
}
