import {
  conditionsHold,
  imageAnnotationToLegacyResponse,
  legacyResponseToImageAnnotation,
  type ImageAnnotation,
  type ImageAnnotationResponse,
} from '@tessera/schema';
import type { EditorConfig } from './config.js';
import { boundsOfPoints, boxCorners, cuboidVertices } from './geometry.js';
import { newId } from './ids.js';
import type { Pt, Scene, Shape, ShapeOrigin } from './types.js';

const known = new Set(['type', 'uuid', 'label', 'attributes', 'left', 'top', 'width', 'height', 'vertices', 'x', 'y', 'edges', 'rotation']);

function extraOf(a: Record<string, unknown>): Record<string, unknown> | undefined {
  const extra = Object.fromEntries(Object.entries(a).filter(([k]) => !known.has(k)));
  return Object.keys(extra).length > 0 ? extra : undefined;
}

function pts(vertices: readonly { x: number; y: number }[]): Pt[] {
  return vertices.map((v) => ({ x: v.x, y: v.y }));
}

/** One response annotation as an editable shape. */
export function shapeFromAnnotation(a: ImageAnnotation, origin: ShapeOrigin): Shape {
  const common = {
    id: a.uuid,
    label: a.label,
    attributes: a.attributes ?? {},
    origin,
    extra: extraOf(a as Record<string, unknown>),
  };
  switch (a.type) {
    case 'box':
      return { ...common, kind: 'box', x: a.left, y: a.top, w: a.width, h: a.height, ...(a.rotation ? { rotation: a.rotation } : {}) };
    case 'polygon':
      return { ...common, kind: 'polygon', points: pts(a.vertices) };
    case 'line':
      return { ...common, kind: 'line', points: pts(a.vertices) };
    case 'point':
      return { ...common, kind: 'point', x: a.x, y: a.y };
    case 'ellipse': {
      const b = boundsOfPoints(a.vertices);
      return { ...common, kind: 'ellipse', cx: b.x + b.w / 2, cy: b.y + b.h / 2, rx: b.w / 2, ry: b.h / 2 };
    }
    case 'cuboid': {
      const named = new Map(a.vertices.map((v) => [v.description ?? '', v]));
      const face = boundsOfPoints(a.vertices.filter((v) => v.description?.startsWith('face-')));
      const top = named.get('side-topcorner');
      const bottom = named.get('side-bottomcorner');
      const f = Number.isFinite(face.w) ? face : boundsOfPoints(a.vertices);
      return {
        ...common,
        kind: 'cuboid',
        face: f,
        side: { x: top?.x ?? f.x + f.w, top: top?.y ?? f.y, bottom: bottom?.y ?? f.y + f.h },
      };
    }
  }
}

/** Shapes from a response-shaped list (`{annotations}`), for the editor's starting scene. */
export function sceneFromResponse(config: EditorConfig, response: unknown, origin: ShapeOrigin): Scene {
  if (!response || typeof response !== 'object' || !Array.isArray((response as { annotations?: unknown }).annotations)) return { shapes: [] };
  const asImage = config.legacy
    ? legacyResponseToImageAnnotation(config.legacy, response as { annotations: Record<string, unknown>[] })
    : (response as ImageAnnotationResponse);
  return { shapes: asImage.annotations.map((a) => shapeFromAnnotation({ ...a, uuid: a.uuid ?? newId() } as ImageAnnotation, origin)) };
}

/** Where the annotator starts on a fresh task: the customer's base annotations and the model's hypothesis. */
export function initialScene(config: EditorConfig): Scene {
  const base = sceneFromResponse(config, config.params['base_annotations'], 'base').shapes.map((s) =>
    config.canEditBase ? s : { ...s, locked: true },
  );
  const hypothesis = sceneFromResponse(config, config.params['hypothesis'], 'hypothesis').shapes;
  return { shapes: [...base, ...hypothesis] };
}

/** Image pixels, to 1/100 px: sub-pixel precision nobody can click, without float noise in the JSON. */
function round(v: number, integer: boolean): number {
  return integer ? Math.round(v) : Math.round(v * 100) / 100;
}

/**
 * Attribute values that still apply: changing a label or another attribute can hide an attribute,
 * and a hidden one must not be sent (the server refuses it). Repeats until nothing more drops, since
 * dropping one value can hide another that depended on it.
 */
export function applicableAttributes(config: EditorConfig, label: string | undefined, values: Readonly<Record<string, unknown>>): Record<string, unknown> {
  let current: Record<string, unknown> = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined && v !== null && !(typeof v === 'number' && Number.isNaN(v))));
  for (;;) {
    const next = Object.fromEntries(
      Object.entries(current).filter(([k]) => {
        const def = config.attributes[k];
        return def !== undefined && conditionsHold(def.conditions, label, current, config.allLabels);
      }),
    );
    if (Object.keys(next).length === Object.keys(current).length) return next;
    current = next;
  }
}

export function annotationFromShape(config: EditorConfig, s: Shape): ImageAnnotation {
  const integer = config.kinds.find((k) => k.kind === s.kind)?.integerPixels ?? false;
  const r = (v: number) => round(v, integer);
  const attributes = applicableAttributes(config, s.label, s.attributes);
  const common = {
    ...(s.extra ?? {}),
    uuid: s.id,
    ...(s.label !== undefined ? { label: s.label } : {}),
    ...(Object.keys(attributes).length > 0 ? { attributes } : {}),
  };
  const vx = (p: Pt) => ({ x: r(p.x), y: r(p.y) });
  switch (s.kind) {
    case 'box':
      if (s.rotation) {
        // Scale's rotated box: the unrotated rectangle, the angle, and the four corners it ends up at.
        return { ...common, type: 'box', left: r(s.x), top: r(s.y), width: r(s.w), height: r(s.h), rotation: Math.round(s.rotation * 1e6) / 1e6, vertices: boxCorners(s).map(vx) };
      }
      return { ...common, type: 'box', left: r(s.x), top: r(s.y), width: r(s.w), height: r(s.h) };
    case 'polygon':
      return { ...common, type: 'polygon', vertices: s.points.map(vx) };
    case 'line':
      return { ...common, type: 'line', vertices: s.points.map(vx) };
    case 'point':
      return { ...common, type: 'point', x: r(s.x), y: r(s.y) };
    case 'ellipse':
      return {
        ...common,
        type: 'ellipse',
        vertices: [
          vx({ x: s.cx, y: s.cy - s.ry }),
          vx({ x: s.cx + s.rx, y: s.cy }),
          vx({ x: s.cx, y: s.cy + s.ry }),
          vx({ x: s.cx - s.rx, y: s.cy }),
        ],
      };
    case 'cuboid':
      return { ...common, type: 'cuboid', vertices: cuboidVertices(s).map((v) => ({ ...vx(v), description: v.description, type: 'vertex' })) };
  }
}

/** The scene as the task type's response: imageannotation's shape, or the legacy type's flatter one. */
export function responseFromScene(config: EditorConfig, scene: Scene): Record<string, unknown> {
  const response: ImageAnnotationResponse = { annotations: scene.shapes.map((s) => annotationFromShape(config, s)) };
  return config.legacy ? imageAnnotationToLegacyResponse(config.legacy, response) : response;
}
