import { kindConfig } from '../scene/config.js';
import { rectFromCorners } from '../scene/geometry.js';
import { newId } from '../scene/ids.js';
import { addShapes } from '../scene/patches.js';
import type { Pt, Rect, Shape } from '../scene/types.js';
import { vertexFloor } from './select-tool.js';
import { idle, type Tool, type ToolContext, type ToolResult, type ToolState } from './types.js';

type RectKind = 'box' | 'ellipse' | 'cuboid';

function shapeFromRect(kind: RectKind, r: Rect, ctx: ToolContext): Shape {
  const common = { id: newId(), label: ctx.label, attributes: {}, origin: 'drawn' as const };
  switch (kind) {
    case 'box':
      return { ...common, kind, x: r.x, y: r.y, w: r.w, h: r.h };
    case 'ellipse':
      return { ...common, kind, cx: r.x + r.w / 2, cy: r.y + r.h / 2, rx: r.w / 2, ry: r.h / 2 };
    case 'cuboid':
      // A starting depth the annotator then drags into place with the side handles.
      return { ...common, kind, face: r, side: { x: r.x + r.w * 1.3, top: r.y - r.h * 0.2, bottom: r.y + r.h * 0.8 } };
  }
}

/** Whether a drawn rectangle meets the geometry's min_width/min_height. */
export function rectTooSmall(kind: RectKind, r: Rect, ctx: ToolContext): boolean {
  const k = kindConfig(ctx.config, kind);
  return r.w < (k?.minWidth ?? 0) || r.h < (k?.minHeight ?? 0);
}

/** Drag from one corner to the other: box, ellipse (its bounding box) or a cuboid's front face. */
function rectTool(kind: RectKind): Tool {
  return {
    name: kind,
    handle(state, event, ctx): ToolResult {
      switch (event.type) {
        case 'down':
          return { state: { mode: 'sizing', start: event.p, current: event.p }, select: [] };
        case 'move':
          return state.mode === 'sizing' ? { state: { ...state, current: event.p } } : { state };
        case 'up': {
          if (state.mode !== 'sizing') return { state: idle };
          const r = rectFromCorners(state.start, event.p);
          // A click without a drag is not an attempt to draw.
          if (r.w < ctx.tol && r.h < ctx.tol) return { state: idle };
          if (rectTooSmall(kind, r, ctx)) {
            const k = kindConfig(ctx.config, kind);
            return { state: idle, message: `Too small: a ${kind} must be at least ${k?.minWidth ?? 0} × ${k?.minHeight ?? 0} px (this one is ${Math.round(r.w)} × ${Math.round(r.h)}).` };
          }
          const shape = shapeFromRect(kind, r, ctx);
          return { state: idle, patch: addShapes(ctx.scene, [shape]), select: [shape.id] };
        }
        case 'key':
          return event.key === 'Escape' ? { state: idle } : { state };
        case 'dblclick':
          return { state };
      }
    },
    preview(state, ctx) {
      if (state.mode !== 'sizing') return undefined;
      return { ...shapeFromRect(kind, rectFromCorners(state.start, state.current), ctx), id: 'preview' };
    },
  };
}

export const boxTool = rectTool('box');
export const ellipseTool = rectTool('ellipse');
export const cuboidTool = rectTool('cuboid');

/** Click to place points; a point needs nothing more. */
export const pointTool: Tool = {
  name: 'point',
  handle(state, event, ctx): ToolResult {
    if (event.type !== 'down') return { state: idle };
    const shape: Shape = { id: newId(), kind: 'point', label: ctx.label, attributes: {}, origin: 'drawn', x: event.p.x, y: event.p.y };
    return { state: idle, patch: addShapes(ctx.scene, [shape]), select: [shape.id] };
  },
  preview: () => undefined,
};

function samePoint(a: Pt, b: Pt, tol: number): boolean {
  return Math.hypot(a.x - b.x, a.y - b.y) <= tol;
}

/**
 * Click vertex by vertex. A polygon closes on a click at its first vertex; either kind finishes on
 * Enter or a double click, and on its own when it reaches max_vertices. Backspace takes back a vertex.
 */
function vertexTool(kind: 'polygon' | 'line'): Tool {
  const finish = (points: readonly Pt[], ctx: ToolContext): ToolResult => {
    const floor = vertexFloor(ctx, kind);
    if (points.length < floor) {
      return { state: { mode: 'placing', points, hover: points[points.length - 1]! }, message: `A ${kind} needs at least ${floor} vertices (it has ${points.length}).` };
    }
    const shape: Shape = { id: newId(), kind, label: ctx.label, attributes: {}, origin: 'drawn', points: points.map((p) => ({ x: p.x, y: p.y })) };
    return { state: idle, patch: addShapes(ctx.scene, [shape]), select: [shape.id] };
  };
  return {
    name: kind,
    handle(state, event, ctx): ToolResult {
      const max = kindConfig(ctx.config, kind)?.maxVertices ?? null;
      switch (event.type) {
        case 'down': {
          if (state.mode !== 'placing') return { state: { mode: 'placing', points: [event.p], hover: event.p }, select: [] };
          const first = state.points[0]!;
          if (kind === 'polygon' && state.points.length >= 3 && samePoint(first, event.p, ctx.tol * 1.5)) return finish(state.points, ctx);
          // The second click of a double click lands on the last vertex: not a new one.
          if (samePoint(state.points[state.points.length - 1]!, event.p, ctx.tol / 4)) return { state };
          const points = [...state.points, event.p];
          if (max !== null && points.length >= max) return finish(points, ctx);
          return { state: { mode: 'placing', points, hover: event.p } };
        }
        case 'move':
          return state.mode === 'placing' ? { state: { ...state, hover: event.p } } : { state };
        case 'up':
          return { state };
        case 'dblclick':
          return state.mode === 'placing' ? finish(state.points, ctx) : { state };
        case 'key': {
          if (state.mode !== 'placing') return { state };
          if (event.key === 'Escape') return { state: idle };
          if (event.key === 'Enter') return finish(state.points, ctx);
          const points = state.points.slice(0, -1);
          return { state: points.length === 0 ? idle : { ...state, points } };
        }
      }
    },
    preview(state: ToolState, ctx) {
      if (state.mode !== 'placing') return undefined;
      return { id: 'preview', kind, label: ctx.label, attributes: {}, origin: 'drawn', points: [...state.points, state.hover] };
    },
  };
}

export const polygonTool = vertexTool('polygon');
export const lineTool = vertexTool('line');
