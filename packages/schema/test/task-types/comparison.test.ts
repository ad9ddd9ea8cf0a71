import { paramsTable, responseTable } from './harness.js';

const params = { attachments: ['https://example.com/a.jpg', 'https://example.com/b.jpg'], attachment_type: 'image', choices: ['yes', 'no'] };

paramsTable(
  'comparison',
  {
    'cassette params': params,
    'text attachments': { attachments: ['first answer', 'second answer'], attachment_type: 'text', choices: ['first', 'second'] },
    'with fields': { ...params, fields: { reason: 'Why?' } },
  },
  [
    ['missing attachments', { choices: ['yes'] }, '"attachments" is required'],
    ['one attachment', { ...params, attachments: ['https://example.com/a.jpg'] }, '"attachments"'],
    ['image attachment not a URL', { ...params, attachments: ['a.jpg', 'https://example.com/b.jpg'] }, '"attachments.0"', 'must be a URL'],
    ['missing choices', { attachments: params.attachments }, '"choices" is required'],
    ['empty choices', { ...params, choices: [] }, '"choices"'],
  ],
);

responseTable(
  'comparison',
  params,
  {
    'cassette response': { choice: 'yes' },
    'other choice': { choice: 'no' },
    'extra keys kept': { choice: 'no', note: 'x' },
  },
  [
    ['unknown choice', { choice: 'maybe' }, 'choice: "maybe" is not one of yes, no'],
    ['missing choice', {}, '"choice" is required'],
    ['choice not a string', { choice: 1 }, '"choice"'],
    ['answer to an unknown field', { choice: 'yes', fields: { colour: 'red' } }, 'fields.colour'],
    ['fields not an object', { choice: 'yes', fields: 'x' }, '"fields"'],
  ],
);
