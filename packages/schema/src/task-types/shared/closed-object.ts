import { z } from 'zod';
import { isPlainObject, listOf } from './issues.js';

/**
 * An object whose keys are a fixed vocabulary (geometry kinds, layer kinds). A misspelt key would
 * otherwise be dropped silently and change what the task asks for, so it is a 400 that says what the
 * key is not, e.g. `"geometries.hexagon" is not a known geometry (expected box, polygon, …)`.
 */
export function closedObject<S extends z.ZodRawShape>(shape: S, noun: string) {
  const known = Object.keys(shape);
  return z.preprocess((value, ctx) => {
    if (isPlainObject(value)) {
      for (const key of Object.keys(value)) {
        if (!known.includes(key)) {
          ctx.addIssue({ code: 'custom', path: [key], message: `is not a known ${noun} (expected ${listOf(known)})` });
        }
      }
    }
    return value;
  }, z.object(shape));
}
