import { useEffect, useState } from 'react';
import { useHotkeys } from '../../ui/hotkeys-context.js';
import { Attachment } from './Attachment.js';
import type { FormEditorProps } from './types.js';

interface Taxonomy {
  choices: string[];
  allow_multiple?: boolean;
  description?: string;
  required?: boolean;
}

type Answer = Record<string, string[]>;
const LEGACY = '__category';

/** Questions of the task: the legacy `categories` list, or each named taxonomy. */
function questions(params: Record<string, unknown>): [string, Taxonomy][] {
  if (Array.isArray(params['categories'])) {
    return [[LEGACY, { choices: params['categories'] as string[], allow_multiple: params['allow_multiple'] === true }]];
  }
  return Object.entries((params['taxonomies'] as Record<string, Taxonomy> | undefined) ?? {});
}

function fromResponse(r: unknown): Answer {
  const out: Answer = {};
  if (!r || typeof r !== 'object') return out;
  const resp = r as { category?: string | string[]; taxonomies?: Record<string, string | string[]> };
  if (resp.category !== undefined) out[LEGACY] = [resp.category].flat();
  for (const [k, v] of Object.entries(resp.taxonomies ?? {})) out[k] = [v].flat();
  return out;
}

/** Choices (one, or several with allow_multiple), picked by click or by 1..9 on the first question. */
export function CategorizationEditor(props: FormEditorProps) {
  const { params } = props.task;
  const qs = questions(params);
  const [answer, setAnswer] = useState<Answer>(() => fromResponse(props.initial));

  const onChange = props.onChange;
  useEffect(() => {
    const ids = (params['category_ids'] as Record<string, string> | undefined) ?? undefined;
    const legacy = qs.find(([k]) => k === LEGACY);
    if (legacy) {
      const picked = answer[LEGACY] ?? [];
      const category = legacy[1].allow_multiple ? picked : picked[0];
      onChange(category === undefined ? {} : { category, ...(ids ? { category_id: Array.isArray(category) ? category.map((c) => ids[c] ?? c) : (ids[category] ?? null) } : {}) });
    } else {
      const taxonomies = Object.fromEntries(
        qs.filter(([k]) => (answer[k] ?? []).length > 0).map(([k, t]) => [k, t.allow_multiple ? answer[k]! : answer[k]![0]!]),
      );
      onChange({ taxonomies });
    }
    // Recomputed only when the answer changes: params are fixed for the task.
  }, [answer]);

  const toggle = (key: string, choice: string, multiple: boolean) => {
    if (!props.editable) return;
    setAnswer((a) => {
      const cur = a[key] ?? [];
      const next = multiple ? (cur.includes(choice) ? cur.filter((c) => c !== choice) : [...cur, choice]) : [choice];
      return { ...a, [key]: next };
    });
  };

  useHotkeys((action) => {
    if (!action.startsWith('label.') || action === 'label.search') return false;
    const first = qs[0];
    const choice = first?.[1].choices[Number(action.slice(6)) - 1];
    if (!first || choice === undefined) return false;
    toggle(first[0], choice, first[1].allow_multiple === true);
    return true;
  });

  return (
    <div className="form-editor" data-testid="categorization-editor">
      <Attachment attachment={params['attachment']} type={params['attachment_type']} />
      {qs.map(([key, t], qi) => (
        <fieldset key={key}>
          <legend>{key === LEGACY ? (props.task.instruction ?? 'Category') : (t.description ?? key)}</legend>
          {t.choices.map((c, i) => (
            <label key={c} className="choice">
              <input type={t.allow_multiple ? 'checkbox' : 'radio'} name={key} disabled={!props.editable} checked={(answer[key] ?? []).includes(c)} onChange={() => toggle(key, c, t.allow_multiple === true)} />
              {qi === 0 && i < 9 && <kbd>{i + 1}</kbd>} {c}
            </label>
          ))}
        </fieldset>
      ))}
    </div>
  );
}
