import { shapeBounds, iou } from '../workspace/scene/geometry.js';
import type { Shape } from '../workspace/scene/types.js';

export interface AnnotatorAnswer {
  who: string;
  shapes: readonly Shape[];
}

export interface AnnotatorDiff {
  who: string;
  shapes: readonly Shape[];
  /** Shapes no other annotator has a match for (same kind and label, overlapping at `threshold` IoU). */
  unmatched: readonly Shape[];
  /** Shapes matched by another annotator, but with another label. */
  relabelled: readonly Shape[];
}

function overlaps(a: Shape, b: Shape, threshold: number): boolean {
  if (a.kind !== b.kind) return false;
  const ra = shapeBounds(a);
  const rb = shapeBounds(b);
  // Points and degenerate shapes have no area: compare by distance instead.
  if (ra.w * ra.h === 0 || rb.w * rb.h === 0) return Math.hypot(ra.x - rb.x, ra.y - rb.y) <= 5;
  return iou(ra, rb) >= threshold;
}

/**
 * Where annotators disagree: for each one, the shapes nobody else drew and the ones others drew with
 * another label. The reviewer sees these first instead of hunting for them among the agreements.
 */
export function diffAnswers(answers: readonly AnnotatorAnswer[], threshold = 0.5): AnnotatorDiff[] {
  return answers.map((mine, i) => {
    const others = answers.filter((_, j) => j !== i).flatMap((a) => a.shapes);
    const unmatched: Shape[] = [];
    const relabelled: Shape[] = [];
    for (const s of mine.shapes) {
      const near = others.filter((o) => overlaps(s, o, threshold));
      if (near.length === 0) unmatched.push(s);
      else if (!near.some((o) => o.label === s.label)) relabelled.push(s);
    }
    return { who: mine.who, shapes: mine.shapes, unmatched, relabelled };
  });
}

export const annotatorColors = ['#00c2ff', '#ffb000', '#ff3d7f', '#7cff4d', '#b388ff'];
