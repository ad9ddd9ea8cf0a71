import { forwardRef, useMemo, useState } from 'react';
import type { KindConfig } from '../scene/config.js';

/**
 * The labels of the geometry in use: the first nine carry their hotkey, and the search narrows a long
 * taxonomy as you type (Enter picks the first match).
 */
export const LabelPicker = forwardRef<HTMLInputElement, { kind: KindConfig | undefined; current: string | undefined; onPick(label: string): void; disabled?: boolean }>(
  function LabelPicker(props, searchRef) {
    const [query, setQuery] = useState('');
    const options = props.kind?.options ?? [];
    const pickable = props.kind?.pickable ?? [];
    const shown = useMemo(() => {
      const q = query.trim().toLowerCase();
      return q ? options.filter((o) => o.display.toLowerCase().includes(q) || o.name.toLowerCase().includes(q)) : options;
    }, [options, query]);
    if (!props.kind) return null;
    if (options.length === 0) return <p className="muted">No labels: shapes of this kind are drawn without one.</p>;
    return (
      <div className="label-picker">
        <input
          ref={searchRef}
          type="search"
          placeholder="Search labels ( / )"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              const first = shown.find((o) => o.selectable);
              if (first) props.onPick(first.name);
              setQuery('');
              e.currentTarget.blur();
            }
            if (e.key === 'Escape') {
              setQuery('');
              e.currentTarget.blur();
            }
          }}
        />
        <ul>
          {shown.map((o) => {
            const hotkey = pickable.indexOf(o.name);
            return (
              <li key={o.name} style={{ paddingLeft: 4 + o.depth * 14 }}>
                {o.selectable ? (
                  <button className={o.name === props.current ? 'label active' : 'label'} disabled={props.disabled} onClick={() => props.onPick(o.name)} data-label={o.name}>
                    {hotkey >= 0 && hotkey < 9 && <kbd>{hotkey + 1}</kbd>} {o.display}
                  </button>
                ) : (
                  <span className="label-parent">{o.display}</span>
                )}
              </li>
            );
          })}
        </ul>
      </div>
    );
  },
);
