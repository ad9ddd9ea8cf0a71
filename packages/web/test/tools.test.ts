import { describe, expect, it } from 'vitest';
import { editorReducer, newEditorState, type EditorAction, type EditorState } from '../src/workspace/editor-state.js';
import type { Pt } from '../src/workspace/scene/types.js';
import { config } from './fixtures.js';

const tol = 4;
function run(state: EditorState, ...actions: EditorAction[]): EditorState {
  return actions.reduce(editorReducer, state);
}
const down = (p: Pt, extra: { shift?: boolean; alt?: boolean } = {}): EditorAction => ({ type: 'pointer', event: { type: 'down', p, ...extra }, tol });
const move = (p: Pt): EditorAction => ({ type: 'pointer', event: { type: 'move', p }, tol });
const up = (p: Pt): EditorAction => ({ type: 'pointer', event: { type: 'up', p }, tol });
const drag = (a: Pt, b: Pt): EditorAction[] => [down(a), move({ x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 }), move(b), up(b)];
const fresh = () => newEditorState(config, { shapes: [] });
const vertices = (s: EditorState) => { const shape = s.doc.scene.shapes[0]; return shape && 'points' in shape ? shape.points : []; };

describe('box tool', () => {
  it('idle → sizing → committed box on release, selected, one undo step', () => {
    let s = fresh();
    expect(s.tool).toBe('box');
    s = run(s, down({ x: 10, y: 20 }), move({ x: 50, y: 60 }));
    expect(s.toolState.mode).toBe('sizing');
    expect(s.doc.scene.shapes).toHaveLength(0);
    s = run(s, up({ x: 110, y: 70 }));
    expect(s.toolState.mode).toBe('idle');
    expect(s.doc.scene.shapes).toMatchObject([{ kind: 'box', x: 10, y: 20, w: 100, h: 50 }]);
    expect(s.selection).toEqual([s.doc.scene.shapes[0]!.id]);
    expect(s.doc.past).toHaveLength(1);
  });

  it('draws from any corner', () => {
    const s = run(fresh(), ...drag({ x: 110, y: 70 }, { x: 10, y: 20 }));
    expect(s.doc.scene.shapes[0]).toMatchObject({ x: 10, y: 20, w: 100, h: 50 });
  });

  it('refuses a box under min_width/min_height and says why', () => {
    const s = run(fresh(), ...drag({ x: 10, y: 10 }, { x: 40, y: 13 }));
    expect(s.doc.scene.shapes).toHaveLength(0);
    expect(s.message).toMatch(/at least 5 × 5/);
  });

  it('labels the selected box with a hotkey, and new boxes get the picked label', () => {
    let s = run(fresh(), ...drag({ x: 0, y: 0 }, { x: 20, y: 20 }), { type: 'pickLabel', index: 1 });
    // person has subchoices and parents are not allowed: the pickable list is car, adult, child.
    expect(s.doc.scene.shapes[0]!.label).toBe('adult');
    s = run(s, { type: 'select', ids: [] }, { type: 'pickLabel', index: 0 }, ...drag({ x: 100, y: 100 }, { x: 130, y: 130 }));
    expect(s.doc.scene.shapes[1]!.label).toBe('car');
  });
});

describe('select tool', () => {
  const withBox = () => run(fresh(), ...drag({ x: 10, y: 10 }, { x: 110, y: 60 }), { type: 'setTool', tool: 'select' }, { type: 'select', ids: [] });

  it('selects on click, moves on drag (one undo step), and undo puts it back', () => {
    let s = withBox();
    s = run(s, down({ x: 50, y: 30 }));
    expect(s.selection).toHaveLength(1);
    s = run(s, move({ x: 60, y: 40 }), move({ x: 70, y: 50 }));
    expect(s.toolState.mode).toBe('dragging');
    expect(s.doc.scene.shapes[0]).toMatchObject({ x: 10, y: 10 });
    s = run(s, up({ x: 70, y: 50 }));
    expect(s.doc.scene.shapes[0]).toMatchObject({ x: 30, y: 30, w: 100, h: 50 });
    s = run(s, { type: 'undo' });
    expect(s.doc.scene.shapes[0]).toMatchObject({ x: 10, y: 10 });
  });

  it('resizes by a corner handle and never below the minimum size', () => {
    let s = withBox();
    s = run(s, down({ x: 50, y: 30 }), up({ x: 50, y: 30 }));
    s = run(s, ...drag({ x: 110, y: 60 }, { x: 150, y: 90 }));
    expect(s.doc.scene.shapes[0]).toMatchObject({ x: 10, y: 10, w: 140, h: 80 });
    s = run(s, ...drag({ x: 150, y: 90 }, { x: 11, y: 11 }));
    expect(s.doc.scene.shapes[0]).toMatchObject({ x: 10, y: 10, w: 5, h: 5 });
  });

  it('clicking empty space deselects; locked shapes do not move; delete removes', () => {
    let s = withBox();
    s = run(s, down({ x: 50, y: 30 }), up({ x: 50, y: 30 }), { type: 'toggleLocked' }, ...drag({ x: 50, y: 30 }, { x: 90, y: 90 }));
    expect(s.doc.scene.shapes[0]).toMatchObject({ x: 10, y: 10, locked: true });
    s = run(s, { type: 'delete' });
    expect(s.doc.scene.shapes).toHaveLength(1);
    s = run(s, { type: 'toggleLocked' }, { type: 'delete' });
    expect(s.doc.scene.shapes).toHaveLength(0);
    s = run(s, { type: 'undo' }, down({ x: 500, y: 500 }));
    expect(s.selection).toEqual([]);
  });
});

describe('polygon tool', () => {
  const start = () => run(fresh(), { type: 'setTool', tool: 'polygon' });

  it('places vertices and closes on the first vertex', () => {
    const s = run(start(), down({ x: 0, y: 0 }), up({ x: 0, y: 0 }), down({ x: 100, y: 0 }), down({ x: 100, y: 100 }), down({ x: 1, y: 1 }));
    expect(s.doc.scene.shapes).toMatchObject([{ kind: 'polygon', points: [{ x: 0, y: 0 }, { x: 100, y: 0 }, { x: 100, y: 100 }] }]);
  });

  it('will not finish below min_vertices, and finishes by itself at max_vertices', () => {
    let s = run(start(), down({ x: 0, y: 0 }), down({ x: 100, y: 0 }), { type: 'pointer', event: { type: 'key', key: 'Enter' }, tol });
    expect(s.doc.scene.shapes).toHaveLength(0);
    expect(s.message).toMatch(/at least 3/);
    s = run(s, down({ x: 100, y: 100 }), down({ x: 50, y: 150 }), down({ x: 0, y: 100 }));
    expect(s.doc.scene.shapes[0]).toMatchObject({ kind: 'polygon' });
    expect(vertices(s)).toHaveLength(5);
  });

  it('backspace takes back a vertex; escape cancels', () => {
    let s = run(start(), down({ x: 0, y: 0 }), down({ x: 100, y: 0 }), { type: 'pointer', event: { type: 'key', key: 'Backspace' }, tol });
    expect(s.toolState).toMatchObject({ mode: 'placing', points: [{ x: 0, y: 0 }] });
    s = run(s, { type: 'pointer', event: { type: 'key', key: 'Escape' }, tol });
    expect(s.toolState.mode).toBe('idle');
  });

  it('adds a vertex on an edge by double click (up to max_vertices) and deletes one by alt-click (down to min_vertices)', () => {
    let s = run(start(), down({ x: 0, y: 0 }), down({ x: 100, y: 0 }), down({ x: 100, y: 100 }), down({ x: 0, y: 100 }), { type: 'pointer', event: { type: 'key', key: 'Enter' }, tol });
    s = run(s, { type: 'setTool', tool: 'select' }, { type: 'pointer', event: { type: 'dblclick', p: { x: 50, y: 0 } }, tol });
    expect(vertices(s)).toHaveLength(5);
    s = run(s, { type: 'pointer', event: { type: 'dblclick', p: { x: 50, y: 100 } }, tol });
    expect(s.message).toMatch(/at most 5/);
    s = run(s, down({ x: 50, y: 0 }, { alt: true }), down({ x: 100, y: 0 }, { alt: true }));
    expect(vertices(s)).toHaveLength(3);
    s = run(s, down({ x: 100, y: 100 }, { alt: true }));
    expect(s.message).toMatch(/at least 3/);
    expect(s.doc.past).toHaveLength(4);
  });
});

describe('editor actions', () => {
  it('hides and shows, copies shapes from another task with new uuids, and a read-only editor changes nothing', () => {
    let s = run(fresh(), ...drag({ x: 0, y: 0 }, { x: 20, y: 20 }));
    const shape = s.doc.scene.shapes[0]!;
    s = run(s, { type: 'toggleHidden' });
    expect(s.doc.scene.shapes[0]!.hidden).toBe(true);
    s = run(s, { type: 'showAll' }, { type: 'paste', shapes: [shape] });
    expect(s.doc.scene.shapes).toHaveLength(2);
    expect(s.doc.scene.shapes[1]!.id).not.toBe(shape.id);
    const ro = run(s, { type: 'setEditable', editable: false });
    expect(run(ro, { type: 'delete' }, { type: 'undo' }, ...drag({ x: 200, y: 200 }, { x: 250, y: 250 })).doc).toBe(ro.doc);
  });
});
