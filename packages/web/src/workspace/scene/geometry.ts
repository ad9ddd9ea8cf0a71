import type { Pt, Rect, Shape } from './types.js';

/** The rectangle spanned by two corners, whichever way the drag went. */
export function rectFromCorners(a: Pt, b: Pt): Rect {
  return { x: Math.min(a.x, b.x), y: Math.min(a.y, b.y), w: Math.abs(b.x - a.x), h: Math.abs(b.y - a.y) };
}

export function boundsOfPoints(points: readonly Pt[]): Rect {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const p of points) {
    if (p.x < minX) minX = p.x;
    if (p.y < minY) minY = p.y;
    if (p.x > maxX) maxX = p.x;
    if (p.y > maxY) maxY = p.y;
  }
  return { x: minX, y: minY, w: maxX - minX, h: maxY - minY };
}

/** Cuboid corners in Scale's order of names. */
export function cuboidVertices(s: Extract<Shape, { kind: 'cuboid' }>): { description: string; x: number; y: number }[] {
  const { face, side } = s;
  return [
    { description: 'face-topleft', x: face.x, y: face.y },
    { description: 'face-bottomleft', x: face.x, y: face.y + face.h },
    { description: 'face-topright', x: face.x + face.w, y: face.y },
    { description: 'face-bottomright', x: face.x + face.w, y: face.y + face.h },
    { description: 'side-topcorner', x: side.x, y: side.top },
    { description: 'side-bottomcorner', x: side.x, y: side.bottom },
  ];
}

/** Rotates `p` by `angle` (clockwise radians, y down) about `c`. */
export function rotateAbout(p: Pt, c: Pt, angle: number): Pt {
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  const dx = p.x - c.x;
  const dy = p.y - c.y;
  return { x: c.x + dx * cos - dy * sin, y: c.y + dx * sin + dy * cos };
}

export function boxCenter(s: { x: number; y: number; w: number; h: number }): Pt {
  return { x: s.x + s.w / 2, y: s.y + s.h / 2 };
}

/** A box's corners, clockwise from its (unrotated) top left, with its rotation applied. */
export function boxCorners(s: Extract<Shape, { kind: 'box' }>): Pt[] {
  const corners = [
    { x: s.x, y: s.y },
    { x: s.x + s.w, y: s.y },
    { x: s.x + s.w, y: s.y + s.h },
    { x: s.x, y: s.y + s.h },
  ];
  const r = s.rotation ?? 0;
  return r === 0 ? corners : corners.map((p) => rotateAbout(p, boxCenter(s), r));
}

export function shapeBounds(s: Shape): Rect {
  switch (s.kind) {
    case 'box':
      return s.rotation ? boundsOfPoints(boxCorners(s)) : { x: s.x, y: s.y, w: s.w, h: s.h };
    case 'polygon':
    case 'line':
      return boundsOfPoints(s.points);
    case 'point':
      return { x: s.x, y: s.y, w: 0, h: 0 };
    case 'ellipse':
      return { x: s.cx - s.rx, y: s.cy - s.ry, w: 2 * s.rx, h: 2 * s.ry };
    case 'cuboid':
      return boundsOfPoints(cuboidVertices(s));
  }
}

export function translate(s: Shape, dx: number, dy: number): Shape {
  if (dx === 0 && dy === 0) return s;
  const move = (p: Pt): Pt => ({ ...p, x: p.x + dx, y: p.y + dy });
  switch (s.kind) {
    case 'box':
    case 'point':
      return { ...s, x: s.x + dx, y: s.y + dy };
    case 'polygon':
    case 'line':
      return { ...s, points: s.points.map(move) };
    case 'ellipse':
      return { ...s, cx: s.cx + dx, cy: s.cy + dy };
    case 'cuboid':
      return { ...s, face: { ...s.face, x: s.face.x + dx, y: s.face.y + dy }, side: { x: s.side.x + dx, top: s.side.top + dy, bottom: s.side.bottom + dy } };
  }
}

function distToSegment(p: Pt, a: Pt, b: Pt): number {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / len2));
  return Math.hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy));
}

function insidePolygon(p: Pt, pts: readonly Pt[]): boolean {
  let inside = false;
  for (let i = 0, j = pts.length - 1; i < pts.length; j = i++) {
    const a = pts[i]!;
    const b = pts[j]!;
    if (a.y > p.y !== b.y > p.y && p.x < ((b.x - a.x) * (p.y - a.y)) / (b.y - a.y) + a.x) inside = !inside;
  }
  return inside;
}

/** Whether a click at `p` (image pixels) lands on the shape; `tol` is the grab distance in image pixels. */
export function hitsShape(s: Shape, p: Pt, tol: number): boolean {
  const b = shapeBounds(s);
  if (p.x < b.x - tol || p.x > b.x + b.w + tol || p.y < b.y - tol || p.y > b.y + b.h + tol) return false;
  switch (s.kind) {
    case 'box': {
      if (!s.rotation) return true;
      // In the box's own frame the test is the plain rectangle one.
      const local = rotateAbout(p, boxCenter(s), -s.rotation);
      return local.x >= s.x - tol && local.x <= s.x + s.w + tol && local.y >= s.y - tol && local.y <= s.y + s.h + tol;
    }
    case 'point':
      return Math.hypot(p.x - s.x, p.y - s.y) <= tol * 1.5;
    case 'polygon':
      return insidePolygon(p, s.points) || s.points.some((a, i) => distToSegment(p, a, s.points[(i + 1) % s.points.length]!) <= tol);
    case 'line':
      return s.points.some((a, i) => i > 0 && distToSegment(p, s.points[i - 1]!, a) <= tol) || (s.points.length === 1 && Math.hypot(p.x - s.points[0]!.x, p.y - s.points[0]!.y) <= tol);
    case 'ellipse': {
      const nx = (p.x - s.cx) / Math.max(s.rx + tol, 1e-9);
      const ny = (p.y - s.cy) / Math.max(s.ry + tol, 1e-9);
      return nx * nx + ny * ny <= 1;
    }
    case 'cuboid':
      return true;
  }
}

/**
 * The topmost visible shape under `p`. Shapes are checked last-drawn first, so what the annotator sees
 * on top is what they pick; with thousands of shapes this is still a few microseconds per shape.
 */
export function hitTest(shapes: readonly Shape[], p: Pt, tol: number): Shape | undefined {
  let best: Shape | undefined;
  let bestArea = Infinity;
  for (let i = shapes.length - 1; i >= 0; i--) {
    const s = shapes[i]!;
    if (s.hidden || !hitsShape(s, p, tol)) continue;
    // Of nested boxes, the smallest one wins: a big box never hides the small ones inside it.
    const b = shapeBounds(s);
    const area = b.w * b.h;
    if (area < bestArea) {
      best = s;
      bestArea = area;
    }
  }
  return best;
}

export function iou(a: Rect, b: Rect): number {
  const x1 = Math.max(a.x, b.x);
  const y1 = Math.max(a.y, b.y);
  const x2 = Math.min(a.x + a.w, b.x + b.w);
  const y2 = Math.min(a.y + a.h, b.y + b.h);
  const inter = Math.max(0, x2 - x1) * Math.max(0, y2 - y1);
  const union = a.w * a.h + b.w * b.h - inter;
  return union <= 0 ? (a.x === b.x && a.y === b.y ? 1 : 0) : inter / union;
}

/** Nearest point on segment index `i` (from vertex i to i+1) of a polyline/polygon, with its distance. */
export function nearestEdge(points: readonly Pt[], p: Pt, closed: boolean): { index: number; dist: number } | undefined {
  let best: { index: number; dist: number } | undefined;
  const n = closed ? points.length : points.length - 1;
  for (let i = 0; i < n; i++) {
    const d = distToSegment(p, points[i]!, points[(i + 1) % points.length]!);
    if (!best || d < best.dist) best = { index: i, dist: d };
  }
  return best;
}

export function clamp(v: number, lo: number, hi: number): number {
  return Math.max(lo, Math.min(hi, v));
}
