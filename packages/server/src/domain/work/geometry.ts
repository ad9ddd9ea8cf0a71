/** Shapes of Scale image responses, reduced to what matching needs: a kind, a label and a bounding box. */
export interface Shape {
  type: string;
  label: string;
  box: { x0: number; y0: number; x1: number; y1: number };
  source: Record<string, unknown>;
}

type Point = { x: number; y: number };

function num(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

/** Points get a small box, so two clicks a few pixels apart still overlap. */
const POINT_RADIUS = 8;

export function toShape(annotation: unknown): Shape | undefined {
  if (typeof annotation !== 'object' || annotation === null) return undefined;
  const a = annotation as Record<string, unknown>;
  const label = typeof a.label === 'string' ? a.label : '';
  const left = num(a.left);
  const top = num(a.top);
  const width = num(a.width);
  const height = num(a.height);
  const type = typeof a.type === 'string' ? a.type : left !== undefined ? 'box' : Array.isArray(a.vertices) ? 'polygon' : 'point';
  if (left !== undefined && top !== undefined && width !== undefined && height !== undefined) {
    return { type, label, box: { x0: left, y0: top, x1: left + width, y1: top + height }, source: a };
  }
  if (Array.isArray(a.vertices) && a.vertices.length > 0) {
    const pts = (a.vertices as Point[]).filter((p) => num(p?.x) !== undefined && num(p?.y) !== undefined);
    if (pts.length === 0) return undefined;
    const xs = pts.map((p) => p.x);
    const ys = pts.map((p) => p.y);
    return { type, label, box: { x0: Math.min(...xs), y0: Math.min(...ys), x1: Math.max(...xs), y1: Math.max(...ys) }, source: a };
  }
  const x = num(a.x);
  const y = num(a.y);
  if (x !== undefined && y !== undefined) {
    return { type, label, box: { x0: x - POINT_RADIUS, y0: y - POINT_RADIUS, x1: x + POINT_RADIUS, y1: y + POINT_RADIUS }, source: a };
  }
  return undefined;
}

/** Intersection over union of two shapes' boxes; 0 across kinds or labels. */
export function iou(a: Shape, b: Shape): number {
  if (a.type !== b.type || a.label !== b.label) return 0;
  const ix = Math.max(0, Math.min(a.box.x1, b.box.x1) - Math.max(a.box.x0, b.box.x0));
  const iy = Math.max(0, Math.min(a.box.y1, b.box.y1) - Math.max(a.box.y0, b.box.y0));
  const inter = ix * iy;
  const area = (s: Shape) => Math.max(0, s.box.x1 - s.box.x0) * Math.max(0, s.box.y1 - s.box.y0);
  const union = area(a) + area(b) - inter;
  if (union <= 0) return a.box.x0 === b.box.x0 && a.box.y0 === b.box.y0 ? 1 : 0;
  return inter / union;
}

/** Pairs shapes of two sets greedily, best overlap first, keeping pairs at or above the threshold. */
export function matchShapes(left: Shape[], right: Shape[], threshold: number): { pairs: [number, number, number][] } {
  const candidates: [number, number, number][] = [];
  left.forEach((a, i) => right.forEach((b, j) => {
    const score = iou(a, b);
    if (score >= threshold && score > 0) candidates.push([i, j, score]);
  }));
  candidates.sort((x, y) => y[2] - x[2]);
  const usedL = new Set<number>();
  const usedR = new Set<number>();
  const pairs: [number, number, number][] = [];
  for (const [i, j, score] of candidates) {
    if (usedL.has(i) || usedR.has(j)) continue;
    usedL.add(i);
    usedR.add(j);
    pairs.push([i, j, score]);
  }
  return { pairs };
}

export function annotationsOf(response: unknown): unknown[] | undefined {
  if (typeof response !== 'object' || response === null) return undefined;
  const list = (response as { annotations?: unknown }).annotations;
  return Array.isArray(list) ? list : undefined;
}
