import { describe, expect, it } from 'vitest';
import { paramsTable, parseParams, responseTable } from './harness.js';

const attachment = 'https://example.com/cows.jpg';
const params = { attachment, objects_to_annotate: ['big cow', 'small cow'], min_width: 10, min_height: 10 };

paramsTable(
  'annotation',
  {
    'cassette params': { attachment, attachment_type: 'image', objects_to_annotate: ['big cow', 'small cow'], with_labels: true, examples: [] },
    'with min sizes': params,
    'without labels': { attachment, objects_to_annotate: [], with_labels: false },
    'nested labels': { attachment, objects_to_annotate: [{ choice: 'cow', subchoices: ['big', 'small'] }] },
  },
  [
    ['missing attachment', { objects_to_annotate: ['cow'] }, '"attachment" is required'],
    ['missing objects_to_annotate', { attachment }, '"objects_to_annotate" is required'],
    ['missing both', {}, '"attachment" is required', '"objects_to_annotate" is required'],
    ['min_width of the wrong type', { ...params, min_width: '10' }, '"min_width"'],
    ['duplicate label', { attachment, objects_to_annotate: ['cow', 'cow'] }, '"objects_to_annotate.1"', 'duplicate label'],
    ['with_labels not a boolean', { ...params, with_labels: 'yes' }, '"with_labels"'],
    ['hypothesis with an unknown label', { ...params, hypothesis: { annotations: [{ left: 0, top: 0, width: 20, height: 20, label: 'horse' }] } }, '"hypothesis.annotations.0.label"', 'label "horse" is not in objects_to_annotate'],
  ],
);

responseTable(
  'annotation',
  params,
  {
    'cassette response': { annotations: [{ left: 0, top: 0, width: 100, height: 100, label: 'big cow' }] },
    'several boxes': { annotations: [{ left: 0, top: 0, width: 10, height: 10, label: 'small cow' }, { left: 5, top: 5, width: 50, height: 20, label: 'big cow' }] },
    'none': { annotations: [] },
  },
  [
    ['unknown label', { annotations: [{ left: 0, top: 0, width: 100, height: 100, label: 'horse' }] }, 'annotations.0.label', '"horse"'],
    ['missing label', { annotations: [{ left: 0, top: 0, width: 100, height: 100 }] }, 'annotations.0.label: is required'],
    ['too narrow', { annotations: [{ left: 0, top: 0, width: 2, height: 100, label: 'big cow' }] }, 'annotations.0.width', 'min_width 10'],
    ['missing width', { annotations: [{ left: 0, top: 0, height: 100, label: 'big cow' }] }, '"annotations.0.width" is required'],
    ['negative height', { annotations: [{ left: 0, top: 0, width: 20, height: -1, label: 'big cow' }] }, '"annotations.0.height"'],
  ],
);

describe('annotation stored params', () => {
  it('fills with_labels, min_width and min_height as Scale does', () => {
    expect(parseParams('annotation', { attachment, objects_to_annotate: ['cow'] })).toMatchObject({
      attachment_type: 'image',
      with_labels: true,
      min_width: 0,
      min_height: 0,
    });
  });
});

responseTable(
  'annotation',
  { attachment, objects_to_annotate: ['cow'], with_labels: false },
  { 'unlabelled box': { annotations: [{ left: 0, top: 0, width: 5, height: 5 }] } },
  [['box without its size', { annotations: [{ left: 0, top: 0 }] }, '"annotations.0.width" is required']],
);
