import { paramsTable, responseTable } from './harness.js';

const attachment = 'https://example.com/cows.jpg';
const params = { attachment, objects_to_annotate: ['big cow', 'small cow'], min_vertices: 3, max_vertices: 5 };
const square = [{ x: 10, y: 10 }, { x: 20, y: 10 }, { x: 20, y: 20 }, { x: 10, y: 20 }];

paramsTable(
  'polygonannotation',
  {
    'cassette params': { attachment, attachment_type: 'image', objects_to_annotate: ['big cow'], with_labels: true },
    'vertex limits': params,
    'attributes': { attachment, objects_to_annotate: ['cow'], annotation_attributes: { breed: { choices: ['angus', 'holstein'] } } },
  },
  [
    ['missing attachment', { objects_to_annotate: ['cow'] }, '"attachment" is required'],
    ['missing objects_to_annotate', { attachment }, '"objects_to_annotate" is required'],
    ['min_vertices > max_vertices', { ...params, min_vertices: 6 }, '"max_vertices"', 'at least min_vertices'],
    ['objects_to_annotate not a list', { attachment, objects_to_annotate: 'cow' }, '"objects_to_annotate"'],
    ['attribute condition on an unknown label', { attachment, objects_to_annotate: ['cow'], annotation_attributes: { b: { choices: ['x'], conditions: { label_condition: { label: 'pig' } } } } }, '"annotation_attributes.b.conditions.label_condition.label"'],
  ],
);

responseTable(
  'polygonannotation',
  params,
  {
    'cassette response': { annotations: [{ vertices: square, label: 'big cow' }] },
    'triangle': { annotations: [{ vertices: square.slice(0, 3), label: 'small cow' }] },
    'none': { annotations: [] },
  },
  [
    ['unknown label', { annotations: [{ vertices: square, label: 'pig' }] }, 'annotations.0.label', '"pig"'],
    ['too few vertices', { annotations: [{ vertices: square.slice(0, 2), label: 'big cow' }] }, 'annotations.0.vertices', 'at least 3'],
    ['too many vertices', { annotations: [{ vertices: [...square, ...square], label: 'big cow' }] }, 'annotations.0.vertices', 'at most 5'],
    ['vertex without y', { annotations: [{ vertices: [{ x: 1 }], label: 'big cow' }] }, '"annotations.0.vertices.0.y" is required'],
    ['no annotations key', { polygons: [] }, '"annotations" is required'],
  ],
);
