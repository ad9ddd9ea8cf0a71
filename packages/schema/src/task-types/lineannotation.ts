import { z } from 'zod';
import { defineLegacyType, legacyAnnotations } from './shared/legacy.js';

/** Legacy lines; Scale fills `splines: false` (curves drawn as straight segments). */
export const lineannotation = defineLegacyType('lineannotation', legacyAnnotations.vertices, {
  splines: z.boolean().default(false),
  min_vertices: z.number().int().min(1).optional(),
  max_vertices: z.number().int().min(1).nullable().optional(),
});
