import { z } from 'zod';
import type { TaskTypeDefinition } from './definition.js';

export type { ResponseIssue, TaskTypeDefinition } from './definition.js';

/** Placeholder used until a type gets its own module: any object in, any object out. */
function openType(type: string): TaskTypeDefinition {
  return {
    type,
    params: z.looseObject({}),
    response: z.looseObject({}),
    checkResponse: () => [],
    emptyResponse: () => ({}),
  };
}

const names = [
  'annotation', 'categorization', 'comparison', 'cuboidannotation', 'datacollection', 'documentmodel',
  'documenttranscription', 'imageannotation', 'laneannotation', 'lidarannotation', 'lidarlinking',
  'lidarsegmentation', 'lidartopdown', 'lineannotation', 'namedentityrecognition', 'pointannotation',
  'polygonannotation', 'segmentannotation', 'transcription', 'textcollection', 'videoannotation',
  'videoboxannotation', 'videoplaybackannotation', 'videocuboidannotation', 'sensorfusion', 'chat',
  'chatexperimental', 'chatlite', 'multichat', 'multistage', 'federal2dvideoannotation', 'audiotranscription',
] as const;

/** Every task type Tessera accepts, by its path segment. */
export const taskTypes: ReadonlyMap<string, TaskTypeDefinition> = new Map(names.map((n) => [n, openType(n)]));

export const taskTypeNames: readonly string[] = [...taskTypes.keys()].sort();

export function getTaskType(type: string): TaskTypeDefinition | undefined {
  return taskTypes.get(type);
}
