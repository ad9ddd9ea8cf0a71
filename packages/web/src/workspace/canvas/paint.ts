import { boxCorners, cuboidVertices, shapeBounds } from '../scene/geometry.js';
import { handlesOf } from '../scene/handles.js';
import type { Shape } from '../scene/types.js';

const palette = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2', '#17becf', '#bcbd22', '#7f7f7f', '#393b79', '#637939'];
/** Unlabelled shapes stand out: they still need a label before the task can be submitted. */
export const UNLABELLED = '#ff2bd6';

/** A colour per label, stable within a task (by the label's place in the task's list). */
export function labelColors(names: Iterable<string>): (label: string | undefined) => string {
  const index = new Map<string, string>();
  let i = 0;
  for (const n of names) index.set(n, palette[i++ % palette.length]!);
  return (label) => (label === undefined ? UNLABELLED : (index.get(label) ?? palette[palette.length - 1]!));
}

/** Adds one shape's outline to the current path (in image pixels; the layer's transform does the zoom). */
export function traceShape(ctx: CanvasRenderingContext2D, s: Shape, pointRadius: number): void {
  switch (s.kind) {
    case 'box': {
      if (!s.rotation) {
        ctx.rect(s.x, s.y, s.w, s.h);
        break;
      }
      const [a, ...rest] = boxCorners(s);
      ctx.moveTo(a!.x, a!.y);
      for (const p of rest) ctx.lineTo(p.x, p.y);
      ctx.closePath();
      break;
    }
    case 'polygon':
    case 'line': {
      const [first, ...rest] = s.points;
      if (!first) return;
      ctx.moveTo(first.x, first.y);
      for (const p of rest) ctx.lineTo(p.x, p.y);
      if (s.kind === 'polygon') ctx.closePath();
      break;
    }
    case 'point':
      ctx.moveTo(s.x + pointRadius, s.y);
      ctx.arc(s.x, s.y, pointRadius, 0, Math.PI * 2);
      break;
    case 'ellipse':
      ctx.moveTo(s.cx + s.rx, s.cy);
      ctx.ellipse(s.cx, s.cy, Math.max(s.rx, 0), Math.max(s.ry, 0), 0, 0, Math.PI * 2);
      break;
    case 'cuboid': {
      const v = cuboidVertices(s);
      const [, , tr, br, st, sb] = v;
      ctx.rect(s.face.x, s.face.y, s.face.w, s.face.h);
      ctx.moveTo(tr!.x, tr!.y);
      ctx.lineTo(st!.x, st!.y);
      ctx.lineTo(sb!.x, sb!.y);
      ctx.lineTo(br!.x, br!.y);
      break;
    }
  }
}

export interface PaintStyle {
  scale: number;
  color: (label: string | undefined) => string;
  /** 0..1: how strongly shapes are filled. */
  fillAlpha: number;
  lineWidth: number;
  dash?: number[] | undefined;
  labels: boolean;
  labelText?: ((s: Shape) => string) | undefined;
  /** Labels under the shape instead of over it (a second answer's labels must not cover the first's). */
  labelsBelow?: boolean | undefined;
}

/**
 * Paints many shapes in a handful of canvas calls: one path per colour, stroked and filled once.
 * This, not one canvas node per shape, is what keeps thousands of boxes under a millisecond or two.
 */
export function paintShapes(ctx: CanvasRenderingContext2D, shapes: readonly Shape[], style: PaintStyle): void {
  const byColor = new Map<string, Shape[]>();
  for (const s of shapes) {
    if (s.hidden) continue;
    const c = style.color(s.label);
    let list = byColor.get(c);
    if (!list) byColor.set(c, (list = []));
    list.push(s);
  }
  const k = 1 / style.scale;
  const r = 4 * k;
  ctx.lineWidth = style.lineWidth * k;
  ctx.lineJoin = 'round';
  ctx.setLineDash(style.dash ? style.dash.map((d) => d * k) : []);
  for (const [color, list] of byColor) {
    ctx.strokeStyle = color;
    ctx.fillStyle = color;
    // Boxes go through strokeRect/fillRect, the rasterizer's fast path; one path of thousands of sub-paths
    // would be scan-converted over its whole bounding box, which in a software canvas costs a frame.
    if (style.fillAlpha > 0) {
      ctx.globalAlpha = style.fillAlpha;
      for (const s of list) if (s.kind === 'box' && !s.rotation) ctx.fillRect(s.x, s.y, s.w, s.h);
      ctx.globalAlpha = 1;
    }
    for (const s of list) if (s.kind === 'box' && !s.rotation) ctx.strokeRect(s.x, s.y, s.w, s.h);
    ctx.beginPath();
    let others = false;
    for (const s of list) {
      if (s.kind === 'point' || (s.kind === 'box' && !s.rotation)) continue;
      traceShape(ctx, s, r);
      others = true;
    }
    if (others) {
      if (style.fillAlpha > 0) {
        ctx.globalAlpha = style.fillAlpha;
        ctx.fill('evenodd');
        ctx.globalAlpha = 1;
      }
      ctx.stroke();
    }
    ctx.beginPath();
    for (const s of list) if (s.kind === 'point') traceShape(ctx, s, r);
    ctx.fill();
  }
  ctx.setLineDash([]);
  if (style.labels) paintLabels(ctx, shapes, style);
}

/** Labels only where they can be read, and at most a few hundred: text is the slowest thing to draw. */
function paintLabels(ctx: CanvasRenderingContext2D, shapes: readonly Shape[], style: PaintStyle): void {
  const k = 1 / style.scale;
  ctx.font = `${12 * k}px system-ui, sans-serif`;
  ctx.textBaseline = style.labelsBelow ? 'top' : 'bottom';
  let drawn = 0;
  for (const s of shapes) {
    if (s.hidden || s.label === undefined || drawn > 300) continue;
    const at = style.labelsBelow ? labelAnchorBelow(s) : labelAnchor(s);
    if (s.kind === 'box' && s.w * style.scale < 36) continue;
    ctx.fillStyle = style.color(s.label);
    ctx.fillText(style.labelText?.(s) ?? s.label, at.x, at.y + (style.labelsBelow ? 2 : -2) * k);
    drawn++;
  }
}

function labelAnchorBelow(s: Shape): { x: number; y: number } {
  const b = shapeBounds(s);
  return { x: b.x, y: b.y + b.h };
}

function labelAnchor(s: Shape): { x: number; y: number } {
  switch (s.kind) {
    case 'box':
      return { x: s.x, y: s.y };
    case 'point':
      return { x: s.x + 5, y: s.y - 4 };
    case 'ellipse':
      return { x: s.cx - s.rx, y: s.cy - s.ry };
    case 'cuboid':
      return { x: s.face.x, y: s.face.y };
    default:
      return s.points[0] ?? { x: 0, y: 0 };
  }
}

/** The selected shape: thicker, with square grab handles at its corners or vertices. */
export function paintSelected(ctx: CanvasRenderingContext2D, s: Shape, scale: number, color: string, editable: boolean, canRotate = false): void {
  const k = 1 / scale;
  ctx.beginPath();
  traceShape(ctx, s, 5 * k);
  ctx.lineWidth = 2.5 * k;
  ctx.strokeStyle = color;
  ctx.fillStyle = color;
  ctx.globalAlpha = 0.18;
  if (s.kind !== 'line') ctx.fill('evenodd');
  ctx.globalAlpha = 1;
  ctx.stroke();
  if (s.kind === 'point') {
    ctx.beginPath();
    traceShape(ctx, s, 5 * k);
    ctx.fill();
  }
  if (!editable || s.locked) return;
  const size = 8 * k;
  ctx.lineWidth = 1 * k;
  const handles = handlesOf(s, canRotate);
  const rotate = handles.find((h) => h.id === 'rotate');
  const top = handles.find((h) => h.id === 'n');
  if (rotate && top) {
    // A stalk from the top edge to a round grip: the rotation handle reads as one.
    ctx.beginPath();
    ctx.moveTo(top.x, top.y);
    ctx.lineTo(rotate.x, rotate.y);
    ctx.strokeStyle = color;
    ctx.stroke();
    ctx.beginPath();
    ctx.arc(rotate.x, rotate.y, size / 2, 0, Math.PI * 2);
    ctx.fillStyle = '#fff';
    ctx.fill();
    ctx.stroke();
  }
  for (const h of handles) {
    if (h.id === 'rotate') continue;
    ctx.fillStyle = '#fff';
    ctx.fillRect(h.x - size / 2, h.y - size / 2, size, size);
    ctx.strokeStyle = color;
    ctx.strokeRect(h.x - size / 2, h.y - size / 2, size, size);
  }
}
