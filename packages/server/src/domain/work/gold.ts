import { isDeepStrictEqual } from 'node:util';
import { annotationsOf, matchShapes, toShape, type Shape } from './geometry.js';

/** Shapes count as the same object at this overlap or more when scoring against gold. */
const GOLD_IOU = 0.5;

/**
 * How close an answer is to a gold task's expected response, 0..1: for shapes, the IoU of matched
 * pairs summed over the larger of the two sets (a missed or extra shape counts 0); for anything else,
 * 1 for an exact match (choices in any order) and 0 otherwise.
 */
export function goldScore(expected: unknown, given: unknown): number {
  const e = annotationsOf(expected)?.map(toShape);
  const g = annotationsOf(given)?.map(toShape);
  if (e && g && e.every((x): x is Shape => x !== undefined) && g.every((x): x is Shape => x !== undefined)) {
    if (e.length === 0 && g.length === 0) return 1;
    const { pairs } = matchShapes(e, g, GOLD_IOU);
    return pairs.reduce((sum, [, , score]) => sum + score, 0) / Math.max(e.length, g.length);
  }
  return isDeepStrictEqual(sorted(expected), sorted(given)) ? 1 : 0;
}

function sorted(v: unknown): unknown {
  if (Array.isArray(v)) return v.every((x) => typeof x === 'string') ? [...v].sort() : v.map(sorted);
  if (typeof v === 'object' && v !== null) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, sorted(x)]));
  return v;
}

export interface Quality {
  goldAnswers: number;
  score: number;
}

/** The rolling score: a plain mean over the first 20 answers, then an exponential average of the same weight. */
export function updateQuality(q: Quality, score: number): Quality {
  const goldAnswers = q.goldAnswers + 1;
  const weight = 1 / Math.min(goldAnswers, 20);
  return { goldAnswers, score: q.score + (score - q.score) * weight };
}

export function isBelowThreshold(q: Quality, threshold: number, minAnswers: number): boolean {
  return threshold > 0 && q.goldAnswers >= minAnswers && q.score < threshold;
}
