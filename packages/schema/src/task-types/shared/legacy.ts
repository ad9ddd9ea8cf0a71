import { z } from 'zod';
import type { TaskTypeDefinition } from '../definition.js';
import { AttachmentUrl } from './attachment.js';
import { AnnotationAttributes } from './attributes.js';
import { defineTaskType } from './define.js';
import { checkAnnotationSpec } from './editor-params.js';
import type { Geometries, GeometryKind } from './geometries.js';
import { ImageAnnotationResponse, checkImageAnnotations, prepareRules, type AnnotationRules } from './image-annotations.js';
import { report, under } from './issues.js';
import { LabelList } from './labels.js';

/**
 * The pre-2020 single-geometry types (annotation, polygonannotation, …). Each is an imageannotation
 * with one geometry and a flatter params/response shape, so their rules are checked by converting to
 * imageannotation; the web app uses the same conversion to edit them in the one image editor.
 */
export type LegacyType = 'annotation' | 'polygonannotation' | 'lineannotation' | 'pointannotation' | 'cuboidannotation';
export const legacyGeometry: Readonly<Record<LegacyType, GeometryKind>> = {
  annotation: 'box',
  polygonannotation: 'polygon',
  lineannotation: 'line',
  pointannotation: 'point',
  cuboidannotation: 'cuboid',
};

export function isLegacyType(type: string): type is LegacyType {
  return Object.hasOwn(legacyGeometry, type);
}

const legacyAnnotationBase = {
  uuid: z.string().min(1).optional(),
  label: z.string().optional(),
  attributes: z.record(z.string(), z.unknown()).optional(),
};
const xy = z.looseObject({ x: z.number(), y: z.number() });

/** Legacy annotations: the imageannotation shapes without `type` (the task type says it). */
export const legacyAnnotations = {
  box: z.looseObject({ ...legacyAnnotationBase, left: z.number(), top: z.number(), width: z.number().min(0), height: z.number().min(0) }),
  vertices: z.looseObject({ ...legacyAnnotationBase, vertices: z.array(xy).min(1) }),
  point: z.looseObject({ ...legacyAnnotationBase, x: z.number(), y: z.number() }),
  cuboid: z.looseObject({
    ...legacyAnnotationBase,
    vertices: z.array(z.looseObject({ x: z.number(), y: z.number(), description: z.string().optional(), type: z.string().optional() })).min(1),
  }),
};

const legacyParamsBase = {
  attachment: AttachmentUrl,
  attachment_type: z.literal('image').default('image'),
  objects_to_annotate: LabelList,
  /** false: draw shapes without choosing labels. */
  with_labels: z.boolean().default(true),
  examples: z.array(z.looseObject({})).optional(),
  annotation_attributes: AnnotationAttributes.optional(),
  allow_parent_labels: z.boolean().optional(),
};

/** What every legacy type's parsed params have in common (plus the geometry options it adds). */
export interface LegacyParams {
  attachment: string;
  attachment_type: 'image';
  objects_to_annotate: z.output<typeof LabelList>;
  with_labels: boolean;
  annotation_attributes?: z.output<typeof AnnotationAttributes> | undefined;
  allow_parent_labels?: boolean | undefined;
  [extra: string]: unknown;
}

/** Keys that become part of `geometries.<kind>` rather than staying top-level. */
const geometryOptionKeys = ['objects_to_annotate', 'with_labels', 'min_width', 'min_height', 'min_vertices', 'max_vertices'] as const;

function num(v: unknown, fallback: number): number {
  return typeof v === 'number' ? v : fallback;
}

/**
 * Equivalent imageannotation params of a legacy task: `annotation` → `geometries.box`, and so on.
 * `with_labels: false` becomes an empty objects_to_annotate (any or no label). Other params, such as
 * `examples` or `splines`, are kept at the top level for the editor.
 */
export function legacyToImageAnnotation(type: LegacyType, params: LegacyParams): AnnotationRules & Record<string, unknown> {
  const kind = legacyGeometry[type];
  const labels = params.with_labels ? params.objects_to_annotate : [];
  const geometries: Geometries = {};
  switch (kind) {
    case 'box':
      geometries.box = { objects_to_annotate: labels, min_width: num(params['min_width'], 0), min_height: num(params['min_height'], 0), can_rotate: false, integer_pixels: false };
      break;
    case 'polygon':
    case 'line':
      geometries[kind] = { objects_to_annotate: labels, min_vertices: num(params['min_vertices'], 1), max_vertices: typeof params['max_vertices'] === 'number' ? params['max_vertices'] : null };
      break;
    case 'point':
      geometries.point = { objects_to_annotate: labels };
      break;
    case 'cuboid':
      geometries.cuboid = { objects_to_annotate: labels, min_width: num(params['min_width'], 0), min_height: num(params['min_height'], 0) };
      break;
    case 'ellipse':
      geometries.ellipse = { objects_to_annotate: labels };
  }
  const rest = Object.fromEntries(Object.entries(params).filter(([k]) => !(geometryOptionKeys as readonly string[]).includes(k)));
  return { ...rest, geometries };
}

/** A legacy response as it would look from an imageannotation task (adds `type`; uuids filled if missing). */
export function legacyResponseToImageAnnotation(type: LegacyType, response: { annotations: readonly Record<string, unknown>[] }): ImageAnnotationResponse {
  const kind = legacyGeometry[type];
  return ImageAnnotationResponse.parse({ ...response, annotations: response.annotations.map((a) => ({ ...a, type: kind })) });
}

/** The legacy shape of an imageannotation response: annotations of the type's geometry, without `type`. */
export function imageAnnotationToLegacyResponse(type: LegacyType, response: ImageAnnotationResponse): { annotations: Record<string, unknown>[] } {
  const kind = legacyGeometry[type];
  return {
    annotations: response.annotations
      .filter((a) => a.type === kind)
      .map((a) => Object.fromEntries(Object.entries(a).filter(([k]) => k !== 'type'))),
  };
}

/** One legacy type from its name, its annotation shape and the geometry options it adds. */
export function defineLegacyType<A extends z.ZodType, E extends z.ZodRawShape>(
  type: LegacyType,
  annotation: A,
  extraParams: E,
): TaskTypeDefinition {
  const response = z.looseObject({ annotations: z.array(annotation) });
  const params = z
    .looseObject({ ...legacyParamsBase, ...extraParams, hypothesis: response.optional() })
    .superRefine((p, ctx) => report(ctx, checkAnnotationSpec(legacyToImageAnnotation(type, p as LegacyParams))
      // Geometry problems are reported on the legacy field names, which sit at the top level here.
      .map((i) => ({ ...i, path: i.path[0] === 'geometries' ? i.path.slice(2) : i.path }))));
  const def = defineTaskType({
    type,
    params,
    response,
    check: (p, r) => {
      const asImage = legacyResponseToImageAnnotation(type, r as { annotations: Record<string, unknown>[] });
      return under(['annotations'], checkImageAnnotations(prepareRules(legacyToImageAnnotation(type, p as LegacyParams)), asImage.annotations));
    },
    empty: () => ({ annotations: [] }) as z.output<typeof response>,
  });
  return def as unknown as TaskTypeDefinition;
}
