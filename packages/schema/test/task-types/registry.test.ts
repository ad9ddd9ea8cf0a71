import { describe, expect, it } from 'vitest';
import { getTaskType, implementedTaskTypeNames, taskTypeNames, taskTypes } from '../../src/index.js';

// Every value of PY's TaskType plus audiotranscription (NODE2/RUBY) must route.
const scaleTypes = [
  'annotation', 'categorization', 'comparison', 'cuboidannotation', 'datacollection', 'documentmodel', 'documenttranscription',
  'imageannotation', 'laneannotation', 'lidarannotation', 'lidarlinking', 'lidarsegmentation', 'lidartopdown', 'lineannotation',
  'namedentityrecognition', 'pointannotation', 'polygonannotation', 'segmentannotation', 'transcription', 'textcollection',
  'videoannotation', 'videoboxannotation', 'videoplaybackannotation', 'videocuboidannotation', 'sensorfusion', 'chat',
  'chatexperimental', 'chatlite', 'multichat', 'multistage', 'federal2dvideoannotation', 'audiotranscription',
];

describe('task type registry', () => {
  it('registers every Scale type name under its own name', () => {
    expect([...taskTypeNames]).toEqual([...scaleTypes].sort());
    for (const [name, def] of taskTypes) expect(def.type).toBe(name);
  });

  it('implements the types the brief lists', () => {
    expect(implementedTaskTypeNames).toHaveLength(16);
  });

  it.each(taskTypeNames.filter((n) => !implementedTaskTypeNames.includes(n)))('%s stays open: any object in and out', (name) => {
    const def = getTaskType(name)!;
    const parsed = def.params.parse({ anything: [1, 2], nested: { x: 1 } });
    expect(parsed).toEqual({ anything: [1, 2], nested: { x: 1 } });
    expect(def.response.safeParse({ responses: [] }).success).toBe(true);
    expect(def.checkResponse(parsed, {})).toEqual([]);
    expect(def.params.safeParse('not an object').success).toBe(false);
  });

  it('returns undefined for unknown types', () => {
    expect(getTaskType('hologramannotation')).toBeUndefined();
  });
});
