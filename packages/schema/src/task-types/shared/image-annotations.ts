import { z } from 'zod';
import { checkAttributeValues, type AnnotationAttributes, type AnnotationIndex } from './attributes.js';
import { geometryLabels, requestedGeometries, type Geometries, type GeometryLabels } from './geometries.js';
import { issue, listOf, type Issue } from './issues.js';

export const Vertex = z.looseObject({ x: z.number(), y: z.number() });
export type Vertex = z.output<typeof Vertex>;

/** Scale generates a uuid for every annotation and keeps the ones given in a hypothesis. */
const Uuid = z
  .string()
  .min(1)
  .default(() => globalThis.crypto.randomUUID());

// Annotations are loose: imports carry extra fields (confidence, ref ids) that must survive a round trip.
const annotationBase = {
  uuid: Uuid,
  label: z.string().optional(),
  attributes: z.record(z.string(), z.unknown()).optional(),
};

export const BoxAnnotation = z.looseObject({
  type: z.literal('box'),
  ...annotationBase,
  left: z.number(),
  top: z.number(),
  width: z.number().min(0),
  height: z.number().min(0),
  /** Clockwise radians, only with `can_rotate`; left/top/width/height are then those of the unrotated box. */
  rotation: z.number().optional(),
  vertices: z.array(Vertex).optional(),
});
export const PolygonAnnotation = z.looseObject({ type: z.literal('polygon'), ...annotationBase, vertices: z.array(Vertex).min(1) });
export const LineAnnotation = z.looseObject({ type: z.literal('line'), ...annotationBase, vertices: z.array(Vertex).min(1) });
export const PointAnnotation = z.looseObject({ type: z.literal('point'), ...annotationBase, x: z.number(), y: z.number() });
/** An ellipse is given by its four extremal points. */
export const EllipseAnnotation = z.looseObject({ type: z.literal('ellipse'), ...annotationBase, vertices: z.array(Vertex).length(4) });
/** A 2D cuboid: named corner vertices (face-topleft, …, side-topcorner) and optional edges. */
export const CuboidVertex = z.looseObject({ x: z.number(), y: z.number(), description: z.string().optional(), type: z.string().optional() });
export const CuboidAnnotation = z.looseObject({
  type: z.literal('cuboid'),
  ...annotationBase,
  vertices: z.array(CuboidVertex).min(1),
  edges: z.array(z.unknown()).optional(),
});

export const ImageAnnotation = z.discriminatedUnion(
  'type',
  [BoxAnnotation, PolygonAnnotation, LineAnnotation, PointAnnotation, EllipseAnnotation, CuboidAnnotation],
  {
    error: (iss) =>
      iss.code === 'invalid_union' ? 'is not a known annotation type (expected box, polygon, line, point, ellipse, cuboid)' : undefined,
  },
);
export type ImageAnnotation = z.output<typeof ImageAnnotation>;

/** `{annotations: [...]}`: the shape of a response, a hypothesis and base_annotations. */
export const ImageAnnotationList = z.looseObject({ annotations: z.array(ImageAnnotation) });

export const ImageAnnotationResponse = z.looseObject({
  annotations: z.array(ImageAnnotation),
  links: z.array(z.unknown()).optional(),
  global_attributes: z.record(z.string(), z.unknown()).optional(),
});
export type ImageAnnotationResponse = z.output<typeof ImageAnnotationResponse>;

/** The params that decide whether an image annotation is acceptable. */
export interface AnnotationRules {
  geometries: Geometries;
  annotation_attributes?: AnnotationAttributes | undefined;
  allow_parent_labels?: boolean | undefined;
}

/** Rules plus label trees, computed once for a whole list of annotations. */
export interface PreparedRules {
  rules: AnnotationRules;
  labels: GeometryLabels;
}

export function prepareRules(rules: AnnotationRules): PreparedRules {
  return { rules, labels: geometryLabels(rules.geometries) };
}

/**
 * One annotation against the task's rules: geometry requested, label from that geometry's list,
 * size and vertex limits, attributes. Paths are relative to the annotation.
 */
export function checkImageAnnotation(prepared: PreparedRules, a: ImageAnnotation, others: AnnotationIndex = new Map()): Issue[] {
  const { rules, labels } = prepared;
  const tree = labels.byKind.get(a.type);
  if (!tree) {
    return [issue(['type'], `geometry "${a.type}" was not requested (the task asks for ${listOf(requestedGeometries(rules.geometries))})`)];
  }
  const issues: Issue[] = [];
  // An empty objects_to_annotate means an unlabelled geometry (legacy with_labels: false): any label goes.
  if (!tree.isEmpty) {
    if (a.label === undefined) issues.push(issue(['label'], `is required (objects_to_annotate for ${a.type} is set)`));
    else if (!tree.allows(a.label, rules.allow_parent_labels ?? false)) {
      issues.push(issue(['label'], `${tree.refusal(a.label, `objects_to_annotate for ${a.type}`)}`));
    }
  }
  issues.push(...checkShape(rules.geometries, a));
  issues.push(...checkAttributeValues(rules.annotation_attributes, a.label, a.attributes, labels.all, others));
  return issues;
}

function checkShape(g: Geometries, a: ImageAnnotation): Issue[] {
  const issues: Issue[] = [];
  const minSize = (width: number, height: number, geo: { min_width: number; min_height: number }, at: (f: string) => (string | number)[]) => {
    if (width < geo.min_width) issues.push(issue(at('width'), `width ${width} is less than min_width ${geo.min_width} for ${a.type}`));
    if (height < geo.min_height) issues.push(issue(at('height'), `height ${height} is less than min_height ${geo.min_height} for ${a.type}`));
  };
  switch (a.type) {
    case 'box': {
      const geo = g.box!;
      minSize(a.width, a.height, geo, (f) => [f]);
      if (geo.integer_pixels) {
        for (const f of ['left', 'top', 'width', 'height'] as const) {
          if (!Number.isInteger(a[f])) issues.push(issue([f], `must be a whole number of pixels (integer_pixels is set)`));
        }
      }
      if (!geo.can_rotate && a.rotation !== undefined && a.rotation !== 0) {
        issues.push(issue(['rotation'], 'is only allowed when geometries.box.can_rotate is set'));
      }
      break;
    }
    case 'polygon':
    case 'line': {
      const geo = g[a.type]!;
      const n = a.vertices.length;
      if (n < geo.min_vertices) issues.push(issue(['vertices'], `has ${n} vertices; ${a.type} needs at least ${geo.min_vertices} (min_vertices)`));
      if (geo.max_vertices !== null && n > geo.max_vertices) {
        issues.push(issue(['vertices'], `has ${n} vertices; ${a.type} allows at most ${geo.max_vertices} (max_vertices)`));
      }
      break;
    }
    case 'cuboid': {
      const xs = a.vertices.map((v) => v.x);
      const ys = a.vertices.map((v) => v.y);
      minSize(Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys), g.cuboid!, () => ['vertices']);
      break;
    }
    case 'point':
    case 'ellipse':
      break;
  }
  return issues;
}

/** A list of annotations: each one's rules, plus unique uuids. Paths are relative to the array. */
export function checkImageAnnotations(prepared: PreparedRules, annotations: readonly ImageAnnotation[]): Issue[] {
  const issues: Issue[] = [];
  const seen = new Map<string, number>();
  annotations.forEach((a, i) => {
    const first = seen.get(a.uuid);
    if (first !== undefined) issues.push(issue([i, 'uuid'], `duplicate uuid "${a.uuid}" (also at ${first})`));
    else seen.set(a.uuid, i);
  });
  const index: AnnotationIndex = new Map(annotations.map((a) => [a.uuid, { label: a.label }]));
  annotations.forEach((a, i) => {
    for (const found of checkImageAnnotation(prepared, a, index)) issues.push({ path: [i, ...found.path], message: found.message });
  });
  return issues;
}
