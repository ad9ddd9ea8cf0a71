/**
 * One create request and one completed response per task type: the source of docs/task-types.md.
 * A test parses every example with its type's schemas and regenerates the doc from them, so the
 * doc cannot drift from what the server accepts.
 */
export interface TaskTypeExample {
  type: string;
  /** What the type is for, one line. */
  summary: string;
  /** Body of `POST /v1/task/{type}`: common task fields plus the type's params. */
  request: Record<string, unknown>;
  /** `task.response` once completed. */
  response: Record<string, unknown>;
}

const callback_url = 'https://example.com/callback';
const img = 'https://example.com/street.jpg';

export const taskTypeExamples: readonly TaskTypeExample[] = [
  {
    type: 'imageannotation',
    summary: 'Boxes, polygons, lines, points, ellipses and cuboids on one image, with attributes.',
    request: {
      instruction: 'Draw a box around every vehicle and outline buildings.',
      callback_url,
      attachment: img,
      geometries: {
        box: { objects_to_annotate: ['car', { choice: 'vehicle', subchoices: ['bus', 'truck'] }], min_width: 5, min_height: 5 },
        polygon: { objects_to_annotate: ['building'], min_vertices: 3 },
      },
      annotation_attributes: {
        parked: { description: 'Is the vehicle parked?', choices: ['Yes', 'No'], conditions: { label_condition: { label: ['car', 'vehicle'] } } },
      },
      hypothesis: { annotations: [{ uuid: 'pre-1', type: 'box', label: 'car', left: 10, top: 10, width: 40, height: 20 }] },
    },
    response: {
      annotations: [
        { uuid: 'pre-1', type: 'box', label: 'car', attributes: { parked: 'Yes' }, left: 12, top: 10, width: 41, height: 22 },
        { uuid: '65ec2d3b-0f4c-4c1e-9d0a-6c1f0e2b7a11', type: 'polygon', label: 'building', vertices: [{ x: 123, y: 10 }, { x: 140, y: 49 }, { x: 67, y: 34 }] },
      ],
      links: [],
      global_attributes: {},
    },
  },
  {
    type: 'annotation',
    summary: 'Legacy boxes (use imageannotation for new work).',
    request: { instruction: 'Box the cows.', callback_url, attachment: img, attachment_type: 'image', objects_to_annotate: ['big cow', 'small cow'], with_labels: true, min_width: 10 },
    response: { annotations: [{ left: 0, top: 0, width: 100, height: 100, label: 'big cow' }] },
  },
  {
    type: 'polygonannotation',
    summary: 'Legacy polygons.',
    request: { instruction: 'Outline the cows.', callback_url, attachment: img, objects_to_annotate: ['big cow'] },
    response: { annotations: [{ vertices: [{ x: 10, y: 10 }, { x: 40, y: 10 }, { x: 40, y: 30 }], label: 'big cow' }] },
  },
  {
    type: 'lineannotation',
    summary: 'Legacy lines; `splines` defaults to false.',
    request: { instruction: 'Trace the lanes.', callback_url, attachment: img, objects_to_annotate: ['lane'] },
    response: { annotations: [{ vertices: [{ x: 0, y: 100 }, { x: 200, y: 40 }], label: 'lane' }] },
  },
  {
    type: 'pointannotation',
    summary: 'Legacy points.',
    request: { instruction: 'Mark every nose.', callback_url, attachment: img, objects_to_annotate: ['nose'] },
    response: { annotations: [{ x: 120, y: 80, label: 'nose' }] },
  },
  {
    type: 'cuboidannotation',
    summary: 'Legacy 2D cuboids.',
    request: { instruction: 'Fit a cuboid to each car.', callback_url, attachment: img, objects_to_annotate: ['car'] },
    response: {
      annotations: [
        {
          label: 'car',
          vertices: [
            { description: 'face-topleft', x: 100, y: 70, type: 'vertex' },
            { description: 'face-bottomleft', x: 100, y: 110, type: 'vertex' },
            { description: 'face-topright', x: 150, y: 70, type: 'vertex' },
            { description: 'face-bottomright', x: 150, y: 110, type: 'vertex' },
            { description: 'side-topcorner', x: 170, y: 60, type: 'vertex' },
            { description: 'side-bottomcorner', x: 170, y: 100, type: 'vertex' },
          ],
        },
      ],
    },
  },
  {
    type: 'categorization',
    summary: 'One category (or several) for the whole attachment. Requires `instruction`.',
    request: { instruction: 'Is this company public or private?', callback_url, attachment_type: 'website', attachment: 'https://www.google.com', categories: ['public', 'private'] },
    response: { category: 'private', category_id: null },
  },
  {
    type: 'comparison',
    summary: 'Compare attachments and pick one of `choices`.',
    request: { instruction: 'Are these the same product?', callback_url, attachments: ['https://example.com/a.jpg', 'https://example.com/b.jpg'], attachment_type: 'image', choices: ['yes', 'no'] },
    response: { choice: 'yes' },
  },
  {
    type: 'datacollection',
    summary: 'Look at an attachment (usually a website) and fill in named fields.',
    request: { instruction: 'Find the careers page.', callback_url, attachment: 'https://www.scale.com', attachment_type: 'website', fields: { hiring_page: 'URL of the careers page' } },
    response: { fields: { hiring_page: 'https://scale.com/careers' }, time_spent_in_seconds: 15 },
  },
  {
    type: 'transcription',
    summary: 'Copy named fields, and repeated rows, out of an attachment.',
    request: {
      instruction: 'Transcribe the receipt.',
      callback_url,
      attachment: 'https://example.com/receipt.jpg',
      attachment_type: 'image',
      fields: { title: 'Shop name', total: 'Total paid' },
      repeatable_fields: { name: 'Item', price: 'Price' },
    },
    response: { fields: { title: 'Corner Shop', total: '3.50' }, repeatable_fields: [{ name: 'milk', price: '1.00' }, { name: 'bread', price: '2.50' }] },
  },
  {
    type: 'textcollection',
    summary: 'Forms answered about attachments (generative-AI evaluation).',
    request: {
      instruction: 'Judge the answer.',
      callback_url,
      attachments: [{ type: 'text', content: 'Q: What is 2+2? A: 5', forms: ['answer_reasonable'] }],
      fields: [
        { field_id: 'answer_reasonable', type: 'category', title: 'Is the answer reasonable?', choices: [{ label: 'Yes', value: 'yes' }, { label: 'No', value: 'no' }], required: true },
        { field_id: 'why', type: 'text', title: 'Why?' },
      ],
    },
    response: {
      annotations: {
        answer_reasonable: { type: 'category', field_id: 'answer_reasonable', response: [['no']] },
        why: { type: 'text', field_id: 'why', response: [['2+2 is 4']] },
      },
    },
  },
  {
    type: 'documenttranscription',
    summary: 'Text and regions read out of a document.',
    request: { instruction: 'Transcribe the barcode.', callback_url, attachment: 'https://example.com/invoice.pdf', features: [{ type: 'block', label: 'barcode' }] },
    response: { annotations: [{ uuid: 'b1', page: 0, label: 'barcode', text: '0123456789', location: { type: 'box', top: 40, left: 20, width: 200, height: 60 }, refs: [] }] },
  },
  {
    type: 'namedentityrecognition',
    summary: 'Labelled spans of a text. Offsets are Unicode code points, end exclusive.',
    request: { instruction: 'Tag people and organisations.', callback_url, text: 'Tim Cook runs Apple.', labels: [{ name: 'PERSON', description: 'A person' }, { name: 'ORG', description: 'A company' }] },
    response: { annotations: [{ start: 0, end: 8, label: 'PERSON', text: 'Tim Cook' }, { start: 14, end: 19, label: 'ORG', text: 'Apple' }] },
  },
  {
    type: 'segmentannotation',
    summary: 'Per-pixel segmentation: one mask per label.',
    request: { instruction: 'Paint every pixel.', callback_url, attachment: img, labels: ['background', 'road', { choice: 'vehicle', subchoices: ['car', 'bus'] }], instance_labels: ['car'], allow_unlabeled: false },
    response: {
      annotations: {
        unlabeled: null,
        labeled: { background: 'https://files.example.com/bg.png', road: 'https://files.example.com/road.png', car: ['https://files.example.com/car-1.png'], bus: null },
        combined: { image: 'https://files.example.com/combined.png', indexedImage: 'https://files.example.com/indexed.png' },
      },
      labelMapping: { background: { index: 1, color: '#ff0000', attributes: null }, road: { index: 2, color: '#00ff00' }, car: { index: 3, color: '#0000ff' } },
    },
  },
  {
    type: 'videoannotation',
    summary: 'Objects tracked through frame images or a video; results inline per frame or as a file link.',
    request: {
      instruction: 'Track every car.',
      callback_url,
      attachments: ['https://example.com/f0.jpg', 'https://example.com/f1.jpg'],
      attachment_type: 'image',
      geometries: { box: { objects_to_annotate: ['car'] } },
      events_to_annotate: ['crash'],
      frame_rate: 2,
    },
    response: {
      annotations: [
        { annotations: [{ uuid: 'car-1', type: 'box', label: 'car', left: 10, top: 10, width: 40, height: 20 }] },
        { annotations: [{ uuid: 'car-1', type: 'box', label: 'car', left: 14, top: 10, width: 40, height: 20 }] },
      ],
      events: [{ label: 'crash', type: 'range', start: 0, end: 1 }],
    },
  },
  {
    type: 'videoplaybackannotation',
    summary: 'Objects tracked across a video file at `frame_rate` (default 1); tracks of keyframes.',
    request: { instruction: 'Track the ball.', callback_url, attachment: 'https://example.com/match.mp4', geometries: { point: { objects_to_annotate: ['ball'] } }, events_to_annotate: ['goal'] },
    response: {
      annotations: { 'ball-1': { label: 'ball', geometry: 'point', frames: [{ key: 0, timestamp: 0, attributes: {}, x: 320, y: 200 }, { key: 1, timestamp: 1, attributes: {}, x: 340, y: 190 }] } },
      events: { url: 'https://files.example.com/events.json' },
    },
  },
];

/** For the types accepted as open objects: any params in, any response out (chat as Scale shows it). */
export const openTypeExample: TaskTypeExample = {
  type: 'chat',
  summary: 'Accepted as given: params and response are stored without type-specific checks.',
  request: { instruction: 'Write a prompt.', callback_url, any_param: 'kept as sent' },
  response: { responses: [{ type: 'Instructions', output: '' }, { type: 'PromptInput', output: 'Tell me a joke.' }] },
};
