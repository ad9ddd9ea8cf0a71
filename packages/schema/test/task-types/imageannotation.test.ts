import { describe, expect, it } from 'vitest';
import { paramsTable, parseParams, responseTable } from './harness.js';

const attachment = 'https://example.com/street.jpg';

/** A task using most features: nested labels, attributes with conditions, several geometries. */
const params = {
  attachment,
  geometries: {
    box: { objects_to_annotate: ['car', { choice: 'vehicle', subchoices: ['bus', 'truck'] }], min_width: 5, min_height: 5 },
    polygon: { objects_to_annotate: ['building'], min_vertices: 3, max_vertices: 6 },
    line: { objects_to_annotate: ['lane'] },
    point: { objects_to_annotate: ['left_eye', 'right_eye'], connections: [{ pair: ['left_eye', 'right_eye'] }] },
    ellipse: { objects_to_annotate: ['wheel'] },
  },
  annotation_attributes: {
    parked: { description: 'Is it parked?', choices: ['Yes', 'No'] },
    occlusion: { type: 'number', min: 0, max: 100, step: 25, conditions: { label_condition: { label: ['car', 'vehicle'] } } },
    colour: { type: 'category', choices: ['red', 'blue'], allow_multiple: true, conditions: { attribute_conditions: [{ parked: 'Yes' }] } },
    plate: { type: 'text', required: true, conditions: { label_condition: { label: 'car' } } },
  },
};

const geometries = { box: { objects_to_annotate: ['car'] } };

paramsTable(
  'imageannotation',
  {
    'minimal box task': { attachment, geometries },
    'scaledata attachment and every option': {
      attachment: 'scaledata://abc123/image.png',
      geometries: {
        box: { objects_to_annotate: ['car'], can_rotate: true, integer_pixels: true },
        cuboid: { objects_to_annotate: ['car'], camera_intrinsics: { fx: 1, fy: 1, cx: 0, cy: 0 }, camera_height: 1.5 },
      },
      padding: 10,
      paddingX: 5,
      layers: { boxes: [{ left: 0, top: 0, width: 10, height: 10 }] },
      context_attachments: [{ attachment: 'https://example.com/ctx.jpg' }],
      base_annotations: { annotations: [{ type: 'box', label: 'car', left: 1, top: 1, width: 10, height: 10 }] },
      can_edit_base_annotations: false,
      some_future_param: { kept: true },
    },
    'rich task with conditions': params,
    'hypothesis with a subchoice label': {
      attachment,
      geometries: params.geometries,
      hypothesis: { annotations: [{ uuid: 'h1', type: 'box', label: 'bus', left: 0, top: 0, width: 10, height: 10 }] },
    },
  },
  [
    ['missing attachment', { geometries }, '"attachment" is required'],
    ['missing geometries', { attachment }, '"geometries" is required'],
    ['attachment not a URL', { attachment: 'street.jpg', geometries }, '"attachment"', 'must be a URL'],
    ['unknown geometry', { attachment, geometries: { hexagon: {} } }, '"geometries.hexagon"', 'not a known geometry'],
    ['no geometry at all', { attachment, geometries: {} }, '"geometries"', 'at least one geometry'],
    ['misspelt geometry option', { attachment, geometries: { box: { min_widht: 3 } } }, 'geometries.box.min_widht'],
    ['wrong type of min_width', { attachment, geometries: { box: { min_width: 'big' } } }, '"geometries.box.min_width"'],
    ['negative min_height', { attachment, geometries: { box: { min_height: -1 } } }, '"geometries.box.min_height"'],
    ['min_vertices > max_vertices', { attachment, geometries: { polygon: { min_vertices: 5, max_vertices: 3 } } }, '"geometries.polygon.max_vertices"', 'at least min_vertices'],
    ['label object without choice', { attachment, geometries: { box: { objects_to_annotate: [{ subchoices: ['a'] }] } } }, '"geometries.box.objects_to_annotate.0.choice" is required'],
    ['duplicate label', { attachment, geometries: { box: { objects_to_annotate: ['car', 'car'] } } }, '"geometries.box.objects_to_annotate.1"', 'duplicate label'],
    ['connection to an unknown point label', { attachment, geometries: { point: { objects_to_annotate: ['a'], connections: [{ pair: ['a', 'z'] }] } } }, '"geometries.point.connections.0.pair.1"'],
    ['unknown attribute type', { attachment, geometries, annotation_attributes: { a: { type: 'colour' } } }, '"annotation_attributes.a.type"', 'not a known attribute type'],
    ['category attribute without choices', { attachment, geometries, annotation_attributes: { a: { description: 'x' } } }, '"annotation_attributes.a.choices" is required'],
    ['number attribute min > max', { attachment, geometries, annotation_attributes: { n: { type: 'number', min: 5, max: 1 } } }, '"annotation_attributes.n.max"'],
    ['label condition on an unknown label', { attachment, geometries, annotation_attributes: { a: { choices: ['x'], conditions: { label_condition: { label: 'boat' } } } } }, '"annotation_attributes.a.conditions.label_condition.label"', 'label "boat" is not in objects_to_annotate'],
    ['attribute condition on an unknown attribute', { attachment, geometries, annotation_attributes: { a: { choices: ['x'], conditions: { attribute_conditions: [{ ghost: 'x' }] } } } }, '"annotation_attributes.a.conditions.attribute_conditions.0.ghost"', 'unknown attribute'],
    ['attribute condition on an unknown choice', { attachment, geometries, annotation_attributes: { a: { choices: ['x'] }, b: { choices: ['y'], conditions: { attribute_conditions: [{ a: 'nope' }] } } } }, '"annotation_attributes.b.conditions.attribute_conditions.0.a"', '"nope"'],
    ['misspelt conditions key', { attachment, geometries, annotation_attributes: { a: { choices: ['x'], conditions: { label_conditon: { label: 'car' } } } } }, 'annotation_attributes.a.conditions.label_conditon'],
    ['hypothesis label not in objects_to_annotate', { attachment, geometries, hypothesis: { annotations: [{ type: 'box', label: 'truck', left: 0, top: 0, width: 10, height: 10 }] } }, '"hypothesis.annotations.0.label"', 'label "truck" is not in objects_to_annotate for box'],
    ['hypothesis with an unrequested geometry', { attachment, geometries, hypothesis: { annotations: [{ type: 'point', label: 'car', x: 1, y: 1 }] } }, '"hypothesis.annotations.0.type"', 'was not requested'],
    ['hypothesis of the wrong shape', { attachment, geometries, hypothesis: { annotations: [{ type: 'box', label: 'car' }] } }, '"hypothesis.annotations.0.left" is required'],
    ['base annotation too small', { attachment, geometries: { box: { objects_to_annotate: ['car'], min_width: 20 } }, base_annotations: { annotations: [{ type: 'box', label: 'car', left: 0, top: 0, width: 5, height: 50 }] } }, '"base_annotations.annotations.0.width"'],
    ['unknown layer kind', { attachment, geometries, layers: { circles: [] } }, '"layers.circles"', 'not a known layer kind'],
    ['negative padding', { attachment, geometries, padding: -3 }, '"padding"'],
    ['wrong attachment_type', { attachment, geometries, attachment_type: 'video' }, '"attachment_type"'],
  ],
);

const box = (label: string, extra: Record<string, unknown> = {}) => ({ uuid: `u-${label}-${Object.keys(extra).join('')}`, type: 'box', label, left: 1, top: 2, width: 10, height: 10, ...extra });

responseTable(
  'imageannotation',
  params,
  {
    'nothing labelled': { annotations: [] },
    'every geometry with attributes': {
      annotations: [
        box('car', { attributes: { parked: 'Yes', colour: ['red', 'blue'], occlusion: 50, plate: 'AB-123' } }),
        box('bus', { attributes: { parked: 'No', occlusion: 25 } }),
        { uuid: 'p', type: 'polygon', label: 'building', vertices: [{ x: 0, y: 0 }, { x: 5, y: 0 }, { x: 5, y: 5 }] },
        { uuid: 'l', type: 'line', label: 'lane', vertices: [{ x: 0, y: 0 }, { x: 5, y: 5 }] },
        { uuid: 'e', type: 'point', label: 'left_eye', x: 1, y: 1 },
        { uuid: 'w', type: 'ellipse', label: 'wheel', vertices: [{ x: 0, y: 5 }, { x: 5, y: 0 }, { x: 10, y: 5 }, { x: 5, y: 10 }] },
      ],
      links: [],
      global_attributes: {},
    },
    'uuid missing (filled in), unknown extra fields kept': { annotations: [{ type: 'box', label: 'truck', left: 0, top: 0, width: 6, height: 6, confidence: 0.9 }] },
  },
  [
    ['label not in objects_to_annotate', { annotations: [box('car'), box('boat')] }, 'annotations.1.label: label "boat" is not in objects_to_annotate for box'],
    ['parent label with subchoices', { annotations: [box('vehicle')] }, 'annotations.0.label', 'has subchoices; use one of bus, truck'],
    ['label of another geometry', { annotations: [box('building')] }, 'annotations.0.label'],
    ['geometry not requested', { annotations: [{ uuid: 'c', type: 'cuboid', label: 'car', vertices: [{ x: 0, y: 0 }] }] }, 'annotations.0.type', 'was not requested'],
    ['box below min_width', { annotations: [box('car', { width: 3 })] }, 'annotations.0.width: width 3 is less than min_width 5'],
    ['too few polygon vertices', { annotations: [{ uuid: 'p', type: 'polygon', label: 'building', vertices: [{ x: 0, y: 0 }, { x: 1, y: 1 }] }] }, 'annotations.0.vertices', 'at least 3'],
    ['too many polygon vertices', { annotations: [{ uuid: 'p', type: 'polygon', label: 'building', vertices: Array.from({ length: 7 }, (_, i) => ({ x: i, y: i })) }] }, 'annotations.0.vertices', 'at most 6'],
    ['unknown choice', { annotations: [box('car', { attributes: { parked: 'Maybe', plate: 'x' } })] }, 'annotations.0.attributes.parked', 'one of Yes, No'],
    ['allow_multiple answered with a string', { annotations: [box('car', { attributes: { parked: 'Yes', colour: 'red', plate: 'x' } })] }, 'annotations.0.attributes.colour', 'must be an array'],
    ['number off its step', { annotations: [box('car', { attributes: { occlusion: 30, plate: 'x' } })] }, 'annotations.0.attributes.occlusion', 'step 25'],
    ['number out of range', { annotations: [box('car', { attributes: { occlusion: 125, plate: 'x' } })] }, 'annotations.0.attributes.occlusion', 'at most 100'],
    ['attribute whose label condition fails', { annotations: [{ uuid: 'p', type: 'polygon', label: 'building', vertices: [{ x: 0, y: 0 }, { x: 5, y: 0 }, { x: 5, y: 5 }], attributes: { occlusion: 25 } }] }, 'annotations.0.attributes.occlusion', 'does not apply'],
    ['attribute whose attribute condition fails', { annotations: [box('car', { attributes: { parked: 'No', colour: ['red'], plate: 'x' } })] }, 'annotations.0.attributes.colour', 'does not apply'],
    ['required attribute missing', { annotations: [box('car')] }, 'annotations.0.attributes.plate: is required'],
    ['unknown attribute', { annotations: [box('bus', { attributes: { speed: 3 } })] }, 'annotations.0.attributes.speed', 'not in annotation_attributes'],
    ['duplicate uuid', { annotations: [box('car', { attributes: { plate: 'x' } }), box('car', { attributes: { plate: 'x' } })] }, 'annotations.1.uuid', 'duplicate uuid'],
    ['unknown annotation type', { annotations: [{ type: 'circle', label: 'car' }] }, '"annotations.0.type"', 'not a known annotation type'],
    ['missing annotations', {}, '"annotations" is required'],
    ['ellipse with 3 vertices', { annotations: [{ type: 'ellipse', label: 'wheel', vertices: [{ x: 0, y: 0 }, { x: 1, y: 1 }, { x: 2, y: 2 }] }] }, '"annotations.0.vertices"'],
  ],
);

describe('imageannotation stored params', () => {
  it('fills Scale defaults and keeps unknown params', () => {
    const stored = parseParams('imageannotation', { attachment, geometries: { box: {}, polygon: {} }, future: 1 });
    expect(stored).toMatchObject({
      attachment_type: 'image',
      future: 1,
      geometries: {
        box: { objects_to_annotate: [], min_width: 0, min_height: 0, can_rotate: false, integer_pixels: false },
        polygon: { objects_to_annotate: [], min_vertices: 1, max_vertices: null },
      },
    });
  });

  it('keeps hypothesis uuids and fills missing ones', () => {
    const stored = parseParams('imageannotation', {
      attachment,
      geometries,
      hypothesis: { annotations: [box('car'), { type: 'box', label: 'car', left: 0, top: 0, width: 1, height: 1 }] },
    }) as { hypothesis: { annotations: { uuid: string }[] } };
    expect(stored.hypothesis.annotations[0]!.uuid).toBe('u-car-');
    expect(stored.hypothesis.annotations[1]!.uuid).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('checks integer_pixels and rotation only when asked', () => {
    const strict = { attachment, geometries: { box: { objects_to_annotate: ['car'], integer_pixels: true } } };
    expect(parseParams('imageannotation', strict)).toBeTruthy();
  });
});

responseTable(
  'imageannotation',
  { attachment, geometries: { box: { objects_to_annotate: ['car'], integer_pixels: true } } },
  { 'whole pixels': { annotations: [box('car')] } },
  [
    ['fractional pixels', { annotations: [box('car', { left: 1.5 })] }, 'annotations.0.left', 'whole number'],
    ['rotation without can_rotate', { annotations: [box('car', { rotation: 0.3 })] }, 'annotations.0.rotation', 'can_rotate'],
  ],
);
