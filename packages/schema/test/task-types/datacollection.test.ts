import { paramsTable, responseTable } from './harness.js';

const params = { attachment: 'https://www.scale.com', attachment_type: 'website', fields: { hiring_page: 'URL of the careers page' } };

paramsTable(
  'datacollection',
  {
    'cassette params': params,
    'default attachment_type': { attachment: 'https://www.scale.com', fields: { a: 'A', b: 'B' } },
    'extra params kept': { ...params, notes: 'x' },
  },
  [
    ['missing attachment', { fields: { a: 'A' } }, '"attachment" is required'],
    ['missing fields', { attachment: 'https://www.scale.com' }, '"fields" is required'],
    ['no fields', { ...params, fields: {} }, '"fields"', 'at least one field'],
    ['field description not a string', { ...params, fields: { a: 3 } }, '"fields.a"'],
    ['website attachment not a URL', { ...params, attachment: 'scale' }, '"attachment"'],
  ],
);

responseTable(
  'datacollection',
  params,
  {
    'cassette response': { fields: { hiring_page: 'test response' }, time_spent_in_seconds: 15 },
    'no answers yet': { fields: {} },
    'non-string answer': { fields: { hiring_page: null } },
  },
  [
    ['unknown field', { fields: { careers: 'x' } }, 'fields.careers', 'hiring_page'],
    ['missing fields', {}, '"fields" is required'],
    ['fields not an object', { fields: [] }, '"fields"'],
    ['negative time', { fields: {}, time_spent_in_seconds: -1 }, '"time_spent_in_seconds"'],
    ['time of the wrong type', { fields: {}, time_spent_in_seconds: 'long' }, '"time_spent_in_seconds"'],
  ],
);
