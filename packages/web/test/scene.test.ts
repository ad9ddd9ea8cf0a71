import { describe, expect, it } from 'vitest';
import { canRedo, canUndo, commit, newDocument, redo, undo } from '../src/workspace/scene/history.js';
import { addShapes, applyPatch, invertPatch, removeShapes, updateShapes } from '../src/workspace/scene/patches.js';
import type { Scene, Shape } from '../src/workspace/scene/types.js';

const box = (id: string, x = 0): Shape => ({ id, kind: 'box', x, y: 0, w: 10, h: 10, attributes: {}, origin: 'drawn' });
const scene: Scene = { shapes: [box('a'), box('b'), box('c'), box('d')] };

describe('scene patches', () => {
  it('adds, removes and updates, and each inverse restores the scene exactly', () => {
    const patches = [
      addShapes(scene, [box('e'), box('f')]),
      removeShapes(scene, new Set(['b', 'd'])),
      updateShapes(scene, new Set(['a', 'c']), (s) => ({ ...s, label: 'car' }), 'label'),
    ];
    for (const p of patches) {
      const after = applyPatch(scene, p);
      expect(after).not.toEqual(scene);
      expect(applyPatch(after, invertPatch(p))).toEqual(scene);
    }
    expect(applyPatch(scene, patches[1]!).shapes.map((s) => s.id)).toEqual(['a', 'c']);
  });

  it('keeps the same array when a patch changes nothing', () => {
    expect(applyPatch(scene, updateShapes(scene, new Set(['a']), (s) => s, 'noop')).shapes).toBe(scene.shapes);
  });
});

describe('undo stack', () => {
  it('undoes and redoes step by step, and a new change clears redo', () => {
    let doc = newDocument(scene);
    doc = commit(doc, addShapes(doc.scene, [box('e')]));
    doc = commit(doc, removeShapes(doc.scene, new Set(['a'])));
    expect(doc.scene.shapes.map((s) => s.id)).toEqual(['b', 'c', 'd', 'e']);
    doc = undo(doc);
    expect(doc.scene.shapes.map((s) => s.id)).toEqual(['a', 'b', 'c', 'd', 'e']);
    doc = undo(doc);
    expect(doc.scene).toEqual(scene);
    expect(canUndo(doc)).toBe(false);
    doc = redo(doc);
    expect(doc.scene.shapes.map((s) => s.id)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(canRedo(doc)).toBe(true);
    doc = commit(doc, updateShapes(doc.scene, new Set(['e']), (s) => ({ ...s, label: 'x' }), 'label'));
    expect(canRedo(doc)).toBe(false);
    expect(undo(undo(undo(doc))).scene).toEqual(scene);
  });

  it('ignores empty patches (a click that changed nothing is not an undo step)', () => {
    const doc = commit(newDocument(scene), { ops: [], label: 'nothing' });
    expect(doc.past).toHaveLength(0);
  });
});

describe('undo steps for typing', () => {
  it('merges consecutive edits of one field into one step, but not edits of different fields', () => {
    const set = (doc: ReturnType<typeof newDocument>, key: string, value: unknown) =>
      commit(doc, { ...updateShapes(doc.scene, new Set(['a']), (s) => ({ ...s, attributes: { ...s.attributes, [key]: value } }), `set ${key}`), coalesce: `a:${key}` });
    let doc = newDocument(scene);
    doc = set(doc, 'n', 4);
    doc = set(doc, 'n', 40);
    doc = set(doc, 'm', 'x');
    expect(doc.past).toHaveLength(2);
    doc = undo(doc);
    expect(doc.scene.shapes[0]!.attributes).toEqual({ n: 40 });
    doc = undo(doc);
    expect(doc.scene).toEqual(scene);
  });
});
