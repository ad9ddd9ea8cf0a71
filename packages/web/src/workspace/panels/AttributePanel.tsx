import { conditionsHold, LabelTree, type AnnotationAttribute } from '@tessera/schema';
import type { EditorConfig } from '../scene/config.js';
import type { Shape } from '../scene/types.js';

function choiceNames(def: Extract<AnnotationAttribute, { type: 'category' }>): string[] {
  const tree = new LabelTree(def.choices);
  return [...tree.names].filter((n) => tree.allows(n, false));
}

/**
 * The selected shape's attributes: only those whose conditions hold for its label and its other
 * values (the schema's own `conditionsHold`), each with an input for its type.
 */
export function AttributePanel(props: { config: EditorConfig; shape: Shape; shapes: readonly Shape[]; editable: boolean; onChange(key: string, value: unknown): void }) {
  const { config, shape } = props;
  const entries = Object.entries(config.attributes).filter(([, def]) => conditionsHold(def.conditions, shape.label, shape.attributes, config.allLabels));
  if (entries.length === 0) return null;
  const disabled = !props.editable || shape.locked;
  return (
    <div className="attributes" data-testid="attributes">
      {entries.map(([key, def]) => {
        const value = shape.attributes[key];
        const title = (
          <span className="attr-title">
            {def.description ?? key}
            {def.required && <span className="required"> *</span>}
          </span>
        );
        switch (def.type) {
          case 'category': {
            const choices = choiceNames(def);
            if (def.allow_multiple) {
              const set = new Set(Array.isArray(value) ? (value as string[]) : []);
              return (
                <fieldset key={key}>
                  <legend>{title}</legend>
                  {choices.map((c) => (
                    <label key={c} className="check">
                      <input
                        type="checkbox"
                        disabled={disabled}
                        checked={set.has(c)}
                        onChange={(e) => props.onChange(key, e.target.checked ? [...set, c] : [...set].filter((x) => x !== c))}
                      />
                      {c}
                    </label>
                  ))}
                </fieldset>
              );
            }
            return (
              <label key={key}>
                {title}
                <select disabled={disabled} value={typeof value === 'string' ? value : ''} onChange={(e) => props.onChange(key, e.target.value || undefined)} data-attribute={key}>
                  <option value="">—</option>
                  {choices.map((c) => (
                    <option key={c} value={c}>
                      {c}
                    </option>
                  ))}
                </select>
              </label>
            );
          }
          case 'number':
          case 'angle':
            return (
              <label key={key}>
                {title}
                {def.type === 'angle' && <span className="muted"> (degrees)</span>}
                <input
                  type="number"
                  disabled={disabled}
                  data-attribute={key}
                  min={def.type === 'number' ? def.min : 0}
                  max={def.type === 'number' ? def.max : 360}
                  step={def.type === 'number' ? (def.step ?? 'any') : 'any'}
                  value={typeof value === 'number' ? value : ''}
                  onChange={(e) => props.onChange(key, e.target.value === '' ? undefined : Number(e.target.value))}
                />
              </label>
            );
          case 'text':
            return (
              <label key={key}>
                {title}
                <input type="text" disabled={disabled} data-attribute={key} value={typeof value === 'string' ? value : ''} onChange={(e) => props.onChange(key, e.target.value === '' ? undefined : e.target.value)} />
              </label>
            );
          case 'linked': {
            const targets = props.shapes.filter((s) => s.id !== shape.id && (!def.allowed_labels || def.allowed_labels.includes(s.label ?? '')));
            return (
              <label key={key}>
                {title}
                <select disabled={disabled} value={typeof value === 'string' ? value : ''} onChange={(e) => props.onChange(key, e.target.value || undefined)} data-attribute={key}>
                  <option value="">—</option>
                  {targets.map((s, i) => (
                    <option key={s.id} value={s.id}>
                      {s.kind} {i + 1} {s.label ?? ''}
                    </option>
                  ))}
                </select>
              </label>
            );
          }
        }
      })}
    </div>
  );
}
