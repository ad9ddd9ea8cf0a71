import type Konva from 'konva';
import { memo, useCallback, useEffect, useImperativeHandle, useLayoutEffect, useMemo, useRef, useState, type Ref } from 'react';
import { Image as KImage, Layer, Shape as KShape, Stage } from 'react-konva';
import type { EditorAction, EditorState } from '../editor-state.js';
import { previewShape } from '../editor-state.js';
import { kindConfig, type LayerOverlay } from '../scene/config.js';
import { shapeBounds } from '../scene/geometry.js';
import type { Pt, Rect, Shape } from '../scene/types.js';
import { fitViewport, panBy, toImage, toScreen, zoomAt, type Viewport } from '../viewport.js';
import { paintSelected, paintShapes, traceShape } from './paint.js';
import { StaticLayerCache } from './static-cache.js';

/** Commands the toolbar and the keyboard give the view. */
export interface ViewportControls {
  fit(): void;
  zoom(factor: number): void;
  pan(dx: number, dy: number): void;
  /** Brings an image rectangle into view (centred), unless it is already wholly in view. */
  reveal(r: Rect): void;
  get(): Viewport;
}

/** Shapes drawn read-only over the image (another annotator's answer in the review diff). */
export interface Overlay {
  shapes: readonly Shape[];
  color: string;
  dash?: number[];
  /** Screen pixels; thicker for what needs the reviewer's eye. */
  lineWidth?: number;
  labels?: boolean;
}

export interface ImageCanvasProps {
  state: EditorState;
  dispatch: (a: EditorAction) => void;
  image: HTMLImageElement | undefined;
  color: (label: string | undefined) => string;
  overlays?: readonly Overlay[] | undefined;
  controls?: Ref<ViewportControls | undefined>;
}

const noIds: readonly string[] = [];

/** How close (screen pixels) a click must be to grab a shape or a handle. */
const GRAB_PX = 6;

type NativeCtx = { _context: CanvasRenderingContext2D };
const native = (c: unknown): CanvasRenderingContext2D => (c as NativeCtx)._context;
const stageScale = (shape: Konva.Shape): number => shape.getStage()?.scaleX() ?? 1;

/** Keeps a drag going when the pointer leaves the canvas; a pointer the browser does not know (a synthetic one) just goes uncaptured. */
function capture(e: React.PointerEvent): void {
  try {
    e.currentTarget.setPointerCapture(e.pointerId);
  } catch {
    /* not an active pointer */
  }
}

/**
 * Everything but the selection, on a layer that never listens for events. Painted into a cached bitmap
 * (static-cache.ts): a pan frame copies pixels, whatever the number of shapes.
 */
const StaticShapes = memo(function StaticShapes(props: { shapes: readonly Shape[]; exclude: readonly string[]; color: (l: string | undefined) => string }) {
  const { shapes, exclude, color } = props;
  const node = useRef<Konva.Shape>(null);
  const cache = useMemo(() => new StaticLayerCache({ fillAlpha: 0.06, lineWidth: 1.5, labels: true }, () => node.current?.getLayer()?.batchDraw()), []);
  useEffect(() => () => cache.dispose(), [cache]);
  const sceneFunc = useCallback(
    (ctx: Konva.Context, shape: Konva.Shape) => {
      const stage = shape.getStage();
      if (!stage) return;
      const scale = stage.scaleX();
      const rect = { x: -stage.x() / scale, y: -stage.y() / scale, w: stage.width() / scale, h: stage.height() / scale };
      const pixelRatio = shape.getLayer()?.getCanvas().getPixelRatio() ?? 1;
      cache.draw(native(ctx), { rect, scale, pixelRatio }, shapes, exclude, color);
    },
    [cache, shapes, exclude, color],
  );
  return <KShape ref={node} sceneFunc={sceneFunc} listening={false} perfectDrawEnabled={false} />;
});

/** The task's read-only `layers`, under everything. */
const LayerOverlays = memo(function LayerOverlays(props: { layers: readonly LayerOverlay[] }) {
  const sceneFunc = useCallback(
    (ctx: Konva.Context, shape: Konva.Shape) => {
      const c = native(ctx);
      const scale = stageScale(shape);
      c.beginPath();
      for (const l of props.layers) {
        const [a, b] = l.points;
        if (!a) continue;
        if (l.kind === 'box' && b) c.rect(a.x, a.y, b.x - a.x, b.y - a.y);
        else if (l.kind === 'point') {
          c.moveTo(a.x + 3 / scale, a.y);
          c.arc(a.x, a.y, 3 / scale, 0, Math.PI * 2);
        } else {
          c.moveTo(a.x, a.y);
          for (const p of l.points.slice(1)) c.lineTo(p.x, p.y);
          if (l.kind === 'polygon') c.closePath();
        }
      }
      c.lineWidth = 1 / scale;
      c.setLineDash([4 / scale, 3 / scale]);
      c.strokeStyle = 'rgba(255,255,255,0.85)';
      c.stroke();
      c.setLineDash([]);
    },
    [props.layers],
  );
  return <KShape sceneFunc={sceneFunc} listening={false} perfectDrawEnabled={false} />;
});

/**
 * Point skeletons: a line between the points of each connected label pair (left_elbow–left_wrist),
 * drawn with the image, under the points themselves.
 */
const Skeleton = memo(function Skeleton(props: { shapes: readonly Shape[]; pairs: readonly (readonly [string, string])[] }) {
  const sceneFunc = useCallback(
    (ctx: Konva.Context, shape: Konva.Shape) => {
      if (props.pairs.length === 0) return;
      const c = native(ctx);
      const at = new Map<string, Pt>();
      for (const s of props.shapes) if (s.kind === 'point' && s.label !== undefined && !s.hidden && !at.has(s.label)) at.set(s.label, { x: s.x, y: s.y });
      c.beginPath();
      for (const [a, b] of props.pairs) {
        const p = at.get(a);
        const q = at.get(b);
        if (!p || !q) continue;
        c.moveTo(p.x, p.y);
        c.lineTo(q.x, q.y);
      }
      c.lineWidth = 2 / stageScale(shape);
      c.strokeStyle = 'rgba(255,255,255,0.8)';
      c.stroke();
    },
    [props.shapes, props.pairs],
  );
  return <KShape sceneFunc={sceneFunc} listening={false} perfectDrawEnabled={false} />;
});

/** Other answers (the review diff), over the work so a shape only they drew is never hidden under it. */
const AnswerOverlays = memo(function AnswerOverlays(props: { overlays: readonly Overlay[] }) {
  const sceneFunc = useCallback(
    (ctx: Konva.Context, shape: Konva.Shape) => {
      const c = native(ctx);
      const scale = stageScale(shape);
      for (const o of props.overlays) {
        paintShapes(c, o.shapes, { scale, color: () => o.color, fillAlpha: 0, lineWidth: o.lineWidth ?? 2, dash: o.dash, labels: o.labels ?? false, labelsBelow: true });
      }
    },
    [props.overlays],
  );
  return <KShape sceneFunc={sceneFunc} listening={false} perfectDrawEnabled={false} />;
});

/**
 * The image editor's canvas. Three layers, none listening to Konva's hit graph: the image (with
 * read-only overlays), every static shape, and the active one (selection, handles, the shape being
 * drawn). Pointer events are read from the container and turned into image pixels for the tools; zoom
 * and pan move the stage directly, without a React render, so they cost one repaint of three layers.
 */
export function ImageCanvas(props: ImageCanvasProps) {
  const { state, dispatch, image, color } = props;
  const container = useRef<HTMLDivElement>(null);
  const stage = useRef<Konva.Stage>(null);
  const vp = useRef<Viewport>({ scale: 1, x: 0, y: 0 });
  const [size, setSize] = useState({ w: 0, h: 0 });
  const [spaceHeld, setSpaceHeld] = useState(false);
  const pan = useRef<{ start: Pt; vp: Viewport } | undefined>(undefined);
  const latest = useRef(state);
  latest.current = state;
  const fittedFor = useRef<HTMLImageElement | undefined>(undefined);

  const apply = useCallback((next: Viewport) => {
    // Whole screen pixels: the cached shape bitmap is then copied pixel for pixel, never resampled.
    const v = { scale: next.scale, x: Math.round(next.x), y: Math.round(next.y) };
    vp.current = v;
    const s = stage.current;
    if (!s) return;
    s.scale({ x: v.scale, y: v.scale });
    s.position({ x: v.x, y: v.y });
    s.batchDraw();
  }, []);

  const fit = useCallback(() => {
    if (image && size.w > 0) apply(fitViewport(image.naturalWidth, image.naturalHeight, size.w, size.h));
  }, [apply, image, size.w, size.h]);

  useImperativeHandle(
    props.controls,
    () => ({
      fit,
      zoom: (f) => apply(zoomAt(vp.current, f, { x: size.w / 2, y: size.h / 2 })),
      pan: (dx, dy) => apply(panBy(vp.current, dx, dy)),
      reveal: (r) => {
        const v = vp.current;
        const a = toScreen(v, { x: r.x, y: r.y });
        const b = toScreen(v, { x: r.x + r.w, y: r.y + r.h });
        if (a.x >= 0 && a.y >= 0 && b.x <= size.w && b.y <= size.h) return;
        apply(panBy(v, size.w / 2 - (a.x + b.x) / 2, size.h / 2 - (a.y + b.y) / 2));
      },
      get: () => vp.current,
    }),
    [apply, fit, size.w, size.h],
  );

  useLayoutEffect(() => {
    const el = container.current;
    if (!el) return;
    const ro = new ResizeObserver(([entry]) => {
      if (entry) setSize({ w: Math.floor(entry.contentRect.width), h: Math.floor(entry.contentRect.height) });
    });
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  useEffect(() => {
    if (image && size.w > 0 && fittedFor.current !== image) {
      fittedFor.current = image;
      fit();
      // Browser tests wait for this before clicking at image coordinates.
      if (container.current) container.current.dataset['fitted'] = 'true';
    }
  }, [image, size.w, fit]);

  // Tests and the benchmark need to click at exact image pixels; this is the only way in from outside.
  useEffect(() => {
    const hook = {
      viewport: () => vp.current,
      imageToClient: (x: number, y: number) => {
        const r = container.current?.getBoundingClientRect();
        const p = toScreen(vp.current, { x, y });
        return { x: (r?.left ?? 0) + p.x, y: (r?.top ?? 0) + p.y };
      },
      shapeCount: () => latest.current.doc.scene.shapes.length,
      shape: (id: string) => latest.current.doc.scene.shapes.find((s) => s.id === id),
    };
    (window as unknown as { __tesseraCanvas?: typeof hook }).__tesseraCanvas = hook;
  }, []);

  // Space held: the pointer pans instead of drawing.
  useEffect(() => {
    const typing = (e: KeyboardEvent) => e.target instanceof HTMLElement && (e.target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(e.target.tagName));
    const down = (e: KeyboardEvent) => {
      if (e.code === 'Space' && !typing(e)) {
        e.preventDefault();
        setSpaceHeld(true);
      }
    };
    const up = (e: KeyboardEvent) => {
      if (e.code === 'Space') setSpaceHeld(false);
    };
    window.addEventListener('keydown', down);
    window.addEventListener('keyup', up);
    return () => {
      window.removeEventListener('keydown', down);
      window.removeEventListener('keyup', up);
    };
  }, []);

  useEffect(() => {
    const el = container.current;
    if (!el) return;
    const wheel = (e: WheelEvent) => {
      e.preventDefault();
      const r = el.getBoundingClientRect();
      const at = { x: e.clientX - r.left, y: e.clientY - r.top };
      if (e.shiftKey) apply(panBy(vp.current, -e.deltaY, -e.deltaX));
      else apply(zoomAt(vp.current, Math.exp(-e.deltaY * (e.ctrlKey ? 0.01 : 0.0015)), at));
    };
    el.addEventListener('wheel', wheel, { passive: false });
    return () => el.removeEventListener('wheel', wheel);
  }, [apply]);

  const local = (e: { clientX: number; clientY: number }): Pt => {
    const r = container.current!.getBoundingClientRect();
    return { x: e.clientX - r.left, y: e.clientY - r.top };
  };
  const tol = () => GRAB_PX / vp.current.scale;

  const onPointerDown = (e: React.PointerEvent) => {
    container.current?.focus({ preventScroll: true });
    if (spaceHeld || e.button === 1) {
      capture(e);
      pan.current = { start: local(e), vp: vp.current };
      return;
    }
    if (e.button !== 0) return;
    capture(e);
    dispatch({ type: 'pointer', event: { type: 'down', p: toImage(vp.current, local(e)), shift: e.shiftKey, alt: e.altKey }, tol: tol() });
  };
  const onPointerMove = (e: React.PointerEvent) => {
    if (pan.current) {
      const p = local(e);
      apply(panBy(pan.current.vp, p.x - pan.current.start.x, p.y - pan.current.start.y));
      return;
    }
    // Moves only matter mid-gesture; an idle hover must not re-render the editor.
    if (latest.current.toolState.mode === 'idle') return;
    dispatch({ type: 'pointer', event: { type: 'move', p: toImage(vp.current, local(e)) }, tol: tol() });
  };
  const onPointerUp = (e: React.PointerEvent) => {
    if (pan.current) {
      pan.current = undefined;
      return;
    }
    if (e.button !== 0) return;
    dispatch({ type: 'pointer', event: { type: 'up', p: toImage(vp.current, local(e)) }, tol: tol() });
  };
  const onDoubleClick = (e: React.MouseEvent) => {
    dispatch({ type: 'pointer', event: { type: 'dblclick', p: toImage(vp.current, local(e)) }, tol: tol() });
  };

  const shapes = state.doc.scene.shapes;
  const pairs = useMemo(() => kindConfig(state.config, 'point')?.connections ?? [], [state.config]);
  const preview = previewShape(state, GRAB_PX / vp.current.scale);
  const selected = shapes.filter((s) => state.selection.includes(s.id) && !s.hidden);
  const drawingPreview = preview && preview.id === 'preview' ? preview : undefined;
  // Only a shape being moved leaves the static layer. A selected one stays in it (the active layer draws
  // over it), so selecting never repaints thousands of shapes.
  const movingId = preview && preview.id !== 'preview' ? preview.id : undefined;
  const moving = useMemo(() => (movingId ? [movingId] : noIds), [movingId]);

  const activeFunc = useCallback(
    (ctx: Konva.Context, shape: Konva.Shape) => {
      const c = native(ctx);
      const scale = stageScale(shape);
      for (const s of selected) {
        const shown = preview && preview.id === s.id ? preview : s;
        paintSelected(c, shown, scale, color(shown.label), state.editable, kindConfig(state.config, 'box')?.canRotate ?? false);
      }
      if (drawingPreview) {
        c.beginPath();
        const open = drawingPreview.kind === 'polygon' ? { ...drawingPreview, kind: 'line' as const } : drawingPreview;
        traceShape(c, open, 4 / scale);
        c.lineWidth = 2 / scale;
        c.setLineDash([6 / scale, 4 / scale]);
        // Red while the shape is still under the task's min_width/min_height: letting go now is refused.
        const k = kindConfig(state.config, drawingPreview.kind);
        const b = shapeBounds(drawingPreview);
        const tooSmall = k !== undefined && (drawingPreview.kind === 'box' || drawingPreview.kind === 'ellipse' || drawingPreview.kind === 'cuboid') && (b.w < k.minWidth || b.h < k.minHeight);
        c.strokeStyle = tooSmall ? '#ff3030' : color(drawingPreview.label);
        c.stroke();
        c.setLineDash([]);
        if (drawingPreview.kind === 'polygon' || drawingPreview.kind === 'line') {
          c.fillStyle = '#fff';
          for (const p of drawingPreview.points.slice(0, -1)) c.fillRect(p.x - 3 / scale, p.y - 3 / scale, 6 / scale, 6 / scale);
        }
      }
    },
    [selected, preview, drawingPreview, color, state.editable, state.config],
  );

  const cursor = spaceHeld || pan.current ? 'grab' : state.editable && state.tool !== 'select' ? 'crosshair' : 'default';

  return (
    <div
      ref={container}
      className="canvas"
      data-testid="canvas"
      tabIndex={0}
      style={{ cursor }}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onDoubleClick={onDoubleClick}
      onContextMenu={(e) => e.preventDefault()}
    >
      {size.w > 0 && (
        <Stage ref={stage} width={size.w} height={size.h} listening={false} scaleX={vp.current.scale} scaleY={vp.current.scale} x={vp.current.x} y={vp.current.y}>
          <Layer listening={false} imageSmoothingEnabled={false}>
            {image && <KImage image={image} x={0} y={0} listening={false} />}
            <LayerOverlays layers={state.config.layers} />
            {pairs.length > 0 && <Skeleton shapes={shapes} pairs={pairs} />}
          </Layer>
          <Layer listening={false}>
            <StaticShapes shapes={shapes} exclude={moving} color={color} />
          </Layer>
          {props.overlays && props.overlays.length > 0 && (
            <Layer listening={false}>
              <AnswerOverlays overlays={props.overlays} />
            </Layer>
          )}
          <Layer listening={false}>
            <KShape sceneFunc={activeFunc} listening={false} perfectDrawEnabled={false} />
          </Layer>
        </Stage>
      )}
    </div>
  );
}
