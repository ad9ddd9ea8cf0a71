import { paramsTable, responseTable } from './harness.js';

const attachment = 'https://example.com/car.jpg';
const params = { attachment, objects_to_annotate: ['car'], min_width: 20 };
const corners = (w: number) =>
  ['face-topleft', 'face-bottomleft', 'face-topright', 'face-bottomright', 'side-topcorner', 'side-bottomcorner'].map((description, i) => ({
    description,
    type: 'vertex',
    x: 100 + (i % 2) * 0 + (i >= 2 ? w : 0),
    y: 70 + (i % 2) * 40,
  }));

paramsTable(
  'cuboidannotation',
  {
    'plain': { attachment, objects_to_annotate: ['car'] },
    'min width': params,
    'extra camera params kept': { ...params, camera_intrinsics: { fx: 1 } },
  },
  [
    ['missing attachment', { objects_to_annotate: ['car'] }, '"attachment" is required'],
    ['missing objects_to_annotate', { attachment }, '"objects_to_annotate" is required'],
    ['negative min_width', { ...params, min_width: -1 }, '"min_width"'],
    ['unknown attribute condition attribute', { ...params, annotation_attributes: { a: { choices: ['x'], conditions: { attribute_conditions: [{ b: 'x' }] } } } }, 'annotation_attributes.a.conditions.attribute_conditions.0.b'],
    ['hypothesis of the wrong shape', { ...params, hypothesis: { annotations: [{ label: 'car' }] } }, '"hypothesis.annotations.0.vertices" is required'],
  ],
);

responseTable(
  'cuboidannotation',
  params,
  {
    'cassette-shaped cuboid': { annotations: [{ vertices: corners(50), label: 'car' }] },
    'two cuboids': { annotations: [{ vertices: corners(50), label: 'car' }, { vertices: corners(30), label: 'car' }] },
    'none': { annotations: [] },
  },
  [
    ['unknown label', { annotations: [{ vertices: corners(50), label: 'bus' }] }, 'annotations.0.label'],
    ['narrower than min_width', { annotations: [{ vertices: corners(5), label: 'car' }] }, 'annotations.0.vertices', 'min_width 20'],
    ['no vertices', { annotations: [{ vertices: [], label: 'car' }] }, '"annotations.0.vertices"'],
    ['vertex without x', { annotations: [{ vertices: [{ y: 1 }], label: 'car' }] }, '"annotations.0.vertices.0.x" is required'],
    ['missing annotations', {}, '"annotations" is required'],
  ],
);
