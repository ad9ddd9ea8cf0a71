import { paramsTable, responseTable } from './harness.js';

const params = {
  attachment: 'https://example.com/receipt.jpg',
  attachment_type: 'image',
  fields: { title: 'Title of the receipt', total: 'Total amount' },
  repeatable_fields: { name: 'Item name', price: 'Item price' },
};

paramsTable(
  'transcription',
  {
    'fields and rows': params,
    'fields only': { attachment: params.attachment, fields: { title: 'Title' } },
    'rows only, described by objects': { attachment: params.attachment, repeatable_fields: { name: { description: 'Item' } } },
  },
  [
    ['missing attachment', { fields: { a: 'A' } }, '"attachment" is required'],
    ['no fields at all', { attachment: params.attachment }, '"fields"', 'at least one field'],
    ['field of the wrong type', { ...params, fields: { a: 3 } }, '"fields.a"'],
    ['image attachment not a URL', { ...params, attachment: 'receipt.jpg' }, '"attachment"'],
    ['unknown attachment_type', { ...params, attachment_type: 'scan' }, '"attachment_type"'],
  ],
);

responseTable(
  'transcription',
  params,
  {
    'cassette-shaped response': { fields: { title: 'Corner shop', total: '3.50' }, repeatable_fields: [{ name: 'milk', price: '1.00' }] },
    'fields only': { fields: { title: 'x' } },
    'empty': { fields: {}, repeatable_fields: [] },
  },
  [
    ['unknown field', { fields: { date: 'x' } }, 'fields.date', 'not a field of the task'],
    ['unknown row field', { fields: {}, repeatable_fields: [{ name: 'milk', qty: 2 }] }, 'repeatable_fields.0.qty'],
    ['rows not a list', { fields: {}, repeatable_fields: {} }, '"repeatable_fields"'],
    ['row not an object', { fields: {}, repeatable_fields: ['milk'] }, '"repeatable_fields.0"'],
    ['fields not an object', { fields: 'x' }, '"fields"'],
  ],
);
