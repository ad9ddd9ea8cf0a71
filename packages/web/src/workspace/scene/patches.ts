import type { Scene, Shape } from './types.js';

/**
 * One change to the scene. Each op carries what it needs to be undone (the shape before), so
 * undo is applying the inverse, never re-deriving state.
 */
export type PatchOp =
  | { op: 'add'; shape: Shape; index: number }
  | { op: 'remove'; shape: Shape; index: number }
  | { op: 'update'; before: Shape; after: Shape };

/** A user action: applied and undone as one step. */
export interface Patch {
  ops: readonly PatchOp[];
  /** What the step did, for the undo button's tooltip and the tests. */
  label: string;
  /**
   * Consecutive patches with the same key merge into one undo step: typing "40" into a field is one
   * change, not two.
   */
  coalesce?: string | undefined;
}

export function applyPatch(scene: Scene, patch: Patch): Scene {
  let shapes = scene.shapes.slice();
  for (const op of patch.ops) {
    switch (op.op) {
      case 'add':
        shapes.splice(Math.min(op.index, shapes.length), 0, op.shape);
        break;
      case 'remove': {
        const at = shapes.findIndex((s) => s.id === op.shape.id);
        if (at >= 0) shapes.splice(at, 1);
        break;
      }
      case 'update': {
        const at = shapes.findIndex((s) => s.id === op.before.id);
        if (at >= 0) shapes[at] = op.after;
        break;
      }
    }
  }
  if (shapes.length === scene.shapes.length && shapes.every((s, i) => s === scene.shapes[i])) shapes = scene.shapes as Shape[];
  return { ...scene, shapes };
}

export function invertPatch(patch: Patch): Patch {
  const ops = patch.ops
    .map((op): PatchOp => {
      switch (op.op) {
        case 'add':
          return { op: 'remove', shape: op.shape, index: op.index };
        case 'remove':
          return { op: 'add', shape: op.shape, index: op.index };
        case 'update':
          return { op: 'update', before: op.after, after: op.before };
      }
    })
    .reverse();
  return { ops, label: patch.label };
}

// Builders: every editor action goes through one of these, so each yields exactly one undo step.

export function addShapes(scene: Scene, shapes: readonly Shape[], label = shapes.length === 1 ? `add ${shapes[0]!.kind}` : `add ${shapes.length} shapes`): Patch {
  return { label, ops: shapes.map((shape, i) => ({ op: 'add', shape, index: scene.shapes.length + i })) };
}

export function removeShapes(scene: Scene, ids: ReadonlySet<string>, label = 'delete'): Patch {
  const ops: PatchOp[] = [];
  scene.shapes.forEach((shape, index) => {
    if (ids.has(shape.id)) ops.push({ op: 'remove', shape, index });
  });
  // Removed from the end first, so each recorded index is still right when the inverse re-adds in reverse.
  return { label, ops: ops.reverse() };
}

export function updateShapes(scene: Scene, ids: ReadonlySet<string>, change: (s: Shape) => Shape, label: string): Patch {
  const ops: PatchOp[] = [];
  for (const before of scene.shapes) {
    if (!ids.has(before.id)) continue;
    const after = change(before);
    if (after !== before) ops.push({ op: 'update', before, after });
  }
  return { label, ops };
}

export function replaceShape(before: Shape, after: Shape, label: string): Patch {
  return { label, ops: [{ op: 'update', before, after }] };
}

export function isEmptyPatch(patch: Patch): boolean {
  return patch.ops.length === 0;
}
