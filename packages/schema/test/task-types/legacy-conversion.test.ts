import { describe, expect, it } from 'vitest';
import {
  imageAnnotationToLegacyResponse,
  legacyResponseToImageAnnotation,
  legacyToImageAnnotation,
  type LegacyParams,
} from '../../src/index.js';
import { paramsError, parseParams } from './harness.js';

const attachment = 'https://example.com/cows.jpg';

describe('legacyToImageAnnotation', () => {
  it('turns annotation params into an imageannotation box geometry', () => {
    const stored = parseParams('annotation', { attachment, objects_to_annotate: ['cow'], min_width: 4, examples: [] }) as LegacyParams;
    const converted = legacyToImageAnnotation('annotation', stored);
    expect(converted).toMatchObject({
      attachment,
      attachment_type: 'image',
      examples: [],
      geometries: { box: { objects_to_annotate: ['cow'], min_width: 4, min_height: 0 } },
    });
    expect(converted).not.toHaveProperty('objects_to_annotate');
    expect(paramsError('imageannotation', converted)).toBe('');
  });

  it.each([
    ['polygonannotation', 'polygon'],
    ['lineannotation', 'line'],
    ['pointannotation', 'point'],
    ['cuboidannotation', 'cuboid'],
  ] as const)('turns %s into geometries.%s accepted by imageannotation', (type, kind) => {
    const stored = parseParams(type, { attachment, objects_to_annotate: ['cow'] }) as LegacyParams;
    const converted = legacyToImageAnnotation(type, stored);
    expect(Object.keys(converted.geometries)).toEqual([kind]);
    expect(paramsError('imageannotation', converted)).toBe('');
  });

  it('maps with_labels: false to an unlabelled geometry', () => {
    const stored = parseParams('annotation', { attachment, objects_to_annotate: ['cow'], with_labels: false }) as LegacyParams;
    expect(legacyToImageAnnotation('annotation', stored).geometries.box?.objects_to_annotate).toEqual([]);
  });
});

describe('legacy responses', () => {
  it('round-trip through the imageannotation shape', () => {
    const legacy = { annotations: [{ left: 0, top: 0, width: 100, height: 100, label: 'big cow' }] };
    const image = legacyResponseToImageAnnotation('annotation', legacy);
    expect(image.annotations[0]).toMatchObject({ type: 'box', label: 'big cow', width: 100 });
    expect(typeof image.annotations[0]!.uuid).toBe('string');
    const back = imageAnnotationToLegacyResponse('annotation', image);
    expect(back.annotations[0]).toMatchObject(legacy.annotations[0]!);
    expect(back.annotations[0]).not.toHaveProperty('type');
  });

  it('drops annotations of other geometries when going back to legacy', () => {
    const image = legacyResponseToImageAnnotation('pointannotation', { annotations: [{ x: 1, y: 2, label: 'nose' }] });
    image.annotations.push({ uuid: 'b', type: 'box', label: 'x', left: 0, top: 0, width: 1, height: 1 });
    expect(imageAnnotationToLegacyResponse('pointannotation', image).annotations).toHaveLength(1);
  });
});
