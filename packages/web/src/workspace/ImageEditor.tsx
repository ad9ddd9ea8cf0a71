import { useCallback, useEffect, useMemo, useReducer, useRef, type ReactNode } from 'react';
import { useHotkeys } from '../ui/hotkeys-context.js';
import { ImageCanvas, type Overlay, type ViewportControls } from './canvas/ImageCanvas.js';
import { labelColors } from './canvas/paint.js';
import { editorReducer, labelKind, newEditorState, type EditorAction } from './editor-state.js';
import type { HotkeyAction } from './hotkeys.js';
import { AttributePanel } from './panels/AttributePanel.js';
import { LabelPicker } from './panels/LabelPicker.js';
import { ObjectList } from './panels/ObjectList.js';
import { canRedo, canUndo } from './scene/history.js';
import { kindConfig, labelDisplay, type EditorConfig } from './scene/config.js';
import { shapeBounds } from './scene/geometry.js';
import type { Scene, Shape } from './scene/types.js';
import type { ToolName } from './tools/index.js';
import { useImage } from './use-image.js';

export interface ImageEditorProps {
  config: EditorConfig;
  initial: Scene;
  editable: boolean;
  /** Called with every new scene (drafts, submit). */
  onChange?(scene: Scene): void;
  overlays?: readonly Overlay[];
  /** Shapes of the task done before this one, for "copy from previous task". */
  previousShapes?: (() => readonly Shape[] | undefined) | undefined;
  /** Shown when the image cannot be loaded: the caller skips the task with a reason. */
  onReportImage?: (() => void) | undefined;
  sidebarTop?: ReactNode;
  focusAnnotation?: { index: number; n: number } | undefined;
}

const toolTitles: Record<ToolName, string> = { select: 'Select', box: 'Box', polygon: 'Polygon', line: 'Line', point: 'Point', ellipse: 'Ellipse', cuboid: 'Cuboid' };
const PAN_STEP = 60;

/** The image editor for imageannotation and the legacy 2D types: canvas, tools, labels, attributes, objects. */
export function ImageEditor(props: ImageEditorProps) {
  const { config } = props;
  const [state, dispatch] = useReducer(editorReducer, undefined, () => newEditorState(config, props.initial, props.editable));
  const controls = useRef<ViewportControls | undefined>(undefined);
  const search = useRef<HTMLInputElement>(null);
  const img = useImage(config.attachment);

  useEffect(() => dispatch({ type: 'setEditable', editable: props.editable }), [props.editable]);
  const onChange = props.onChange;
  useEffect(() => onChange?.(state.doc.scene), [state.doc.scene, onChange]);

  // Response order is scene order, so an issue about annotation i is about shape i.
  const focusN = props.focusAnnotation?.n;
  useEffect(() => {
    const index = props.focusAnnotation?.index;
    const shape = index === undefined ? undefined : state.doc.scene.shapes[index];
    if (shape) dispatch({ type: 'select', ids: [shape.id] });
    // Only a new request selects; the scene changing under it does not.
  }, [focusN]);

  // A shape picked from the list or with Tab may be off screen: bring it into view.
  const selectedId = state.selection.length === 1 ? state.selection[0] : undefined;
  useEffect(() => {
    const shape = state.doc.scene.shapes.find((s) => s.id === selectedId);
    if (shape && !shape.hidden) controls.current?.reveal(shapeBounds(shape));
    // Only when the selection changes: moving a shape must not move the view.
  }, [selectedId]);

  const color = useMemo(() => labelColors(config.allLabels.names), [config]);
  const labelText = useCallback((s: Shape) => labelDisplay(config, s.kind, s.label), [config]);

  const handle = useCallback(
    (action: HotkeyAction, e: KeyboardEvent): boolean => {
      const drawing = state.toolState.mode === 'placing';
      const send = (a: EditorAction) => (dispatch(a), true);
      if (action.startsWith('tool.')) return send({ type: 'setTool', tool: action.slice(5) as ToolName });
      if (action.startsWith('label.') && action !== 'label.search') return send({ type: 'pickLabel', index: Number(action.slice(6)) - 1 });
      switch (action) {
        case 'label.search':
          search.current?.focus();
          return true;
        case 'edit.undo':
          return send({ type: 'undo' });
        case 'edit.redo':
          return send({ type: 'redo' });
        case 'edit.delete':
          return send(drawing ? { type: 'pointer', event: { type: 'key', key: 'Backspace' }, tol: 1 } : { type: 'delete' });
        case 'edit.finish':
          return drawing ? send({ type: 'pointer', event: { type: 'key', key: 'Enter' }, tol: 1 }) : false;
        case 'edit.cancel':
          return send({ type: 'pointer', event: { type: 'key', key: 'Escape' }, tol: 1 });
        case 'edit.copyPrevious': {
          const prev = props.previousShapes?.();
          return send(prev && prev.length ? { type: 'paste', shapes: prev } : { type: 'message', text: 'No previous task to copy shapes from.' });
        }
        case 'select.next':
          return send({ type: 'selectNext', step: 1 });
        case 'select.prev':
          return send({ type: 'selectNext', step: -1 });
        case 'shape.hide':
          return send({ type: 'toggleHidden' });
        case 'shape.showAll':
          return send({ type: 'showAll' });
        case 'shape.lock':
          return send({ type: 'toggleLocked' });
        case 'shape.nudgeLeft':
          return send({ type: 'nudge', dx: e.shiftKey ? -10 : -1, dy: 0 });
        case 'shape.nudgeRight':
          return send({ type: 'nudge', dx: e.shiftKey ? 10 : 1, dy: 0 });
        case 'shape.nudgeUp':
          return send({ type: 'nudge', dx: 0, dy: e.shiftKey ? -10 : -1 });
        case 'shape.nudgeDown':
          return send({ type: 'nudge', dx: 0, dy: e.shiftKey ? 10 : 1 });
        case 'view.zoomIn':
          controls.current?.zoom(1.25);
          return true;
        case 'view.zoomOut':
          controls.current?.zoom(0.8);
          return true;
        case 'view.fit':
          controls.current?.fit();
          return true;
        case 'view.panLeft':
          controls.current?.pan(PAN_STEP, 0);
          return true;
        case 'view.panRight':
          controls.current?.pan(-PAN_STEP, 0);
          return true;
        case 'view.panUp':
          controls.current?.pan(0, PAN_STEP);
          return true;
        case 'view.panDown':
          controls.current?.pan(0, -PAN_STEP);
          return true;
        default:
          return false;
      }
    },
    [state.toolState.mode, props],
  );
  useHotkeys(handle);

  const selected = state.doc.scene.shapes.filter((s) => state.selection.includes(s.id));
  const kind = labelKind(state);
  const kindCfg = kind ? kindConfig(config, kind) : undefined;
  const currentLabel = selected[0]?.label ?? (kind ? state.activeLabel[kind] : undefined);

  const onSelect = useCallback((id: string, add: boolean) => dispatch({ type: 'select', ids: add ? [...new Set([...state.selection, id])] : [id] }), [state.selection]);
  const onToggleHidden = useCallback((id: string) => dispatch({ type: 'toggleHidden', ids: [id] }), []);
  const onToggleLocked = useCallback((id: string) => dispatch({ type: 'toggleLocked', ids: [id] }), []);

  return (
    <div className="image-editor" data-testid="image-editor" data-shapes={state.doc.scene.shapes.length} data-image={img.status}>
      <div className="toolbar" role="toolbar">
        {(['select', ...config.kinds.map((k) => k.kind)] as ToolName[]).map((t) => (
          <button key={t} className={state.tool === t ? 'tool active' : 'tool'} disabled={!state.editable && t !== 'select'} onClick={() => dispatch({ type: 'setTool', tool: t })} data-tool={t}>
            {toolTitles[t]}
          </button>
        ))}
        <span className="sep" />
        <button disabled={!state.editable || !canUndo(state.doc)} onClick={() => dispatch({ type: 'undo' })} title={`Undo ${state.doc.past[state.doc.past.length - 1]?.label ?? ''}`} data-testid="undo">
          Undo
        </button>
        <button disabled={!state.editable || !canRedo(state.doc)} onClick={() => dispatch({ type: 'redo' })} data-testid="redo">
          Redo
        </button>
        <span className="sep" />
        <button onClick={() => controls.current?.zoom(1.25)} title="Zoom in (+)">
          +
        </button>
        <button onClick={() => controls.current?.zoom(0.8)} title="Zoom out (−)">
          −
        </button>
        <button onClick={() => controls.current?.fit()} title="Fit to screen (F)">
          Fit
        </button>
        {state.message && (
          <span className="editor-message" role="status" data-testid="editor-message">
            {state.message}
          </span>
        )}
      </div>
      <div className="editor-main">
        <div className="canvas-wrap">
          <ImageCanvas state={state} dispatch={dispatch} image={img.status === 'loaded' ? img.image : undefined} color={color} overlays={props.overlays} controls={controls} />
          {img.status === 'loading' && <div className="canvas-notice">Loading image…</div>}
          {img.status === 'error' && (
            <div className="canvas-notice error" role="alert" data-testid="image-error">
              <p>
                The image could not be loaded:
                <br />
                <code>{img.url || '(no attachment)'}</code>
              </p>
              {props.onReportImage && <button onClick={props.onReportImage}>Report problem and skip</button>}
            </div>
          )}
        </div>
        <aside className="sidebar">
          {props.sidebarTop}
          <section>
            <h3>Label {kind && <span className="muted">({kind})</span>}</h3>
            <LabelPicker ref={search} kind={kindCfg} current={currentLabel} disabled={!state.editable} onPick={(label) => dispatch({ type: 'setLabel', label })} />
          </section>
          {selected.length === 1 && (
            <section>
              <h3>Attributes</h3>
              <AttributePanel
                config={config}
                shape={selected[0]!}
                shapes={state.doc.scene.shapes}
                editable={state.editable}
                onChange={(key, value) => dispatch({ type: 'setAttribute', id: selected[0]!.id, key, value })}
              />
            </section>
          )}
          <ObjectList
            shapes={state.doc.scene.shapes}
            selection={state.selection}
            color={color}
            labelText={labelText}
            onSelect={onSelect}
            onToggleHidden={onToggleHidden}
            onToggleLocked={onToggleLocked}
          />
        </aside>
      </div>
    </div>
  );
}
