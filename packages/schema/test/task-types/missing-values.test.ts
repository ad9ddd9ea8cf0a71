import { describe, expect, it } from 'vitest';
import { getTaskType, isMissingValueIssue } from '../../src/index.js';

/** Project params are partial task params: a missing value is the task's to supply, a wrong one is a 400. */
function nonMissing(type: string, params: unknown, reportInput: boolean): string[] {
  const result = getTaskType(type)!.params.safeParse(params, { reportInput });
  return result.success ? [] : result.error.issues.filter((i) => !isMissingValueIssue(i)).map((i) => i.path.join('.'));
}

describe.each([true, false])('isMissingValueIssue (reportInput %s)', (reportInput) => {
  it.each([
    ['imageannotation', { geometries: { box: { objects_to_annotate: ['car'] } } }],
    ['annotation', { objects_to_annotate: ['car'] }],
    ['categorization', { allow_multiple: true }],
    ['documenttranscription', { features: [{ type: 'block', label: 'barcode' }] }],
    ['videoannotation', { geometries: { box: {} } }],
    ['videoplaybackannotation', { frame_rate: 2 }],
    ['transcription', { attachment_type: 'image' }],
  ])('%s: params without task-supplied values have only missing-value issues', (type, params) => {
    expect(nonMissing(type, params, reportInput)).toEqual([]);
  });

  it.each([
    ['imageannotation', { geometries: { hexagon: {} } }, 'geometries.hexagon'],
    ['annotation', { objects_to_annotate: 'car' }, 'objects_to_annotate'],
    ['categorization', { allow_multiple: 'yes' }, 'allow_multiple'],
  ])('%s: wrong values are not missing-value issues', (type, params, path) => {
    expect(nonMissing(type, params, reportInput)).toContain(path);
  });
});
