import { boxCenter, rotateAbout } from './geometry.js';
import type { Pt, Rect, Shape } from './types.js';

/** A grab point on the selected shape: a rectangle's corner or edge, or a vertex by index. */
export interface Handle {
  id: string;
  x: number;
  y: number;
}

const rectHandleIds = ['nw', 'n', 'ne', 'e', 'se', 's', 'sw', 'w'] as const;
type RectHandleId = (typeof rectHandleIds)[number];

function rectHandles(r: Rect): Handle[] {
  const cx = r.x + r.w / 2;
  const cy = r.y + r.h / 2;
  const at: Record<RectHandleId, Pt> = {
    nw: { x: r.x, y: r.y },
    n: { x: cx, y: r.y },
    ne: { x: r.x + r.w, y: r.y },
    e: { x: r.x + r.w, y: cy },
    se: { x: r.x + r.w, y: r.y + r.h },
    s: { x: cx, y: r.y + r.h },
    sw: { x: r.x, y: r.y + r.h },
    w: { x: r.x, y: cy },
  };
  return rectHandleIds.map((id) => ({ id, ...at[id] }));
}

/** Where the rotation handle sits: above the top edge's middle, in the box's own frame. */
function rotateHandle(s: { x: number; y: number; w: number; h: number }): Pt {
  return { x: s.x + s.w / 2, y: s.y - Math.max(s.h * 0.25, 12) };
}

/** `canRotate`: the task allows rotated boxes (geometries.box.can_rotate), so boxes get a rotation handle. */
export function handlesOf(s: Shape, canRotate = false): Handle[] {
  switch (s.kind) {
    case 'box': {
      const handles = rectHandles({ x: s.x, y: s.y, w: s.w, h: s.h });
      if (canRotate) handles.push({ id: 'rotate', ...rotateHandle(s) });
      const r = s.rotation ?? 0;
      return r === 0 ? handles : handles.map((h) => ({ ...h, ...rotateAbout(h, boxCenter(s), r) }));
    }
    case 'ellipse':
      return rectHandles({ x: s.cx - s.rx, y: s.cy - s.ry, w: 2 * s.rx, h: 2 * s.ry });
    case 'polygon':
    case 'line':
      return s.points.map((p, i) => ({ id: `v${i}`, x: p.x, y: p.y }));
    case 'point':
      return [];
    case 'cuboid':
      return [
        ...rectHandles(s.face).filter((h) => h.id.length === 2),
        { id: 'side-top', x: s.side.x, y: s.side.top },
        { id: 'side-bottom', x: s.side.x, y: s.side.bottom },
      ];
  }
}

/** Minimum size a resize may not go below (min_width/min_height of the task). */
export interface SizeLimits {
  minWidth: number;
  minHeight: number;
}

/**
 * A rectangle with one handle moved to `p`. The opposite side stays put; when the drag crosses it the
 * rectangle flips rather than going negative, and it never shrinks below the task's minimum size.
 */
export function resizeRect(r: Rect, handle: string, p: Pt, limits: SizeLimits): Rect {
  const [x, w] = resizeAxis(r.x, r.x + r.w, handle.includes('w'), handle.includes('e'), p.x, limits.minWidth);
  const [y, h] = resizeAxis(r.y, r.y + r.h, handle.includes('n'), handle.includes('s'), p.y, limits.minHeight);
  return { x, y, w, h };
}

/** One axis of a resize: the side not grabbed stays fixed; returns [start, size]. */
function resizeAxis(lo: number, hi: number, movingLo: boolean, movingHi: boolean, to: number, min: number): [number, number] {
  if (!movingLo && !movingHi) return [lo, hi - lo];
  const fixed = movingLo ? hi : lo;
  let size = to - fixed;
  if (Math.abs(size) < min) size = size < 0 || (size === 0 && movingLo) ? -min : min;
  return size < 0 ? [fixed + size, -size] : [fixed, size];
}

/** The shape with handle `handle` dragged to `p` (image pixels). */
export function dragHandle(s: Shape, handle: string, p: Pt, limits: SizeLimits): Shape {
  switch (s.kind) {
    case 'box': {
      const c = boxCenter(s);
      const angle = s.rotation ?? 0;
      if (handle === 'rotate') {
        // Clockwise from straight up, as Scale's rotation counts.
        const rotation = Math.atan2(p.x - c.x, -(p.y - c.y));
        return { ...s, rotation: Math.abs(rotation) < 1e-9 ? 0 : rotation };
      }
      if (angle === 0) return { ...s, ...resizeRect({ x: s.x, y: s.y, w: s.w, h: s.h }, handle, p, limits) };
      // Resize in the box's own frame, then put the new centre back where the rotation takes it.
      const r = resizeRect({ x: s.x, y: s.y, w: s.w, h: s.h }, handle, rotateAbout(p, c, -angle), limits);
      const centre = rotateAbout(boxCenter(r), c, angle);
      return { ...s, x: centre.x - r.w / 2, y: centre.y - r.h / 2, w: r.w, h: r.h };
    }
    case 'ellipse': {
      const r = resizeRect({ x: s.cx - s.rx, y: s.cy - s.ry, w: 2 * s.rx, h: 2 * s.ry }, handle, p, { minWidth: 0, minHeight: 0 });
      return { ...s, cx: r.x + r.w / 2, cy: r.y + r.h / 2, rx: r.w / 2, ry: r.h / 2 };
    }
    case 'polygon':
    case 'line': {
      const i = Number(handle.slice(1));
      if (!Number.isInteger(i) || i < 0 || i >= s.points.length) return s;
      return { ...s, points: s.points.map((q, j) => (j === i ? { ...q, x: p.x, y: p.y } : q)) };
    }
    case 'point':
      return s;
    case 'cuboid': {
      if (handle === 'side-top') return { ...s, side: { ...s.side, x: p.x, top: p.y } };
      if (handle === 'side-bottom') return { ...s, side: { ...s.side, x: p.x, bottom: p.y } };
      const face = resizeRect(s.face, handle, p, limits);
      // The side edge keeps its offset from the face's right edge, so the box keeps its depth.
      const dx = face.x + face.w - (s.face.x + s.face.w);
      return { ...s, face, side: { ...s.side, x: s.side.x + dx } };
    }
  }
}

export function handleAt(handles: readonly Handle[], p: Pt, tol: number): Handle | undefined {
  let best: Handle | undefined;
  let bestD = tol;
  for (const h of handles) {
    const d = Math.hypot(h.x - p.x, h.y - p.y);
    if (d <= bestD) {
      best = h;
      bestD = d;
    }
  }
  return best;
}
