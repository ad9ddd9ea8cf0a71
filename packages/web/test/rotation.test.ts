import { getTaskType } from '@tessera/schema';
import { describe, expect, it } from 'vitest';
import { editorReducer, newEditorState, type EditorAction } from '../src/workspace/editor-state.js';
import { editorConfig } from '../src/workspace/scene/config.js';
import { responseFromScene, sceneFromResponse } from '../src/workspace/scene/convert.js';
import { boxCorners, hitsShape } from '../src/workspace/scene/geometry.js';
import { dragHandle, handlesOf } from '../src/workspace/scene/handles.js';
import type { BoxShape } from '../src/workspace/scene/types.js';

const task = { type: 'imageannotation', params: { attachment: 'https://x/y.png', geometries: { box: { objects_to_annotate: ['car'], can_rotate: true } } } };
const config = editorConfig(task);
const box: BoxShape = { id: 'b', kind: 'box', label: 'car', x: 100, y: 100, w: 100, h: 40, attributes: {}, origin: 'drawn' };
const limits = { minWidth: 0, minHeight: 0 };
const close = (a: { x: number; y: number }, b: { x: number; y: number }) => {
  expect(a.x).toBeCloseTo(b.x, 6);
  expect(a.y).toBeCloseTo(b.y, 6);
};

describe('rotated boxes (can_rotate)', () => {
  it('rotates by the handle above the top edge, clockwise from straight up', () => {
    expect(config.kinds[0]!.canRotate).toBe(true);
    expect(handlesOf(box, true).map((h) => h.id)).toContain('rotate');
    expect(handlesOf(box, false).map((h) => h.id)).not.toContain('rotate');
    const turned = dragHandle(box, 'rotate', { x: 300, y: 120 }, limits) as BoxShape;
    expect(turned.rotation).toBeCloseTo(Math.PI / 2);
    // A quarter turn clockwise: the top-left corner goes to the top right of the centre.
    close(boxCorners(turned)[0]!, { x: 170, y: 70 });
  });

  it('hit-tests in the box’s own frame', () => {
    const turned = { ...box, rotation: Math.PI / 2 };
    expect(hitsShape(turned, { x: 150, y: 70 }, 1)).toBe(true); // inside only once rotated
    expect(hitsShape(turned, { x: 110, y: 115 }, 1)).toBe(false); // inside only when not
  });

  it('resizes along its own axes, keeping the opposite corner where it is', () => {
    const turned = { ...box, rotation: Math.PI / 6 };
    const fixed = boxCorners(turned)[0]!; // top left stays when the bottom-right handle moves
    const grabbed = handlesOf(turned).find((h) => h.id === 'se')!;
    const resized = dragHandle(turned, 'se', { x: grabbed.x + 20, y: grabbed.y + 10 }, limits) as BoxShape;
    close(boxCorners(resized)[0]!, fixed);
    expect(resized.rotation).toBe(turned.rotation);
    expect(resized.w).not.toBe(turned.w);
  });

  it('moves and rotates through the select tool as single undo steps', () => {
    let s = newEditorState(config, { shapes: [box] });
    const ptr = (type: 'down' | 'move' | 'up', x: number, y: number): EditorAction => ({ type: 'pointer', event: { type, p: { x, y } }, tol: 2 });
    s = [{ type: 'setTool', tool: 'select' } as EditorAction, ptr('down', 150, 120), ptr('up', 150, 120), ptr('down', 150, 88), ptr('move', 250, 120), ptr('move', 300, 120), ptr('up', 300, 120)].reduce(editorReducer, s);
    expect((s.doc.scene.shapes[0] as BoxShape).rotation).toBeCloseTo(Math.PI / 2);
    expect(s.doc.past).toHaveLength(1);
  });

  it('answers with rotation and the four corners, which the schema accepts, and reads them back', () => {
    const turned = { ...box, rotation: 0.3 };
    const response = responseFromScene(config, { shapes: [turned] }) as { annotations: Record<string, unknown>[] };
    expect(response.annotations[0]).toMatchObject({ left: 100, top: 100, width: 100, height: 40, rotation: 0.3 });
    expect(response.annotations[0]!['vertices']).toHaveLength(4);
    const def = getTaskType('imageannotation')!;
    expect(def.checkResponse(def.params.parse(task.params), def.response.parse(response))).toEqual([]);
    expect(sceneFromResponse(config, response, 'drawn').shapes[0]).toMatchObject({ x: 100, y: 100, w: 100, h: 40, rotation: 0.3 });
  });
});
