import type { Rect, Shape } from '../scene/types.js';
import { paintShapes, type PaintStyle } from './paint.js';

/** What the cached bitmap was painted for: when any of these changes, it is painted again. */
interface CacheKey {
  shapes: readonly Shape[];
  exclude: readonly string[];
  color: PaintStyle['color'];
  scale: number;
  pixelRatio: number;
}

export interface View {
  /** The part of the image in view, in image pixels. */
  rect: Rect;
  scale: number;
  pixelRatio: number;
}

/**
 * The static shapes as a bitmap a little larger than the view. Panning then copies pixels instead of
 * rasterizing every outline again, which is what made a pan frame grow with the number of shapes; the
 * bitmap is repainted only when the shapes, the selection or the zoom change, or the view leaves it.
 * While zooming, the old bitmap is drawn stretched and repainted once the wheel stops.
 */
export class StaticLayerCache {
  private canvas: HTMLCanvasElement | undefined;
  private key: CacheKey | undefined;
  private area: Rect = { x: 0, y: 0, w: 0, h: 0 };
  private settle: number | undefined;

  constructor(
    private readonly style: Omit<PaintStyle, 'scale' | 'color'>,
    /** Called when a repaint was put off (zooming) and the layer should draw again. */
    private readonly redraw: () => void,
  ) {}

  draw(ctx: CanvasRenderingContext2D, view: View, shapes: readonly Shape[], exclude: readonly string[], color: PaintStyle['color']): void {
    const key: CacheKey = { shapes, exclude, color, scale: view.scale, pixelRatio: view.pixelRatio };
    const sameContent = this.key !== undefined && this.key.shapes === shapes && this.key.exclude === exclude && this.key.color === color && this.key.pixelRatio === view.pixelRatio;
    const zoomOnly = sameContent && this.key!.scale !== view.scale;
    if (zoomOnly && this.canvas) {
      // Mid-zoom: stretch what we have now, paint it sharp when the zooming stops.
      this.blit(ctx, view);
      window.clearTimeout(this.settle);
      this.settle = window.setTimeout(() => {
        this.key = undefined;
        this.redraw();
      }, 120);
      return;
    }
    if (!sameContent || !this.canvas || !contains(this.area, view.rect)) this.paint(view, key, shapes, exclude);
    this.blit(ctx, view);
  }

  private paint(view: View, key: CacheKey, shapes: readonly Shape[], exclude: readonly string[]): void {
    // Half a view of margin on each side: room to pan before painting again, at 4× the view's pixels
    // (a quarter view on high-density screens, whose pixels are already 4× as many).
    const r = view.rect;
    const m = view.pixelRatio > 1 ? 0.25 : 0.5;
    this.area = { x: r.x - r.w * m, y: r.y - r.h * m, w: r.w * (1 + 2 * m), h: r.h * (1 + 2 * m) };
    const k = view.scale * view.pixelRatio;
    const canvas = (this.canvas ??= document.createElement('canvas'));
    canvas.width = Math.max(1, Math.ceil(this.area.w * k));
    canvas.height = Math.max(1, Math.ceil(this.area.h * k));
    const c = canvas.getContext('2d')!;
    c.setTransform(k, 0, 0, k, -this.area.x * k, -this.area.y * k);
    const skip = new Set(exclude);
    paintShapes(c, skip.size === 0 ? shapes : shapes.filter((s) => !skip.has(s.id)), { ...this.style, scale: view.scale, color: key.color });
    this.key = key;
  }

  /** Copies the part of the bitmap that is in view (the layer's transform maps image pixels to the screen). */
  private blit(ctx: CanvasRenderingContext2D, view: View): void {
    if (!this.canvas || !this.key) return;
    const a = this.area;
    const k = this.canvas.width / a.w;
    const x0 = Math.max(a.x, view.rect.x);
    const y0 = Math.max(a.y, view.rect.y);
    const x1 = Math.min(a.x + a.w, view.rect.x + view.rect.w);
    const y1 = Math.min(a.y + a.h, view.rect.y + view.rect.h);
    if (x1 <= x0 || y1 <= y0) return;
    ctx.drawImage(this.canvas, (x0 - a.x) * k, (y0 - a.y) * k, (x1 - x0) * k, (y1 - y0) * k, x0, y0, x1 - x0, y1 - y0);
  }

  dispose(): void {
    window.clearTimeout(this.settle);
    if (this.canvas) this.canvas.width = this.canvas.height = 0;
    this.canvas = undefined;
  }
}

function contains(outer: Rect, inner: Rect): boolean {
  return inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.w <= outer.x + outer.w && inner.y + inner.h <= outer.y + outer.h;
}
