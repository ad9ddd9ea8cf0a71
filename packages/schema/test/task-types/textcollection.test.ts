import { paramsTable, responseTable } from './harness.js';

const params = {
  attachments: [{ type: 'text', content: 'What is 2+2? Answer: 5', forms: ['answer_reasonable'] }],
  fields: [
    { field_id: 'answer_reasonable', type: 'category', title: 'Is the answer reasonable?', choices: [{ label: 'Yes', value: 'yes' }, { label: 'No', value: 'no' }], required: true },
    { field_id: 'why', type: 'text', title: 'Why?' },
  ],
};

paramsTable(
  'textcollection',
  {
    'evaluation form': params,
    'string choices and a field set': {
      fields: [{ field_id: 'pairs', type: 'field_set', fields: [{ field_id: 'q', type: 'text' }, { field_id: 'rating', type: 'category', choices: ['1', '2', '3'] }] }],
    },
    'unknown field type kept': { fields: [{ field_id: 'when', type: 'datetime', title: 'When?' }] },
  },
  [
    ['missing fields', { attachments: [] }, '"fields" is required'],
    ['empty fields', { fields: [] }, '"fields"'],
    ['field without field_id', { fields: [{ type: 'text' }] }, '"fields.0.field_id" is required'],
    ['duplicate field_id', { fields: [{ field_id: 'a', type: 'text' }, { field_id: 'a', type: 'text' }] }, '"fields.1.field_id"', 'duplicate'],
    ['category without choices', { fields: [{ field_id: 'a', type: 'category' }] }, '"fields.0.choices"'],
    ['form naming an unknown field', { ...params, attachments: [{ type: 'text', content: 'x', forms: ['ghost'] }] }, '"attachments.0.forms.0"', '"ghost"'],
    ['unknown attachment type', { ...params, attachments: [{ type: 'hologram', content: 'x' }] }, '"attachments.0.type"'],
    ['min_choices > max_choices', { fields: [{ field_id: 'a', type: 'category', choices: ['x', 'y'], min_choices: 2, max_choices: 1 }] }, '"fields.0.max_choices"'],
  ],
);

responseTable(
  'textcollection',
  params,
  {
    'PY README response': { annotations: { answer_reasonable: { type: 'category', field_id: 'answer_reasonable', response: [['no']] } } },
    'both fields': {
      annotations: {
        answer_reasonable: { type: 'category', field_id: 'answer_reasonable', response: [['yes']] },
        why: { type: 'text', field_id: 'why', response: [['2+2 is 4']] },
      },
    },
    'extra keys kept': { annotations: { answer_reasonable: { type: 'category', field_id: 'answer_reasonable', response: [['no']], took: 3 } } },
  },
  [
    ['unknown field', { annotations: { answer_reasonable: { type: 'category', field_id: 'answer_reasonable', response: [['no']] }, mood: { type: 'text', field_id: 'mood', response: [] } } }, 'annotations.mood', 'not a field_id'],
    ['unknown choice', { annotations: { answer_reasonable: { type: 'category', field_id: 'answer_reasonable', response: [['maybe']] } } }, 'annotations.answer_reasonable.response.0.0', 'not one of yes, no'],
    ['required field missing', { annotations: { why: { type: 'text', field_id: 'why', response: [['x']] } } }, 'annotations.answer_reasonable: is required'],
    ['type differs from the field', { annotations: { answer_reasonable: { type: 'text', field_id: 'answer_reasonable', response: [['no']] } } }, 'annotations.answer_reasonable.type'],
    ['response not a list of lists', { annotations: { why: { type: 'text', field_id: 'why', response: ['x'] } } }, '"annotations.why.response.0"'],
  ],
);
