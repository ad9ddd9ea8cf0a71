import type { Pt } from './scene/types.js';

/** Screen = image × scale + offset. The scene never changes with the view; only this does. */
export interface Viewport {
  scale: number;
  x: number;
  y: number;
}

export const MIN_SCALE = 0.02;
export const MAX_SCALE = 64;

/** The whole image centred in the view with a small margin. */
export function fitViewport(imageW: number, imageH: number, viewW: number, viewH: number, margin = 16): Viewport {
  if (imageW <= 0 || imageH <= 0 || viewW <= 0 || viewH <= 0) return { scale: 1, x: 0, y: 0 };
  const scale = Math.min((viewW - 2 * margin) / imageW, (viewH - 2 * margin) / imageH);
  const s = Math.max(MIN_SCALE, Math.min(MAX_SCALE, scale));
  return { scale: s, x: (viewW - imageW * s) / 2, y: (viewH - imageH * s) / 2 };
}

/** Zooms by `factor` keeping the image point under `at` (screen) where it is: the wheel's behaviour. */
export function zoomAt(vp: Viewport, factor: number, at: Pt): Viewport {
  const scale = Math.max(MIN_SCALE, Math.min(MAX_SCALE, vp.scale * factor));
  const k = scale / vp.scale;
  return { scale, x: at.x - (at.x - vp.x) * k, y: at.y - (at.y - vp.y) * k };
}

export function panBy(vp: Viewport, dx: number, dy: number): Viewport {
  return { ...vp, x: vp.x + dx, y: vp.y + dy };
}

export function toImage(vp: Viewport, p: Pt): Pt {
  return { x: (p.x - vp.x) / vp.scale, y: (p.y - vp.y) / vp.scale };
}

export function toScreen(vp: Viewport, p: Pt): Pt {
  return { x: p.x * vp.scale + vp.x, y: p.y * vp.scale + vp.y };
}
