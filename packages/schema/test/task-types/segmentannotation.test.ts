import { describe, expect, it } from 'vitest';
import { paramsTable, parseParams, responseTable } from './harness.js';

const params = {
  attachment: 'https://example.com/street.png',
  labels: ['background', 'road', { choice: 'vehicle', subchoices: ['car', 'bus'] }],
  instance_labels: ['car'],
  allow_unlabeled: true,
};

paramsTable(
  'segmentannotation',
  {
    'cassette-like params': params,
    'plain labels': { attachment: params.attachment, labels: ['sky', 'ground'] },
    'parent labels allowed': { ...params, allow_parent_labels: true },
  },
  [
    ['missing attachment', { labels: ['a'] }, '"attachment" is required'],
    ['missing labels', { attachment: params.attachment }, '"labels" is required'],
    ['empty labels', { ...params, labels: [] }, '"labels"'],
    ['instance label not in labels', { ...params, instance_labels: ['tree'] }, '"instance_labels.0"', 'not in labels'],
    ['duplicate subchoice', { ...params, labels: ['car', { choice: 'vehicle', subchoices: ['car'] }] }, '"labels.1.subchoices.0"', 'duplicate'],
    ['allow_unlabeled not a boolean', { ...params, allow_unlabeled: 1 }, '"allow_unlabeled"'],
  ],
);

const url = (n: string) => `https://files.example.com/${n}.png`;

responseTable(
  'segmentannotation',
  params,
  {
    'cassette response': {
      annotations: { unlabeled: url('u'), labeled: { background: url('bg'), road: null }, combined: { image: url('c'), indexedImage: url('i') } },
      labelMapping: { background: { index: 1, color: '#ff0000', attributes: null } },
    },
    'instances of car': { annotations: { unlabeled: null, labeled: { car: [url('car1'), url('car2')] } }, labelMapping: { car: { index: 2 } } },
    'nothing': { annotations: { labeled: {} } },
  },
  [
    ['mask for an unknown label', { annotations: { labeled: { tree: url('t') } } }, 'annotations.labeled.tree', 'not in labels'],
    ['mask for a parent label', { annotations: { labeled: { vehicle: url('v') } } }, 'annotations.labeled.vehicle', 'has subchoices'],
    ['mapping for an unknown label', { annotations: { labeled: {} }, labelMapping: { tree: { index: 1 } } }, 'labelMapping.tree'],
    ['two labels on one index', { annotations: { labeled: {} }, labelMapping: { road: { index: 1 }, car: { index: 1 } } }, 'labelMapping.car.index', 'also used by "road"'],
    ['missing annotations', { labelMapping: {} }, '"annotations" is required'],
  ],
);

describe('segmentannotation stored params', () => {
  it('fills allow_parent_labels: false as Scale does', () => {
    expect(parseParams('segmentannotation', { attachment: params.attachment, labels: ['a'] })).toMatchObject({ allow_parent_labels: false, allow_unlabeled: false });
  });
});
