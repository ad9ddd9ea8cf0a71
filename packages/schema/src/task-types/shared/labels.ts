import { z } from 'zod';
import { issue, listOf, type Issue } from './issues.js';

/** Scale's LabelDescription: a label with optional nested subchoices and a display name. */
export interface LabelDescription {
  choice: string;
  subchoices?: LabelItem[] | undefined;
  display?: string | undefined;
}
/** An entry of `objects_to_annotate`, `labels`, attribute `choices`: a plain name or a LabelDescription. */
export type LabelItem = string | LabelDescription;

export const LabelItem: z.ZodType<LabelItem> = z.lazy(() =>
  z.union([
    z.string({ error: 'must be a label name or a {choice, subchoices?, display?} object' }).min(1),
    // Strict: a misspelt `subchoice` would silently flatten the taxonomy.
    z.strictObject({
      choice: z.string().min(1),
      subchoices: z.array(LabelItem).optional(),
      display: z.string().optional(),
    }),
  ]),
);

export const LabelList = z.array(LabelItem);

/**
 * What a label list allows, computed once per check: every name in the tree, the names an annotation
 * may carry, and each name's ancestors (so a condition on "vehicle" also holds for "car").
 */
export class LabelTree {
  /** Every choice at any depth. */
  readonly names = new Set<string>();
  /** Names with subchoices. */
  readonly parents = new Set<string>();
  private readonly ancestorsOf = new Map<string, string[]>();
  private readonly childrenOf = new Map<string, string[]>();

  constructor(readonly items: readonly LabelItem[]) {
    this.walk(items, []);
  }

  private walk(items: readonly LabelItem[], ancestors: string[]): void {
    for (const item of items) {
      const name = labelName(item);
      this.names.add(name);
      this.ancestorsOf.set(name, ancestors);
      const subs = typeof item === 'string' ? [] : (item.subchoices ?? []);
      if (subs.length > 0) {
        this.parents.add(name);
        this.childrenOf.set(name, subs.map(labelName));
        this.walk(subs, [...ancestors, name]);
      }
    }
  }

  get isEmpty(): boolean {
    return this.names.size === 0;
  }

  /** Leaves always; a parent only when the task allows parent labels. */
  allows(label: string, allowParentLabels: boolean): boolean {
    return this.names.has(label) && (allowParentLabels || !this.parents.has(label));
  }

  /** True when `label` is `ancestor` or lies below it. */
  isWithin(label: string, ancestor: string): boolean {
    return label === ancestor || (this.ancestorsOf.get(label) ?? []).includes(ancestor);
  }

  /** Why a label is refused, for messages: names the list, and the subchoices when a parent was used. */
  refusal(label: string, listName: string): string {
    const children = this.childrenOf.get(label);
    if (children) {
      return `label "${label}" has subchoices; use one of ${listOf(children)} (or set allow_parent_labels)`;
    }
    return `label "${label}" is not in ${listName}`;
  }
}

export function labelName(item: LabelItem): string {
  return typeof item === 'string' ? item : item.choice;
}

/** Every label name must be unique in its list, or an annotation's label would be ambiguous. */
export function checkUniqueLabels(items: readonly LabelItem[]): Issue[] {
  const seen = new Set<string>();
  const issues: Issue[] = [];
  const walk = (list: readonly LabelItem[], path: (string | number)[]) =>
    list.forEach((item, i) => {
      const name = labelName(item);
      const at = typeof item === 'string' ? [...path, i] : [...path, i, 'choice'];
      if (seen.has(name)) issues.push(issue(at, `duplicate label "${name}"`));
      seen.add(name);
      if (typeof item !== 'string' && item.subchoices) walk(item.subchoices, [...path, i, 'subchoices']);
    });
  walk(items, []);
  return issues;
}
