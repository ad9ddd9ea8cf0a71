import { z } from 'zod';
import { defineLegacyType, legacyAnnotations } from './shared/legacy.js';

/** Legacy 2D cuboids: named corner vertices (face-topleft … side-bottomcorner) per annotation. */
export const cuboidannotation = defineLegacyType('cuboidannotation', legacyAnnotations.cuboid, {
  min_width: z.number().min(0).default(0),
  min_height: z.number().min(0).default(0),
});
