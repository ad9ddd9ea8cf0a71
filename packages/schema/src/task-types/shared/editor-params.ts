import { z } from 'zod';
import { AttachmentUrl } from './attachment.js';
import { AnnotationAttributes, checkAttributeDefinitions } from './attributes.js';
import { closedObject } from './closed-object.js';
import { Geometries, checkGeometries, geometryLabels } from './geometries.js';
import { ImageAnnotationList, Vertex, checkImageAnnotations, prepareRules, type AnnotationRules } from './image-annotations.js';
import { under, type Issue } from './issues.js';

/** Read-only overlays drawn under the annotator's work; they are never part of the response. */
export const Layers = closedObject(
  {
    boxes: z.array(z.looseObject({ left: z.number(), top: z.number(), width: z.number().min(0), height: z.number().min(0) })).optional(),
    polygons: z.array(z.looseObject({ vertices: z.array(Vertex).min(1) })).optional(),
    lines: z.array(z.looseObject({ vertices: z.array(Vertex).min(1) })).optional(),
    points: z.array(z.looseObject({ x: z.number(), y: z.number() })).optional(),
    ellipses: z.array(z.looseObject({})).optional(),
  },
  'layer kind',
);

const padding = z.number().min(0).optional();

/** What to draw and how: shared by every annotation editor (image and video). */
export const annotationSpecFields = {
  geometries: Geometries,
  annotation_attributes: AnnotationAttributes.optional(),
  /** Lets an annotation carry a label that has subchoices. */
  allow_parent_labels: z.boolean().optional(),
  /** Relationships between annotations; their shape is not pinned down in Scale's docs, so kept as given. */
  links: z.union([z.array(z.unknown()), z.record(z.string(), z.unknown())]).optional(),
  layers: Layers.optional(),
  padding,
  paddingX: padding,
  paddingY: padding,
  context_attachments: z.array(z.looseObject({ attachment: AttachmentUrl })).optional(),
};

/** Pre-existing annotations the annotator starts from, and what they may do to them. */
export const baseAnnotationFields = {
  base_annotations: ImageAnnotationList.optional(),
  can_add_base_annotations: z.boolean().optional(),
  can_edit_base_annotations: z.boolean().optional(),
  can_edit_base_annotation_labels: z.boolean().optional(),
  can_delete_base_annotations: z.boolean().optional(),
};

/**
 * Create-time cross-field rules of an annotation spec: geometry limits, attribute conditions against
 * the geometries' labels. Paths are relative to params.
 */
export function checkAnnotationSpec(p: AnnotationRules): Issue[] {
  const issues = under(['geometries'], checkGeometries(p.geometries));
  if (p.annotation_attributes) {
    issues.push(...under(['annotation_attributes'], checkAttributeDefinitions(p.annotation_attributes, geometryLabels(p.geometries).all)));
  }
  return issues;
}

/** base_annotations follow the same rules as answers, so the editor never starts from an invalid state. */
export function checkBaseAnnotations(p: AnnotationRules & { base_annotations?: z.output<typeof ImageAnnotationList> | undefined }): Issue[] {
  if (!p.base_annotations) return [];
  return under(['base_annotations', 'annotations'], checkImageAnnotations(prepareRules(p), p.base_annotations.annotations));
}
