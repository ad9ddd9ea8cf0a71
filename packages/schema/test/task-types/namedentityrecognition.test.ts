import { paramsTable, responseTable } from './harness.js';

const text = 'Tim Cook runs Apple in Cupertino 🍎.';
const params = { text, labels: [{ name: 'PERSON', description: 'A person' }, { name: 'ORG' }, { name: 'LOC' }] };

paramsTable(
  'namedentityrecognition',
  {
    'PY test params': params,
    'one label': { text: 'x', labels: [{ name: 'THING' }] },
    'extra options kept': { ...params, allow_overlap: true },
  },
  [
    ['missing text', { labels: params.labels }, '"text" is required'],
    ['empty text', { ...params, text: '' }, '"text"'],
    ['missing labels', { text }, '"labels" is required'],
    ['label without a name', { text, labels: [{ description: 'x' }] }, '"labels.0.name" is required'],
    ['duplicate label', { text, labels: [{ name: 'A' }, { name: 'A' }] }, '"labels.1.name"', 'duplicate'],
    ['labels as strings', { text, labels: ['PERSON'] }, '"labels.0"'],
  ],
);

responseTable(
  'namedentityrecognition',
  params,
  {
    'three entities': {
      annotations: [
        { start: 0, end: 8, label: 'PERSON', text: 'Tim Cook' },
        { start: 14, end: 19, label: 'ORG', text: 'Apple' },
        { start: 23, end: 32, label: 'LOC' },
      ],
    },
    'code point offsets past an emoji': { annotations: [{ start: 33, end: 34, label: 'ORG', text: '🍎' }] },
    'none': { annotations: [] },
  },
  [
    ['unknown label', { annotations: [{ start: 0, end: 3, label: 'DATE' }] }, 'annotations.0.label', 'not in labels'],
    ['end before start', { annotations: [{ start: 5, end: 5, label: 'ORG' }] }, 'annotations.0.end', 'greater than start'],
    ['end past the text', { annotations: [{ start: 30, end: 99, label: 'LOC' }] }, 'annotations.0.end', 'past the end of text'],
    ['text does not match the span', { annotations: [{ start: 0, end: 3, label: 'PERSON', text: 'Bob' }] }, 'annotations.0.text', '"Tim"'],
    ['negative start', { annotations: [{ start: -1, end: 3, label: 'PERSON' }] }, '"annotations.0.start"'],
    ['fractional offsets', { annotations: [{ start: 0.5, end: 3, label: 'PERSON' }] }, '"annotations.0.start"'],
  ],
);
