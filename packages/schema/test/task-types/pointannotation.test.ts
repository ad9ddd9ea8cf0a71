import { paramsTable, responseTable } from './harness.js';

const attachment = 'https://example.com/face.jpg';
const params = { attachment, objects_to_annotate: ['nose', 'left_eye'] };

paramsTable(
  'pointannotation',
  {
    'plain': params,
    'nested': { attachment, objects_to_annotate: [{ choice: 'eye', subchoices: ['left', 'right'] }] },
    'unlabelled': { attachment, objects_to_annotate: [], with_labels: false },
  },
  [
    ['missing attachment', { objects_to_annotate: ['nose'] }, '"attachment" is required'],
    ['missing objects_to_annotate', { attachment }, '"objects_to_annotate" is required'],
    ['empty label name', { attachment, objects_to_annotate: [''] }, '"objects_to_annotate.0"'],
    ['attachment not a string', { attachment: 42, objects_to_annotate: ['nose'] }, '"attachment"'],
    ['attachment_type not image', { ...params, attachment_type: 'pdf' }, '"attachment_type"'],
  ],
);

responseTable(
  'pointannotation',
  params,
  {
    'one point': { annotations: [{ x: 1, y: 2, label: 'nose' }] },
    'two points': { annotations: [{ x: 1, y: 2, label: 'nose' }, { x: 5, y: 2, label: 'left_eye' }] },
    'none': { annotations: [] },
  },
  [
    ['unknown label', { annotations: [{ x: 1, y: 2, label: 'ear' }] }, 'annotations.0.label', '"ear"'],
    ['missing y', { annotations: [{ x: 1, label: 'nose' }] }, '"annotations.0.y" is required'],
    ['x not a number', { annotations: [{ x: '1', y: 1, label: 'nose' }] }, '"annotations.0.x"'],
    ['missing label', { annotations: [{ x: 1, y: 1 }] }, 'annotations.0.label: is required'],
    ['annotations not a list', { annotations: {} }, '"annotations"'],
  ],
);
