import { paramsTable, responseTable } from './harness.js';

const frames = ['https://example.com/f0.jpg', 'https://example.com/f1.jpg'];
const geometries = { box: { objects_to_annotate: ['car', 'person'], min_width: 2 } };
const params = { attachments: frames, attachment_type: 'image', geometries, events_to_annotate: ['crash'], frame_rate: 2 };
const box = (uuid: string, label: string, extra: Record<string, unknown> = {}) => ({ uuid, type: 'box', label, left: 0, top: 0, width: 10, height: 10, ...extra });

paramsTable(
  'videoannotation',
  {
    'frames': params,
    'video file': { attachment: 'https://example.com/clip.mp4', attachment_type: 'video', geometries },
    'attachment_type inferred, with attributes': { attachments: frames, geometries, annotation_attributes: { moving: { choices: ['yes', 'no'] } } },
  },
  [
    ['missing geometries', { attachments: frames }, '"geometries" is required'],
    ['image type without frames', { attachment_type: 'image', attachment: 'https://example.com/clip.mp4', geometries }, '"attachments"', 'is required'],
    ['nothing to show', { geometries }, '"attachment"', 'is required'],
    ['unknown geometry', { attachments: frames, geometries: { blob: {} } }, '"geometries.blob"', 'not a known geometry'],
    ['frame_rate zero', { ...params, frame_rate: 0 }, '"frame_rate"'],
    ['duplicate event label', { ...params, events_to_annotate: ['crash', 'crash'] }, '"events_to_annotate.1"'],
    ['hypothesis label not in objects_to_annotate', { ...params, hypothesis: { annotations: [{ annotations: [box('a', 'bike')] }] } }, '"hypothesis.annotations.0.annotations.0.label"', 'not in objects_to_annotate'],
  ],
);

responseTable(
  'videoannotation',
  params,
  {
    'result file': { annotations: { url: 'https://files.example.com/result.json' }, events: { url: 'https://files.example.com/events.json' } },
    'inline frames with a stable uuid': { annotations: [{ annotations: [box('a', 'car')] }, { annotations: [box('a', 'car', { left: 3 })] }] },
    'inline events': { annotations: [], events: [{ label: 'crash', type: 'range', start: 0, end: 1 }] },
  },
  [
    ['label not in objects_to_annotate', { annotations: [{ annotations: [box('a', 'bike')] }] }, 'annotations.0.annotations.0.label', 'not in objects_to_annotate for box'],
    ['box below min_width', { annotations: [{ annotations: [box('a', 'car', { width: 1 })] }] }, 'annotations.0.annotations.0.width'],
    ['object changes label', { annotations: [{ annotations: [box('a', 'car')] }, { annotations: [box('a', 'person')] }] }, 'annotations.1.annotations.0.label', 'in frame 0'],
    ['more frames than attachments', { annotations: [{ annotations: [] }, { annotations: [] }, { annotations: [] }] }, 'annotations: has 3 frames'],
    ['unknown event', { annotations: [], events: [{ label: 'explosion' }] }, 'events.0.label', 'events_to_annotate'],
    ['event ends before it starts', { annotations: [], events: [{ label: 'crash', start: 5, end: 2 }] }, 'events.0.end'],
    ['annotations neither file nor frames', { annotations: 'x' }, '"annotations"'],
  ],
);
