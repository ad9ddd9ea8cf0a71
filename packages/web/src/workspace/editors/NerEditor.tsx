import { useEffect, useMemo, useRef, useState } from 'react';
import { labelColors } from '../canvas/paint.js';
import { useHotkeys } from '../../ui/hotkeys-context.js';
import { addEntity, segments, toCodePoints, type Entity } from './spans.js';
import type { FormEditorProps } from './types.js';

/** Where in the text (code points) a DOM selection point falls, read from the segment it is in. */
function offsetOf(node: Node | null, offset: number): number | undefined {
  const el = node?.nodeType === Node.TEXT_NODE ? node.parentElement : (node as HTMLElement | null);
  const seg = el?.closest<HTMLElement>('[data-start]');
  if (!seg || !node) return undefined;
  const text = node.nodeType === Node.TEXT_NODE ? (node.textContent ?? '') : '';
  return Number(seg.dataset['start']) + toCodePoints(text, offset);
}

/** Select a span with the mouse, then press a label's number (or click it). Click an entity to remove it. */
export function NerEditor(props: FormEditorProps) {
  const { params } = props.task;
  const text = String(params['text'] ?? '');
  const chars = useMemo(() => [...text], [text]);
  const labels = (params['labels'] as { name: string; description?: string }[] | undefined) ?? [];
  const color = useMemo(() => labelColors(labels.map((l) => l.name)), [labels]);
  const [entities, setEntities] = useState<Entity[]>(() => ((props.initial as { annotations?: Entity[] } | undefined)?.annotations ?? []).slice());
  const [message, setMessage] = useState<string>();
  const box = useRef<HTMLDivElement>(null);
  const onChange = props.onChange;
  useEffect(() => onChange({ annotations: entities }), [entities, onChange]);

  const label = (name: string) => {
    if (!props.editable) return;
    const sel = window.getSelection();
    if (!sel || sel.rangeCount === 0 || !box.current?.contains(sel.anchorNode)) return setMessage('Select some text first.');
    const a = offsetOf(sel.anchorNode, sel.anchorOffset);
    const b = offsetOf(sel.focusNode, sel.focusOffset);
    if (a === undefined || b === undefined) return setMessage('Select some text first.');
    const next = addEntity(entities, chars, a, b, name);
    if (typeof next === 'string') return setMessage(next);
    setEntities(next);
    setMessage(undefined);
    sel.removeAllRanges();
  };

  useHotkeys((action) => {
    if (!action.startsWith('label.') || action === 'label.search') return false;
    const l = labels[Number(action.slice(6)) - 1];
    if (!l) return false;
    label(l.name);
    return true;
  });

  return (
    <div className="form-editor" data-testid="ner-editor">
      <div className="ner-labels">
        {labels.map((l, i) => (
          <button key={l.name} onMouseDown={(e) => e.preventDefault()} onClick={() => label(l.name)} style={{ borderColor: color(l.name) }} title={l.description}>
            {i < 9 && <kbd>{i + 1}</kbd>} {l.name}
          </button>
        ))}
      </div>
      {message && <p className="editor-message">{message}</p>}
      <div className="ner-text" ref={box}>
        {segments(chars, entities).map((seg) =>
          seg.entity ? (
            <mark
              key={seg.start}
              data-start={seg.start}
              style={{ background: `${color(seg.entity.label)}33`, borderBottom: `2px solid ${color(seg.entity.label)}` }}
              title={`${seg.entity.label} — click to remove`}
              onClick={() => props.editable && setEntities((es) => es.filter((e) => e !== seg.entity))}
            >
              {seg.text}
              <sup>{seg.entity.label}</sup>
            </mark>
          ) : (
            <span key={seg.start} data-start={seg.start}>
              {seg.text}
            </span>
          ),
        )}
      </div>
    </div>
  );
}
