import { describe, expect, it } from 'vitest';
import { definition, paramsTable, parseParams, responseTable } from './harness.js';

const params = { attachment_type: 'website', attachment: 'https://www.google.com', categories: ['public', 'private'] };

paramsTable(
  'categorization',
  {
    'cassette params': { ...params, allow_multiple: false },
    'inline text': { attachment_type: 'text', attachment: 'I loved this film', categories: ['positive', 'negative'], category_ids: { positive: 'p1' } },
    'taxonomies': { attachment: 'https://example.com/a.jpg', attachment_type: 'image', taxonomies: { colour: { choices: ['red', 'blue'], allow_multiple: true } } },
  },
  [
    ['missing attachment', { categories: ['a'] }, '"attachment" is required'],
    ['neither categories nor taxonomies', { attachment: 'hi', attachment_type: 'text' }, '"categories"', 'or pass taxonomies'],
    ['website attachment not a URL', { ...params, attachment: 'google' }, '"attachment"', 'must be a URL'],
    ['unknown attachment_type', { ...params, attachment_type: 'hologram' }, '"attachment_type"'],
    ['empty categories', { ...params, categories: [] }, '"categories"'],
    ['duplicate category', { ...params, categories: ['a', 'a'] }, '"categories.1"', 'duplicate'],
    ['category_ids for an unknown category', { ...params, category_ids: { secret: 'x' } }, '"category_ids.secret"'],
    ['allow_multiple not a boolean', { ...params, allow_multiple: 'no' }, '"allow_multiple"'],
    ['hypothesis outside categories', { ...params, hypothesis: { category: 'unknown' } }, '"hypothesis.category"'],
  ],
);

responseTable(
  'categorization',
  params,
  {
    'cassette response': { category: 'private', category_id: null },
    'short cassette response': { category: 'public' },
    'with extra keys': { category: 'public', comment: 'sure' },
  },
  [
    ['unknown category', { category: 'secret' }, 'category: "secret" is not one of public, private'],
    ['array without allow_multiple', { category: ['public'] }, 'category: must be a single choice'],
    ['missing category', {}, 'category: is required'],
    ['category of the wrong type', { category: 3 }, '"category"'],
    ['category_id of the wrong type', { category: 'public', category_id: 7 }, '"category_id"'],
  ],
);

responseTable(
  'categorization',
  { attachment: 'https://example.com/a.jpg', attachment_type: 'image', taxonomies: { colour: { choices: ['red', 'blue'], allow_multiple: true }, size: { choices: ['s', 'l'], required: true } } },
  { 'both taxonomies': { taxonomies: { colour: ['red'], size: 'l' } } },
  [
    ['unknown taxonomy', { taxonomies: { size: 's', shape: 'round' } }, 'taxonomies.shape'],
    ['required taxonomy missing', { taxonomies: { colour: ['red'] } }, 'taxonomies.size: is required'],
    ['unknown choice', { taxonomies: { size: 'xl' } }, 'taxonomies.size: "xl" is not one of s, l'],
  ],
);

describe('categorization', () => {
  it('needs an instruction, which the server checks among the common fields', () => {
    expect(definition('categorization').requiredFields).toEqual(['instruction']);
  });
  it('fills allow_multiple: false', () => {
    expect(parseParams('categorization', params)).toMatchObject({ allow_multiple: false });
  });
});
