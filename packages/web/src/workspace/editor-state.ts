import type { GeometryKind } from '@tessera/schema';
import { kindConfig, type EditorConfig } from './scene/config.js';
import { translate } from './scene/geometry.js';
import { canRedo, canUndo, commit, newDocument, redo, undo, type Document } from './scene/history.js';
import { newId } from './scene/ids.js';
import { addShapes, removeShapes, updateShapes, type Patch } from './scene/patches.js';
import type { Scene, Shape } from './scene/types.js';
import { idle, tools, type ToolEvent, type ToolName, type ToolState } from './tools/index.js';

/** Everything the image editor knows. Pure data: the canvas and the panels render it, actions change it. */
export interface EditorState {
  readonly config: EditorConfig;
  readonly doc: Document;
  readonly selection: readonly string[];
  readonly tool: ToolName;
  readonly toolState: ToolState;
  /** The label new shapes of each geometry get, picked with 1..9 or the list. */
  readonly activeLabel: Readonly<Partial<Record<GeometryKind, string>>>;
  readonly message: string | undefined;
  /** When false (a reviewer looking, a lost lease) every change is refused. */
  readonly editable: boolean;
}

export type EditorAction =
  | { type: 'pointer'; event: ToolEvent; tol: number }
  | { type: 'setTool'; tool: ToolName }
  | { type: 'undo' }
  | { type: 'redo' }
  | { type: 'select'; ids: readonly string[] }
  | { type: 'selectNext'; step: 1 | -1 }
  | { type: 'pickLabel'; index: number }
  | { type: 'setLabel'; label: string }
  | { type: 'setAttribute'; id: string; key: string; value: unknown }
  | { type: 'delete' }
  | { type: 'toggleHidden'; ids?: readonly string[] }
  | { type: 'toggleLocked'; ids?: readonly string[] }
  | { type: 'showAll' }
  | { type: 'nudge'; dx: number; dy: number }
  | { type: 'paste'; shapes: readonly Shape[] }
  | { type: 'load'; scene: Scene }
  | { type: 'setEditable'; editable: boolean }
  | { type: 'message'; text: string | undefined };

export function newEditorState(config: EditorConfig, scene: Scene, editable = true): EditorState {
  const first = config.kinds[0]?.kind;
  return {
    config,
    doc: newDocument(scene),
    selection: [],
    tool: first ?? 'select',
    toolState: idle,
    activeLabel: {},
    message: undefined,
    editable,
  };
}

/** The geometry that 1..9 labels: the selected shape's, else the drawing tool's, else the first requested. */
export function labelKind(state: EditorState): GeometryKind | undefined {
  const selected = state.doc.scene.shapes.find((s) => s.id === state.selection[0]);
  if (selected) return selected.kind;
  if (state.tool !== 'select') return state.tool;
  return state.config.kinds[0]?.kind;
}

function withPatch(state: EditorState, patch: Patch | undefined, extra: Partial<EditorState> = {}): EditorState {
  const doc = patch ? commit(state.doc, patch) : state.doc;
  const ids = new Set(doc.scene.shapes.map((s) => s.id));
  const selection = (extra.selection ?? state.selection).filter((id) => ids.has(id));
  return { ...state, ...extra, doc, selection };
}

function targets(state: EditorState, ids?: readonly string[]): Set<string> {
  return new Set(ids ?? state.selection);
}

function applyLabel(state: EditorState, label: string): EditorState {
  const kind = labelKind(state);
  if (!kind) return state;
  if (state.selection.length === 0) return { ...state, activeLabel: { ...state.activeLabel, [kind]: label }, message: undefined };
  const selected = targets(state);
  // A label applies to the selected shapes whose geometry has it; a box label is not a polygon label.
  const patch = updateShapes(
    state.doc.scene,
    selected,
    (s) => (s.locked || s.label === label || !kindConfig(state.config, s.kind)?.pickable.includes(label) ? s : { ...s, label }),
    `label ${label}`,
  );
  return withPatch(state, patch, { activeLabel: { ...state.activeLabel, [kind]: label }, message: undefined });
}

export function editorReducer(state: EditorState, action: EditorAction): EditorState {
  const readOnly = !state.editable;
  switch (action.type) {
    case 'pointer': {
      const toolName = readOnly ? 'select' : state.tool;
      const tool = tools[toolName];
      const ctx = {
        scene: state.doc.scene,
        selection: state.selection,
        config: state.config,
        label: state.activeLabel[toolName as GeometryKind],
        tol: action.tol,
      };
      const result = tool.handle(state.toolState, action.event, ctx);
      // A read-only editor still selects (to inspect a shape) but never changes one.
      if (readOnly) return { ...state, toolState: result.state.mode === 'pointing' ? { ...result.state, target: undefined } : idle, selection: result.select ?? state.selection };
      return withPatch(state, result.patch, {
        toolState: result.state,
        ...(result.select ? { selection: result.select } : {}),
        message: result.message ?? (result.patch ? undefined : state.message),
      });
    }
    case 'setTool':
      if (readOnly && action.tool !== 'select') return state;
      if (action.tool !== 'select' && !kindConfig(state.config, action.tool)) return { ...state, message: `This task does not ask for ${action.tool} annotations.` };
      return { ...state, tool: action.tool, toolState: idle, message: undefined };
    case 'undo':
      return readOnly || !canUndo(state.doc) ? state : withPatch({ ...state, doc: undo(state.doc), toolState: idle }, undefined);
    case 'redo':
      return readOnly || !canRedo(state.doc) ? state : withPatch({ ...state, doc: redo(state.doc), toolState: idle }, undefined);
    case 'select':
      return { ...state, selection: action.ids, toolState: idle };
    case 'selectNext': {
      const visible = state.doc.scene.shapes.filter((s) => !s.hidden);
      if (visible.length === 0) return state;
      const at = visible.findIndex((s) => s.id === state.selection[0]);
      const next = at < 0 ? (action.step > 0 ? 0 : visible.length - 1) : (at + action.step + visible.length) % visible.length;
      return { ...state, selection: [visible[next]!.id] };
    }
    case 'pickLabel': {
      if (readOnly) return state;
      const kind = labelKind(state);
      const label = kind ? kindConfig(state.config, kind)?.pickable[action.index] : undefined;
      return label === undefined ? state : applyLabel(state, label);
    }
    case 'setLabel':
      return readOnly ? state : applyLabel(state, action.label);
    case 'setAttribute': {
      if (readOnly) return state;
      const patch = updateShapes(
        state.doc.scene,
        new Set([action.id]),
        (s) => {
          if (s.locked) return s;
          const attributes = { ...s.attributes };
          if (action.value === undefined) delete attributes[action.key];
          else attributes[action.key] = action.value;
          return { ...s, attributes };
        },
        `set ${action.key}`,
      );
      return withPatch(state, { ...patch, coalesce: `attr:${action.id}:${action.key}` });
    }
    case 'delete': {
      if (readOnly) return state;
      const deletable = state.doc.scene.shapes.filter(
        (s) => state.selection.includes(s.id) && !s.locked && (s.origin !== 'base' || state.config.canDeleteBase),
      );
      if (deletable.length === 0) return state;
      return withPatch(state, removeShapes(state.doc.scene, new Set(deletable.map((s) => s.id)), deletable.length === 1 ? `delete ${deletable[0]!.kind}` : `delete ${deletable.length} shapes`), { selection: [] });
    }
    case 'toggleHidden': {
      const ids = targets(state, action.ids);
      const hide = state.doc.scene.shapes.some((s) => ids.has(s.id) && !s.hidden);
      // Hiding is a view change, allowed even read-only; it still goes through the history so undo restores it.
      return withPatch(state, updateShapes(state.doc.scene, ids, (s) => (Boolean(s.hidden) === hide ? s : { ...s, hidden: hide }), hide ? 'hide' : 'show'), {
        selection: hide ? state.selection.filter((id) => !ids.has(id)) : state.selection,
      });
    }
    case 'showAll':
      return withPatch(state, updateShapes(state.doc.scene, new Set(state.doc.scene.shapes.filter((s) => s.hidden).map((s) => s.id)), (s) => ({ ...s, hidden: false }), 'show all'));
    case 'toggleLocked': {
      if (readOnly) return state;
      const ids = targets(state, action.ids);
      const lock = state.doc.scene.shapes.some((s) => ids.has(s.id) && !s.locked);
      return withPatch(state, updateShapes(state.doc.scene, ids, (s) => (Boolean(s.locked) === lock ? s : { ...s, locked: lock }), lock ? 'lock' : 'unlock'));
    }
    case 'nudge': {
      if (readOnly) return state;
      return withPatch(state, updateShapes(state.doc.scene, targets(state), (s) => (s.locked ? s : translate(s, action.dx, action.dy)), 'nudge'));
    }
    case 'paste': {
      if (readOnly || action.shapes.length === 0) return state;
      const requested = action.shapes.filter((s) => kindConfig(state.config, s.kind));
      // New uuids: an annotation copied from another task is a new annotation of this one.
      const copies = requested.map((s) => ({ ...s, id: newId(), origin: 'copied' as const, hidden: false, locked: false }));
      return withPatch(state, addShapes(state.doc.scene, copies, `copy ${copies.length} shapes from the previous task`), { selection: copies.map((s) => s.id) });
    }
    case 'load':
      return { ...state, doc: newDocument(action.scene), selection: [], toolState: idle };
    case 'setEditable':
      return { ...state, editable: action.editable, toolState: idle, tool: action.editable ? state.tool : 'select' };
    case 'message':
      return { ...state, message: action.text };
  }
}

/** The scene as displayed: the shape being moved or resized replaced by its preview. */
export function previewShape(state: EditorState, tol: number): Shape | undefined {
  const toolName = state.editable ? state.tool : 'select';
  return tools[toolName].preview(state.toolState, {
    scene: state.doc.scene,
    selection: state.selection,
    config: state.config,
    label: state.activeLabel[toolName as GeometryKind],
    tol,
  });
}
