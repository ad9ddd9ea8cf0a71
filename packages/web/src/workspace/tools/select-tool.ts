import { kindConfig } from '../scene/config.js';
import { hitTest, nearestEdge, translate } from '../scene/geometry.js';
import { dragHandle, handleAt, handlesOf } from '../scene/handles.js';
import { replaceShape } from '../scene/patches.js';
import type { Shape } from '../scene/types.js';
import { idle, type Tool, type ToolContext, type ToolResult, type ToolState } from './types.js';

function selectedShape(ctx: ToolContext): Shape | undefined {
  if (ctx.selection.length !== 1) return undefined;
  return ctx.scene.shapes.find((s) => s.id === ctx.selection[0]);
}

/** The fewest vertices a shape of this kind may keep (the task's min_vertices, and what makes it a shape at all). */
export function vertexFloor(ctx: ToolContext, kind: 'polygon' | 'line'): number {
  return Math.max(kindConfig(ctx.config, kind)?.minVertices ?? 1, kind === 'polygon' ? 3 : 2);
}

function limits(ctx: ToolContext, s: Shape) {
  const k = kindConfig(ctx.config, s.kind);
  return { minWidth: k?.minWidth ?? 0, minHeight: k?.minHeight ?? 0 };
}

/** Select, move, resize; alt-click deletes a vertex, double-click on an edge adds one. */
export const selectTool: Tool = {
  name: 'select',
  handle(state, event, ctx): ToolResult {
    switch (event.type) {
      case 'down': {
        const current = selectedShape(ctx);
        if (current && !current.locked && !current.hidden) {
          const handle = handleAt(handlesOf(current, kindConfig(ctx.config, 'box')?.canRotate ?? false), event.p, ctx.tol * 1.5);
          if (handle && event.alt && (current.kind === 'polygon' || current.kind === 'line')) {
            if (current.points.length <= vertexFloor(ctx, current.kind)) {
              return { state: idle, message: `A ${current.kind} needs at least ${vertexFloor(ctx, current.kind)} vertices.` };
            }
            const i = Number(handle.id.slice(1));
            return { state: idle, patch: replaceShape(current, { ...current, points: current.points.filter((_, j) => j !== i) }, 'delete vertex') };
          }
          if (handle) return { state: { mode: 'pointing', start: event.p, target: current.id, handle: handle.id } };
        }
        const hit = hitTest(ctx.scene.shapes, event.p, ctx.tol);
        if (!hit) return { state: idle, select: event.shift ? ctx.selection : [] };
        if (event.shift) {
          const on = ctx.selection.includes(hit.id);
          return { state: idle, select: on ? ctx.selection.filter((id) => id !== hit.id) : [...ctx.selection, hit.id] };
        }
        return { state: { mode: 'pointing', start: event.p, target: hit.id }, select: [hit.id] };
      }
      case 'move': {
        if (state.mode === 'pointing' && state.target) {
          if (Math.hypot(event.p.x - state.start.x, event.p.y - state.start.y) < ctx.tol / 3) return { state };
          const target = ctx.scene.shapes.find((s) => s.id === state.target);
          if (!target || target.locked) return { state };
          if (state.handle) return { state: { mode: 'resizing', handle: state.handle, original: target, preview: dragHandle(target, state.handle, event.p, limits(ctx, target)) } };
          return { state: { mode: 'dragging', start: state.start, original: target, preview: translate(target, event.p.x - state.start.x, event.p.y - state.start.y) } };
        }
        if (state.mode === 'dragging') {
          return { state: { ...state, preview: translate(state.original, event.p.x - state.start.x, event.p.y - state.start.y) } };
        }
        if (state.mode === 'resizing') {
          return { state: { ...state, preview: dragHandle(state.original, state.handle, event.p, limits(ctx, state.original)) } };
        }
        return { state };
      }
      case 'up': {
        if (state.mode === 'dragging') return { state: idle, patch: replaceShape(state.original, state.preview, 'move') };
        if (state.mode === 'resizing') return { state: idle, patch: replaceShape(state.original, state.preview, state.original.kind === 'polygon' || state.original.kind === 'line' ? 'move vertex' : 'resize') };
        return { state: idle };
      }
      case 'dblclick': {
        const current = selectedShape(ctx);
        if (!current || current.locked || (current.kind !== 'polygon' && current.kind !== 'line')) return { state };
        const edge = nearestEdge(current.points, event.p, current.kind === 'polygon');
        if (!edge || edge.dist > ctx.tol * 1.5) return { state };
        const max = kindConfig(ctx.config, current.kind)?.maxVertices ?? null;
        if (max !== null && current.points.length >= max) return { state, message: `A ${current.kind} may have at most ${max} vertices.` };
        const points = [...current.points.slice(0, edge.index + 1), { x: event.p.x, y: event.p.y }, ...current.points.slice(edge.index + 1)];
        return { state: idle, patch: replaceShape(current, { ...current, points }, 'add vertex') };
      }
      case 'key':
        if (event.key === 'Escape') return { state: idle, select: state.mode === 'idle' ? [] : ctx.selection };
        return { state };
    }
  },
  preview(state: ToolState) {
    return state.mode === 'dragging' || state.mode === 'resizing' ? state.preview : undefined;
  },
};
