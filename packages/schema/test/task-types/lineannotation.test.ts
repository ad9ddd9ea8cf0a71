import { describe, expect, it } from 'vitest';
import { paramsTable, parseParams, responseTable } from './harness.js';

const attachment = 'https://example.com/road.jpg';
const params = { attachment, objects_to_annotate: ['lane', 'curb'], max_vertices: 4 };
const line = [{ x: 0, y: 0 }, { x: 10, y: 10 }];

paramsTable(
  'lineannotation',
  {
    'cassette params': { attachment, attachment_type: 'image', objects_to_annotate: ['lane'], with_labels: true, splines: false },
    'splines': { attachment, objects_to_annotate: ['lane'], splines: true },
    'vertex limit': params,
  },
  [
    ['missing attachment', { objects_to_annotate: ['lane'] }, '"attachment" is required'],
    ['missing objects_to_annotate', { attachment }, '"objects_to_annotate" is required'],
    ['splines not a boolean', { attachment, objects_to_annotate: ['lane'], splines: 'yes' }, '"splines"'],
    ['max_vertices zero', { attachment, objects_to_annotate: ['lane'], max_vertices: 0 }, '"max_vertices"'],
    ['label object with a typo', { attachment, objects_to_annotate: [{ choice: 'lane', subchoice: ['x'] }] }, 'objects_to_annotate.0.subchoice'],
  ],
);

responseTable(
  'lineannotation',
  params,
  {
    'one line': { annotations: [{ vertices: line, label: 'lane' }] },
    'two lines': { annotations: [{ vertices: line, label: 'lane' }, { vertices: line, label: 'curb' }] },
    'none': { annotations: [] },
  },
  [
    ['unknown label', { annotations: [{ vertices: line, label: 'tree' }] }, 'annotations.0.label'],
    ['too many vertices', { annotations: [{ vertices: [...line, ...line, ...line], label: 'lane' }] }, 'annotations.0.vertices', 'at most 4'],
    ['no vertices', { annotations: [{ vertices: [], label: 'lane' }] }, '"annotations.0.vertices"'],
    ['vertices not a list', { annotations: [{ vertices: 'x', label: 'lane' }] }, '"annotations.0.vertices"'],
    ['label of the wrong type', { annotations: [{ vertices: line, label: 7 }] }, '"annotations.0.label"'],
  ],
);

describe('lineannotation stored params', () => {
  it('fills splines: false', () => {
    expect(parseParams('lineannotation', { attachment, objects_to_annotate: ['lane'] })).toMatchObject({ splines: false, with_labels: true });
  });
});
