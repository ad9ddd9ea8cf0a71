import { paramsTable, responseTable } from './harness.js';

const params = { attachment: 'https://example.com/invoice.pdf', features: [{ type: 'block', label: 'barcode' }, { type: 'block', label: 'total' }] };
const box = { type: 'box', top: 1, left: 2, width: 30, height: 10 };

paramsTable(
  'documenttranscription',
  {
    'PY test params': params,
    'several attachments': { attachments: ['https://example.com/p1.png', 'https://example.com/p2.png'] },
    'hypothesis from own OCR': { ...params, hypothesis: { annotations: [{ uuid: 'a', page: 0, label: 'total', text: '12.00', location: box }] } },
  },
  [
    ['missing attachment', { features: params.features }, '"attachment"', 'is required (or pass attachments)'],
    ['both attachment and attachments', { ...params, attachments: ['https://example.com/p1.png'] }, '"attachments"', 'cannot be combined'],
    ['feature without label', { attachment: params.attachment, features: [{ type: 'block' }] }, '"features.0.label" is required'],
    ['attachment not a URL', { attachment: 'invoice.pdf' }, '"attachment"', 'must be a URL'],
    ['hypothesis with an unknown label', { ...params, hypothesis: { annotations: [{ page: 0, label: 'signature' }] } }, '"hypothesis.annotations.0.label"', 'not in features'],
  ],
);

responseTable(
  'documenttranscription',
  params,
  {
    'box and polygon': {
      annotations: [
        { uuid: 'a', page: 0, label: 'barcode', text: '0123', location: box, refs: ['b'] },
        { uuid: 'b', page: 0, label: 'total', text: '9.99', location: { type: 'polygon', vertices: [{ x: 0, y: 0 }, { x: 1, y: 0 }, { x: 1, y: 1 }] } },
      ],
    },
    'without location': { annotations: [{ label: 'total', text: '1' }] },
    'none': { annotations: [] },
  },
  [
    ['unknown label', { annotations: [{ page: 0, label: 'stamp' }] }, 'annotations.0.label', 'not in features'],
    ['ref to a missing annotation', { annotations: [{ uuid: 'a', label: 'total', refs: ['zzz'] }] }, 'annotations.0.refs.0'],
    ['unknown location type', { annotations: [{ label: 'total', location: { type: 'circle' } }] }, '"annotations.0.location.type"'],
    ['negative page', { annotations: [{ label: 'total', page: -1 }] }, '"annotations.0.page"'],
    ['missing label', { annotations: [{ page: 0 }] }, '"annotations.0.label" is required'],
  ],
);

responseTable(
  'documenttranscription',
  { attachments: ['https://example.com/p1.png'] },
  { 'page 0': { annotations: [{ label: 'anything', page: 0 }] } },
  [['page past the last attachment', { annotations: [{ label: 'x', page: 1 }] }, 'annotations.0.page', 'does not exist']],
);
