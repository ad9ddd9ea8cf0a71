import { z } from 'zod';
import { AttachmentUrl } from './shared/attachment.js';
import { defineTaskType } from './shared/define.js';
import { annotationSpecFields, baseAnnotationFields, checkAnnotationSpec, checkBaseAnnotations } from './shared/editor-params.js';
import { ImageAnnotationResponse, checkImageAnnotations, prepareRules } from './shared/image-annotations.js';
import { report, under } from './shared/issues.js';

export const ImageAnnotationParams = z
  .looseObject({
    attachment: AttachmentUrl,
    attachment_type: z.literal('image').default('image'),
    ...annotationSpecFields,
    ...baseAnnotationFields,
    hypothesis: ImageAnnotationResponse.optional(),
  })
  .superRefine((p, ctx) => report(ctx, [...checkAnnotationSpec(p), ...checkBaseAnnotations(p)]));
export type ImageAnnotationParams = z.output<typeof ImageAnnotationParams>;

/** Boxes, polygons, lines, points, ellipses and cuboids on one image. */
export const imageannotation = defineTaskType({
  type: 'imageannotation',
  params: ImageAnnotationParams,
  response: ImageAnnotationResponse,
  check: (p, r) => under(['annotations'], checkImageAnnotations(prepareRules(p), r.annotations)),
  empty: () => ({ annotations: [], links: [], global_attributes: {} }),
});
