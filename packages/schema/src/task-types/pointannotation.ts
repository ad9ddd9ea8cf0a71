import { defineLegacyType, legacyAnnotations } from './shared/legacy.js';

/** Legacy points: `{annotations: [{x, y, label}]}`. */
export const pointannotation = defineLegacyType('pointannotation', legacyAnnotations.point, {});
