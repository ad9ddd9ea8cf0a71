import type { EditorConfig } from '../scene/config.js';
import type { Patch } from '../scene/patches.js';
import type { Pt, Scene, Shape } from '../scene/types.js';

export type ToolName = 'select' | 'box' | 'polygon' | 'line' | 'point' | 'ellipse' | 'cuboid';

/** Pointer positions are in image pixels; the canvas converts before calling a tool. */
export type ToolEvent =
  | { type: 'down' | 'move' | 'up'; p: Pt; shift?: boolean; alt?: boolean }
  | { type: 'dblclick'; p: Pt }
  | { type: 'key'; key: 'Enter' | 'Escape' | 'Backspace' };

/** What a tool reads: never mutates. */
export interface ToolContext {
  scene: Scene;
  selection: readonly string[];
  config: EditorConfig;
  /** The label new shapes get (the one picked for this geometry). */
  label: string | undefined;
  /** Grab distance in image pixels (a few screen pixels at the current zoom). */
  tol: number;
}

/**
 * A tool's state. Each tool is a small machine (idle, pointing, dragging, resizing, placing) whose
 * in-progress shape is its `preview`; only on release does it become a patch, so one gesture is one undo step.
 */
export type ToolState =
  | { mode: 'idle' }
  | { mode: 'pointing'; start: Pt; target?: string | undefined; handle?: string | undefined }
  | { mode: 'dragging'; start: Pt; original: Shape; preview: Shape }
  | { mode: 'resizing'; handle: string; original: Shape; preview: Shape }
  | { mode: 'sizing'; start: Pt; current: Pt }
  | { mode: 'placing'; points: readonly Pt[]; hover: Pt };

export interface ToolResult {
  state: ToolState;
  patch?: Patch | undefined;
  /** A new selection (ids), when the gesture changes it. */
  select?: readonly string[] | undefined;
  /** Shown to the annotator when a gesture is refused (too small, too many vertices). */
  message?: string | undefined;
}

export interface Tool {
  name: ToolName;
  handle(state: ToolState, event: ToolEvent, ctx: ToolContext): ToolResult;
  /** The shape being drawn or moved, drawn on the active layer. */
  preview(state: ToolState, ctx: ToolContext): Shape | undefined;
}

export const idle: ToolState = { mode: 'idle' };
