import { applyPatch, invertPatch, isEmptyPatch, type Patch } from './patches.js';
import type { Scene } from './types.js';

/** The scene with its undo and redo stacks. Pure: every call returns a new value. */
export interface Document {
  readonly scene: Scene;
  readonly past: readonly Patch[];
  readonly future: readonly Patch[];
}

/** Enough for a working day on one task; the oldest steps drop off past it. */
export const HISTORY_LIMIT = 500;

export function newDocument(scene: Scene): Document {
  return { scene, past: [], future: [] };
}

/** Applies a user's change as one undoable step; a new change clears the redo stack. */
export function commit(doc: Document, patch: Patch): Document {
  if (isEmptyPatch(patch)) return doc;
  const last = doc.past[doc.past.length - 1];
  if (last && patch.coalesce !== undefined && last.coalesce === patch.coalesce) {
    return { scene: applyPatch(doc.scene, patch), past: [...doc.past.slice(0, -1), merge(last, patch)], future: [] };
  }
  const past = doc.past.length >= HISTORY_LIMIT ? doc.past.slice(1) : doc.past;
  return { scene: applyPatch(doc.scene, patch), past: [...past, patch], future: [] };
}

export function undo(doc: Document): Document {
  const last = doc.past[doc.past.length - 1];
  if (!last) return doc;
  return { scene: applyPatch(doc.scene, invertPatch(last)), past: doc.past.slice(0, -1), future: [last, ...doc.future] };
}

export function redo(doc: Document): Document {
  const next = doc.future[0];
  if (!next) return doc;
  return { scene: applyPatch(doc.scene, next), past: [...doc.past, next], future: doc.future.slice(1) };
}

export const canUndo = (doc: Document): boolean => doc.past.length > 0;
export const canRedo = (doc: Document): boolean => doc.future.length > 0;

/** Two updates of the same shapes as one: the first's "before", the second's "after". */
function merge(first: Patch, second: Patch): Patch {
  const ops = first.ops.map((op) => {
    if (op.op !== 'update') return op;
    const later = second.ops.find((o) => o.op === 'update' && o.before.id === op.before.id);
    return later && later.op === 'update' ? { ...op, after: later.after } : op;
  });
  return { ...first, ops };
}
