import { z } from 'zod';
import { closedObject } from './closed-object.js';
import { issue, under, type Issue } from './issues.js';
import { LabelList, LabelTree, checkUniqueLabels } from './labels.js';

// Each geometry's options are strict: `min_widht` silently ignored would accept tiny boxes.
const objectsToAnnotate = LabelList.default([]);
const minSize = z.number().min(0).default(0);

export const BoxGeometry = z.strictObject({
  objects_to_annotate: objectsToAnnotate,
  min_width: minSize,
  min_height: minSize,
  can_rotate: z.boolean().default(false),
  integer_pixels: z.boolean().default(false),
});

/** Polygons and lines: a vertex-count range, open above unless max_vertices is set. */
export const VertexGeometry = z.strictObject({
  objects_to_annotate: objectsToAnnotate,
  min_vertices: z.number().int().min(1).default(1),
  max_vertices: z.number().int().min(1).nullable().default(null),
});

export const PointGeometry = z.strictObject({
  objects_to_annotate: objectsToAnnotate,
  /** Skeleton edges drawn between labelled points, e.g. ["left_elbow", "left_wrist"]. */
  connections: z
    .array(z.strictObject({ pair: z.tuple([z.string().min(1), z.string().min(1)]), connection_attribute: z.unknown().optional() }))
    .optional(),
});

export const EllipseGeometry = z.strictObject({ objects_to_annotate: objectsToAnnotate });

export const CuboidGeometry = z.strictObject({
  objects_to_annotate: objectsToAnnotate,
  min_width: minSize,
  min_height: minSize,
  camera_intrinsics: z
    .strictObject({
      fx: z.number(),
      fy: z.number(),
      cx: z.number(),
      cy: z.number(),
      skew: z.number().optional(),
      scalefactor: z.number().optional(),
    })
    .optional(),
  camera_rotation_quaternion: z.strictObject({ w: z.number(), x: z.number(), y: z.number(), z: z.number() }).optional(),
  camera_height: z.number().optional(),
});

/** `geometries`: which shapes the annotator may draw, each with its own labels and limits. */
export const Geometries = closedObject(
  {
    box: BoxGeometry.optional(),
    polygon: VertexGeometry.optional(),
    line: VertexGeometry.optional(),
    point: PointGeometry.optional(),
    ellipse: EllipseGeometry.optional(),
    cuboid: CuboidGeometry.optional(),
  },
  'geometry',
);
export type Geometries = z.output<typeof Geometries>;
export type GeometryKind = 'box' | 'polygon' | 'line' | 'point' | 'ellipse' | 'cuboid';
export const geometryKinds: readonly GeometryKind[] = ['box', 'polygon', 'line', 'point', 'ellipse', 'cuboid'];

/** The geometries a task asks for, in a stable order. */
export function requestedGeometries(g: Geometries): GeometryKind[] {
  return geometryKinds.filter((k) => g[k] !== undefined);
}

/** Label trees per requested geometry, plus one over all of them (attribute conditions name any label). */
export interface GeometryLabels {
  byKind: ReadonlyMap<GeometryKind, LabelTree>;
  all: LabelTree;
}

export function geometryLabels(g: Geometries): GeometryLabels {
  const byKind = new Map<GeometryKind, LabelTree>();
  const items = [];
  for (const kind of requestedGeometries(g)) {
    const list = g[kind]?.objects_to_annotate ?? [];
    byKind.set(kind, new LabelTree(list));
    items.push(...list);
  }
  return { byKind, all: new LabelTree(items) };
}

/** Create-time rules within `geometries`. Paths are relative to the geometries object. */
export function checkGeometries(g: Geometries): Issue[] {
  const kinds = requestedGeometries(g);
  if (kinds.length === 0) return [issue([], `must request at least one geometry (${geometryKinds.join(', ')})`)];
  const issues: Issue[] = [];
  for (const kind of kinds) {
    issues.push(...under([kind, 'objects_to_annotate'], checkUniqueLabels(g[kind]?.objects_to_annotate ?? [])));
  }
  for (const kind of ['polygon', 'line'] as const) {
    const geo = g[kind];
    if (geo && geo.max_vertices !== null && geo.min_vertices > geo.max_vertices) {
      issues.push(issue([kind, 'max_vertices'], `must be at least min_vertices (${geo.min_vertices})`));
    }
  }
  if (g.point?.connections) {
    const points = new LabelTree(g.point.objects_to_annotate);
    g.point.connections.forEach((c, i) =>
      c.pair.forEach((label, j) => {
        if (!points.names.has(label)) {
          issues.push(issue(['point', 'connections', i, 'pair', j], `label "${label}" is not in objects_to_annotate for point`));
        }
      }),
    );
  }
  return issues;
}
