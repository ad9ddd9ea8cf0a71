import { getTaskType } from '@tessera/schema';
import { describe, expect, it } from 'vitest';
import { editorConfig } from '../src/workspace/scene/config.js';
import { applicableAttributes, initialScene, responseFromScene, sceneFromResponse } from '../src/workspace/scene/convert.js';
import type { Shape } from '../src/workspace/scene/types.js';
import { fitViewport, toImage, toScreen, zoomAt } from '../src/workspace/viewport.js';
import { config, imageTask } from './fixtures.js';

const common = { attributes: {}, origin: 'drawn' as const };

describe('scene to Scale response', () => {
  it('writes every geometry in image pixels, to the hundredth', () => {
    const shapes: Shape[] = [
      { ...common, id: 'b', kind: 'box', label: 'car', x: 10.123, y: 20, w: 30.456, h: 40 },
      { ...common, id: 'p', kind: 'polygon', label: 'road', points: [{ x: 0, y: 0 }, { x: 10, y: 0 }, { x: 10, y: 10 }] },
      { ...common, id: 'l', kind: 'line', label: 'lane', points: [{ x: 0, y: 0 }, { x: 5, y: 5 }] },
    ];
    const response = responseFromScene(config, { shapes });
    expect(response).toEqual({
      annotations: [
        { uuid: 'b', type: 'box', label: 'car', left: 10.12, top: 20, width: 30.46, height: 40 },
        { uuid: 'p', type: 'polygon', label: 'road', vertices: [{ x: 0, y: 0 }, { x: 10, y: 0 }, { x: 10, y: 10 }] },
        { uuid: 'l', type: 'line', label: 'lane', vertices: [{ x: 0, y: 0 }, { x: 5, y: 5 }] },
      ],
    });
    const def = getTaskType('imageannotation')!;
    const params = def.params.parse(imageTask.params);
    expect(def.checkResponse(params, def.response.parse(response))).toEqual([]);
  });

  it('round-trips points, ellipses and cuboids, keeping unknown fields', () => {
    const task = { type: 'imageannotation', params: { attachment: 'https://x/y.png', geometries: { point: {}, ellipse: {}, cuboid: {} } } };
    const cfg = editorConfig(task);
    const response = {
      annotations: [
        { uuid: '1', type: 'point', x: 3, y: 4, confidence: 0.9 },
        { uuid: '2', type: 'ellipse', vertices: [{ x: 50, y: 10 }, { x: 80, y: 30 }, { x: 50, y: 50 }, { x: 20, y: 30 }] },
        {
          uuid: '3',
          type: 'cuboid',
          vertices: [
            { description: 'face-topleft', x: 0, y: 0, type: 'vertex' },
            { description: 'face-bottomleft', x: 0, y: 10, type: 'vertex' },
            { description: 'face-topright', x: 20, y: 0, type: 'vertex' },
            { description: 'face-bottomright', x: 20, y: 10, type: 'vertex' },
            { description: 'side-topcorner', x: 30, y: -2, type: 'vertex' },
            { description: 'side-bottomcorner', x: 30, y: 8, type: 'vertex' },
          ],
        },
      ],
    };
    const scene = sceneFromResponse(cfg, response, 'hypothesis');
    expect(scene.shapes[1]).toMatchObject({ kind: 'ellipse', cx: 50, cy: 30, rx: 30, ry: 20 });
    expect(responseFromScene(cfg, scene)).toEqual(response);
  });

  it('reads and writes the legacy types in their own flat shape', () => {
    const task = { type: 'annotation', params: { attachment: 'https://x/y.png', objects_to_annotate: ['car'], min_width: 3, hypothesis: { annotations: [{ left: 1, top: 2, width: 30, height: 40, label: 'car' }] } } };
    const cfg = editorConfig(task);
    expect(cfg.kinds.map((k) => [k.kind, k.minWidth, k.pickable])).toEqual([['box', 3, ['car']]]);
    const scene = initialScene(cfg);
    expect(scene.shapes).toMatchObject([{ kind: 'box', x: 1, y: 2, w: 30, h: 40, origin: 'hypothesis' }]);
    const response = responseFromScene(cfg, scene) as { annotations: Record<string, unknown>[] };
    expect(response.annotations[0]).toMatchObject({ left: 1, top: 2, width: 30, height: 40, label: 'car' });
    expect(response.annotations[0]).not.toHaveProperty('type');
  });

  it('drops attributes whose conditions no longer hold, transitively', () => {
    expect(applicableAttributes(config, 'car', { occluded: 'yes', occlusion: 40, plate: 'AB 123' })).toEqual({ occluded: 'yes', occlusion: 40, plate: 'AB 123' });
    expect(applicableAttributes(config, 'adult', { occluded: 'no', occlusion: 40, plate: 'AB 123' })).toEqual({ occluded: 'no' });
    expect(applicableAttributes(config, 'car', { occlusion: 40 })).toEqual({});
  });
});

describe('viewport', () => {
  it('fits, zooms about the cursor, and maps screen to image pixels and back', () => {
    const vp = fitViewport(1000, 500, 532, 532);
    expect(vp.scale).toBeCloseTo(0.5);
    expect(toImage(vp, toScreen(vp, { x: 123, y: 45 }))).toEqual({ x: 123, y: 45 });
    const at = { x: 200, y: 150 };
    const zoomed = zoomAt(vp, 2, at);
    expect(toImage(zoomed, at).x).toBeCloseTo(toImage(vp, at).x);
    expect(toImage(zoomed, at).y).toBeCloseTo(toImage(vp, at).y);
  });
});

describe('checking an answer before it is sent', async () => {
  const { checkAnswer } = await import('../src/workspace/validate.js');
  it('names the object and the rule, with the schema’s own checks', () => {
    const issues = checkAnswer(imageTask, {
      annotations: [
        { uuid: 'a', type: 'box', label: 'car', left: 0, top: 0, width: 10, height: 10 },
        { uuid: 'b', type: 'box', left: 0, top: 0, width: 10, height: 10 },
        { uuid: 'c', type: 'box', label: 'person', left: 0, top: 0, width: 10, height: 2 },
      ],
    });
    expect(issues.map((i) => i.annotation)).toEqual([1, 2, 2]);
    expect(issues[0]!.message).toMatch(/^Object 2: label is required/);
    expect(issues.map((i) => i.message).join('\n')).toMatch(/Object 3: .*has subchoices/);
    expect(checkAnswer(imageTask, { annotations: [] })).toEqual([]);
  });
});

describe('point skeletons', () => {
  it('reads the connected label pairs of geometries.point', () => {
    const cfg = editorConfig({
      type: 'imageannotation',
      params: { attachment: 'https://x/y.png', geometries: { point: { objects_to_annotate: ['elbow', 'wrist'], connections: [{ pair: ['elbow', 'wrist'] }] } } },
    });
    expect(cfg.kinds[0]!.connections).toEqual([['elbow', 'wrist']]);
  });
});
