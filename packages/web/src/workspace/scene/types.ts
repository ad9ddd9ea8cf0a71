import type { GeometryKind } from '@tessera/schema';

/** A point in image pixels. Everything in the scene is in image pixels; only the viewport knows the screen. */
export interface Pt {
  x: number;
  y: number;
}

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export type ShapeKind = GeometryKind;

/** Where a shape came from: drawn here, a model's hypothesis, or the customer's base annotations. */
export type ShapeOrigin = 'drawn' | 'hypothesis' | 'base' | 'copied';

interface ShapeCommon {
  /** The annotation's uuid in the response. */
  id: string;
  label?: string | undefined;
  attributes: Readonly<Record<string, unknown>>;
  hidden?: boolean | undefined;
  locked?: boolean | undefined;
  origin: ShapeOrigin;
  /** Fields of an imported annotation we do not edit (confidence, ref ids): kept so they round-trip. */
  extra?: Readonly<Record<string, unknown>> | undefined;
}

/** `rotation`: clockwise radians about the centre (can_rotate); x, y, w, h are the unrotated box, as in Scale. */
export type BoxShape = ShapeCommon & { kind: 'box'; x: number; y: number; w: number; h: number; rotation?: number | undefined };
export type PolygonShape = ShapeCommon & { kind: 'polygon'; points: readonly Pt[] };
export type LineShape = ShapeCommon & { kind: 'line'; points: readonly Pt[] };
export type PointShape = ShapeCommon & { kind: 'point'; x: number; y: number };
/** Axis-aligned; Scale stores it as its four extremal points. */
export type EllipseShape = ShapeCommon & { kind: 'ellipse'; cx: number; cy: number; rx: number; ry: number };
/**
 * A 2D cuboid as annotators draw it: the front face, plus the vertical edge of the visible side
 * (its x and the y of its two ends), which is what Scale's six named vertices describe.
 */
export type CuboidShape = ShapeCommon & { kind: 'cuboid'; face: Rect; side: { x: number; top: number; bottom: number } };

export type Shape = BoxShape | PolygonShape | LineShape | PointShape | EllipseShape | CuboidShape;

/** The whole editable document: plain data, so undo is a stack of patches over it. */
export interface Scene {
  readonly shapes: readonly Shape[];
}

export const emptyScene: Scene = { shapes: [] };
