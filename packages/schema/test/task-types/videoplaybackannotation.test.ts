import { describe, expect, it } from 'vitest';
import { paramsTable, parseParams, responseTable } from './harness.js';

const attachment = 'https://example.com/clip.mp4';
const geometries = { box: { objects_to_annotate: ['car'], min_width: 4 }, point: { objects_to_annotate: ['ball'] } };
const params = { attachment, geometries, events_to_annotate: ['goal'], annotation_attributes: { moving: { choices: ['yes', 'no'] } } };
const track = (frames: Record<string, unknown>[], label = 'car', geometry = 'box') => ({ label, geometry, frames });
const kf = (key: number, extra: Record<string, unknown> = {}) => ({ key, timestamp: key, left: 0, top: 0, width: 10, height: 10, ...extra });

paramsTable(
  'videoplaybackannotation',
  {
    'boxes and events': params,
    'events only': { attachment, events_to_annotate: ['goal'] },
    'V2 frame rates': { attachment, geometries, annotation_frame_rate: 2, video_frame_rate: 30 },
  },
  [
    ['missing attachment', { geometries }, '"attachment" is required'],
    ['nothing to annotate', { attachment }, '"geometries"', 'or events_to_annotate'],
    ['frame_rate negative', { ...params, frame_rate: -1 }, '"frame_rate"'],
    ['unknown geometry', { attachment, geometries: { cube: {} } }, '"geometries.cube"'],
    ['attribute condition on unknown label', { ...params, annotation_attributes: { moving: { choices: ['yes'], conditions: { label_condition: { label: 'bike' } } } } }, '"annotation_attributes.moving.conditions.label_condition.label"'],
    ['attachment not a URL', { ...params, attachment: 'clip.mp4' }, '"attachment"'],
  ],
);

responseTable(
  'videoplaybackannotation',
  params,
  {
    'result files': { annotations: { url: 'https://files.example.com/a.json' }, events: { url: 'https://files.example.com/e.json' } },
    'inline tracks': {
      annotations: {
        'uuid-1': track([kf(0, { attributes: { moving: 'yes' } }), kf(5)]),
        'uuid-2': track([{ key: 0, x: 1, y: 2 }], 'ball', 'point'),
      },
      events: [{ label: 'goal', start: 3, end: 4 }],
    },
    'empty inline': { annotations: {} },
  },
  [
    ['label not in objects_to_annotate', { annotations: { t: track([kf(0)], 'bus') } }, 'annotations.t.label', 'not in objects_to_annotate for box'],
    ['geometry not requested', { annotations: { t: track([kf(0)], 'car', 'polygon') } }, 'annotations.t.geometry', 'was not requested'],
    ['keyframe too narrow', { annotations: { t: track([kf(0), kf(1, { width: 1 })]) } }, 'annotations.t.frames.1.width', 'min_width 4'],
    ['keyframes out of order', { annotations: { t: track([kf(5), kf(2)]) } }, 'annotations.t.frames.1.key'],
    ['keyframe missing its geometry', { annotations: { t: track([{ key: 0 }]) } }, 'annotations.t.frames.0.left'],
    ['bad attribute value', { annotations: { t: track([kf(0, { attributes: { moving: 'maybe' } })]) } }, 'annotations.t.frames.0.attributes.moving'],
    ['unknown event', { annotations: {}, events: [{ label: 'foul' }] }, 'events.0.label'],
    ['unknown geometry name', { annotations: { t: track([kf(0)], 'car', 'blob') } }, '"annotations'],
  ],
);

describe('videoplaybackannotation stored params', () => {
  it('fills frame_rate: 1 and attachment_type: video', () => {
    expect(parseParams('videoplaybackannotation', { attachment, events_to_annotate: ['goal'] })).toMatchObject({ frame_rate: 1, attachment_type: 'video' });
  });
});
