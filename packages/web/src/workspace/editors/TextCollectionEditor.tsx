import type { TextCollectionField } from '@tessera/schema';
import { useEffect, useState } from 'react';
import { Attachment } from './Attachment.js';
import type { FormEditorProps } from './types.js';

type Values = Record<string, unknown[]>;

function choiceValue(c: unknown): { value: string; label: string } {
  return typeof c === 'string' ? { value: c, label: c } : { value: String((c as { value: string }).value), label: String((c as { label?: string }).label ?? (c as { value: string }).value) };
}

/** A form per `fields`: text and number inputs, choices for category fields; unknown types as text. */
export function TextCollectionEditor(props: FormEditorProps) {
  const { params } = props.task;
  const fields = (params['fields'] as TextCollectionField[] | undefined) ?? [];
  const attachments = (params['attachments'] as { type: string; content: string }[] | undefined) ?? [];
  const [values, setValues] = useState<Values>(() => {
    const r = props.initial as { annotations?: Record<string, { response?: unknown[][] }> } | undefined;
    return Object.fromEntries(Object.entries(r?.annotations ?? {}).map(([k, a]) => [k, a.response?.[0] ?? []]));
  });
  const onChange = props.onChange;
  useEffect(() => {
    const annotations = Object.fromEntries(
      fields.filter((f) => (values[f.field_id] ?? []).length > 0).map((f) => [f.field_id, { type: f.type, field_id: f.field_id, response: [values[f.field_id]!] }]),
    );
    onChange({ annotations });
  }, [values]);

  const set = (id: string, v: unknown[]) => setValues((cur) => ({ ...cur, [id]: v }));
  return (
    <div className="form-editor" data-testid="textcollection-editor">
      {attachments.map((a, i) => (
        <Attachment key={i} attachment={a.content} type={a.type} />
      ))}
      {fields.map((f) => {
        const cur = values[f.field_id] ?? [];
        const title = (
          <span>
            {f.title ?? f.field_id}
            {f.required && <span className="required"> *</span>}
          </span>
        );
        if (f.type === 'category') {
          const multiple = (f.max_choices ?? 1) > 1;
          return (
            <fieldset key={f.field_id}>
              <legend>{title}</legend>
              {(f.choices ?? []).map(choiceValue).map((c) => (
                <label key={c.value} className="choice">
                  <input
                    type={multiple ? 'checkbox' : 'radio'}
                    name={f.field_id}
                    disabled={!props.editable}
                    checked={cur.includes(c.value)}
                    onChange={() => set(f.field_id, multiple ? (cur.includes(c.value) ? cur.filter((x) => x !== c.value) : [...cur, c.value]) : [c.value])}
                  />
                  {c.label}
                </label>
              ))}
            </fieldset>
          );
        }
        if (f.fields) return <p key={f.field_id} className="muted">{f.title ?? f.field_id}: field sets are not editable here yet.</p>;
        const multiline = f.type === 'text' || f.type === 'long_text';
        return (
          <label key={f.field_id}>
            {title}
            {multiline ? (
              <textarea disabled={!props.editable} value={String(cur[0] ?? '')} onChange={(e) => set(f.field_id, e.target.value ? [e.target.value] : [])} />
            ) : (
              <input
                type={f.type === 'number' ? 'number' : f.type === 'datetime' ? 'datetime-local' : 'text'}
                disabled={!props.editable}
                value={String(cur[0] ?? '')}
                onChange={(e) => set(f.field_id, e.target.value === '' ? [] : [f.type === 'number' ? Number(e.target.value) : e.target.value])}
              />
            )}
          </label>
        );
      })}
    </div>
  );
}
