import { memo } from 'react';
import { VirtualList } from '../../ui/VirtualList.js';
import type { Shape } from '../scene/types.js';

const ROW = 28;

/** Every object of the task, virtualized: a row per shape, selectable, with hide and lock toggles. */
export const ObjectList = memo(function ObjectList(props: {
  shapes: readonly Shape[];
  selection: readonly string[];
  color: (label: string | undefined) => string;
  labelText: (s: Shape) => string;
  onSelect(id: string, add: boolean): void;
  onToggleHidden(id: string): void;
  onToggleLocked(id: string): void;
}) {
  const { shapes, selection } = props;
  const active = shapes.findIndex((s) => s.id === selection[0]);
  return (
    <div className="objects">
      <h3>
        Objects <span className="muted">{shapes.length}</span>
      </h3>
      <VirtualList
        className="object-list"
        testId="object-list"
        items={shapes}
        rowHeight={ROW}
        activeIndex={active}
        renderRow={(s, i) => (
          <div className={selection.includes(s.id) ? 'object-row selected' : 'object-row'} onClick={(e) => props.onSelect(s.id, e.shiftKey)} data-shape={s.id}>
            <span className="swatch" style={{ background: props.color(s.label) }} />
            <span className="object-name">
              {i + 1}. {s.kind} {props.labelText(s) || <em>no label</em>}
              {s.origin === 'hypothesis' && <span className="tag">pre</span>}
            </span>
            <button className="ghost small" title="Hide / show (H)" onClick={(e) => (e.stopPropagation(), props.onToggleHidden(s.id))}>
              {s.hidden ? "○" : "◉"}
            </button>
            <button className="ghost small" title="Lock / unlock (K)" onClick={(e) => (e.stopPropagation(), props.onToggleLocked(s.id))}>
              {s.locked ? "▣" : "□"}
            </button>
          </div>
        )}
      />
    </div>
  );
});
