import { isDeepStrictEqual } from 'node:util';
import { annotationsOf, matchShapes, toShape, type Shape } from './geometry.js';

export interface Merged {
  response: unknown;
  /** False when some answer had no majority behind it: a person should look. */
  agreed: boolean;
}

/**
 * Merges several annotators' answers to one task. Shapes are matched across annotators by IoU; a shape
 * drawn by a majority is kept (boxes averaged), one drawn by a minority is dropped and flags a
 * disagreement. Classifications and anything else go by majority of equal answers.
 */
export function mergeAnswers(responses: unknown[], iouThreshold: number): Merged {
  if (responses.length === 1) return { response: responses[0], agreed: true };
  const lists = responses.map(annotationsOf);
  if (lists.every((l): l is unknown[] => l !== undefined)) {
    const shapes = lists.map((l) => l.map(toShape));
    if (shapes.every((s) => s.every((x): x is Shape => x !== undefined))) {
      return mergeShapes(responses, shapes as Shape[][], iouThreshold);
    }
  }
  return majority(responses);
}

function majority(responses: unknown[]): Merged {
  const groups: { value: unknown; votes: number }[] = [];
  for (const r of responses) {
    const group = groups.find((g) => isDeepStrictEqual(g.value, normalize(r)));
    if (group) group.votes += 1;
    else groups.push({ value: normalize(r), votes: 1 });
  }
  groups.sort((a, b) => b.votes - a.votes);
  const top = groups[0]!;
  const winner = responses.find((r) => isDeepStrictEqual(normalize(r), top.value));
  return { response: winner, agreed: top.votes * 2 > responses.length };
}

/** Multi-choice answers agree whatever order the choices were picked in. */
function normalize(r: unknown): unknown {
  if (typeof r !== 'object' || r === null || Array.isArray(r)) return r;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(r)) out[k] = Array.isArray(v) && v.every((x) => typeof x === 'string') ? [...v].sort() : v;
  return out;
}

function mergeShapes(responses: unknown[], shapes: Shape[][], threshold: number): Merged {
  const n = shapes.length;
  // Clusters seeded by every annotator in turn, so a shape the first annotator missed still forms one.
  const clusters: Shape[][] = [];
  const claimed = shapes.map((s) => new Array<boolean>(s.length).fill(false));
  for (let a = 0; a < n; a++) {
    for (let i = 0; i < shapes[a]!.length; i++) {
      if (claimed[a]![i]) continue;
      claimed[a]![i] = true;
      const cluster = [shapes[a]![i]!];
      for (let b = a + 1; b < n; b++) {
        const free = shapes[b]!.map((s, j) => ({ s, j })).filter(({ j }) => !claimed[b]![j]);
        const { pairs } = matchShapes([shapes[a]![i]!], free.map((f) => f.s), threshold);
        const best = pairs[0];
        if (best) {
          const { s, j } = free[best[1]]!;
          claimed[b]![j] = true;
          cluster.push(s);
        }
      }
      clusters.push(cluster);
    }
  }
  const kept = clusters.filter((c) => c.length * 2 > n);
  const agreed = kept.length === clusters.length;
  const base = responses[0] as Record<string, unknown>;
  return { response: { ...base, annotations: kept.map(average) }, agreed };
}

/** A cluster's representative: boxes are averaged; other shapes keep the first drawing. */
function average(cluster: Shape[]): Record<string, unknown> {
  const first = cluster[0]!.source;
  if (cluster[0]!.type !== 'box' || typeof first.left !== 'number') return first;
  const mean = (key: 'left' | 'top' | 'width' | 'height') => cluster.reduce((sum, s) => sum + (s.source[key] as number), 0) / cluster.length;
  return { ...first, left: mean('left'), top: mean('top'), width: mean('width'), height: mean('height') };
}
