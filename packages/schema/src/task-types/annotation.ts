import { z } from 'zod';
import { defineLegacyType, legacyAnnotations } from './shared/legacy.js';

/** Legacy boxes: `{annotations: [{left, top, width, height, label}]}`. */
export const annotation = defineLegacyType('annotation', legacyAnnotations.box, {
  min_width: z.number().min(0).default(0),
  min_height: z.number().min(0).default(0),
});
