import { useEffect, useState } from 'react';
import { Attachment } from './Attachment.js';
import type { FormEditorProps } from './types.js';

type FieldMap = Record<string, string | { description?: string }>;
const describe = (v: string | { description?: string }, key: string) => (typeof v === 'string' ? v : (v.description ?? key));

/** Named fields copied from the attachment, and rows of repeatable fields (line items). */
export function TranscriptionEditor(props: FormEditorProps) {
  const { params } = props.task;
  const fields = (params['fields'] as FieldMap | undefined) ?? {};
  const repeatable = (params['repeatable_fields'] as FieldMap | undefined) ?? {};
  const initial = (props.initial ?? {}) as { fields?: Record<string, unknown>; repeatable_fields?: Record<string, unknown>[] };
  const [values, setValues] = useState<Record<string, string>>(() => Object.fromEntries(Object.entries(initial.fields ?? {}).map(([k, v]) => [k, String(v)])));
  const [rows, setRows] = useState<Record<string, string>[]>(() => (initial.repeatable_fields ?? []).map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, String(v)]))));
  const onChange = props.onChange;
  useEffect(() => {
    onChange({ fields: Object.fromEntries(Object.entries(values).filter(([, v]) => v !== '')), repeatable_fields: rows });
  }, [values, rows, onChange]);

  return (
    <div className="form-editor split" data-testid="transcription-editor">
      <Attachment attachment={params['attachment']} type={params['attachment_type']} />
      <div>
        {Object.entries(fields).map(([k, d]) => (
          <label key={k}>
            {describe(d, k)}
            <input type="text" disabled={!props.editable} value={values[k] ?? ''} onChange={(e) => setValues((v) => ({ ...v, [k]: e.target.value }))} data-field={k} />
          </label>
        ))}
        {Object.keys(repeatable).length > 0 && (
          <table className="rows">
            <thead>
              <tr>
                {Object.entries(repeatable).map(([k, d]) => (
                  <th key={k}>{describe(d, k)}</th>
                ))}
                <th />
              </tr>
            </thead>
            <tbody>
              {rows.map((row, i) => (
                <tr key={i}>
                  {Object.keys(repeatable).map((k) => (
                    <td key={k}>
                      <input type="text" disabled={!props.editable} value={row[k] ?? ''} onChange={(e) => setRows((rs) => rs.map((r, j) => (j === i ? { ...r, [k]: e.target.value } : r)))} />
                    </td>
                  ))}
                  <td>
                    <button className="ghost" disabled={!props.editable} onClick={() => setRows((rs) => rs.filter((_, j) => j !== i))}>
                      Remove
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {Object.keys(repeatable).length > 0 && (
          <button disabled={!props.editable} onClick={() => setRows((rs) => [...rs, {}])}>
            Add row
          </button>
        )}
      </div>
    </div>
  );
}
