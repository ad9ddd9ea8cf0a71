import { z } from 'zod';
import { defineLegacyType, legacyAnnotations } from './shared/legacy.js';

/** Legacy polygons: `{annotations: [{vertices: [{x, y}, …], label}]}`. */
export const polygonannotation = defineLegacyType('polygonannotation', legacyAnnotations.vertices, {
  min_vertices: z.number().int().min(1).optional(),
  max_vertices: z.number().int().min(1).nullable().optional(),
});
