import type { Shape } from './scene/types.js';

const KEY = 'tessera.previous-shapes.';

/** The shapes of the last task submitted in a project, for "copy from previous task" (consecutive video frames, near-duplicate shots). */
export function rememberShapes(projectId: string, shapes: readonly Shape[]): void {
  try {
    sessionStorage.setItem(KEY + projectId, JSON.stringify(shapes));
  } catch {
    /* too large or storage off: copying is a convenience */
  }
}

export function previousShapes(projectId: string): Shape[] | undefined {
  try {
    const raw = sessionStorage.getItem(KEY + projectId);
    return raw ? (JSON.parse(raw) as Shape[]) : undefined;
  } catch {
    return undefined;
  }
}
