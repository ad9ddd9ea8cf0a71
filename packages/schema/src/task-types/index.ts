import type { TaskTypeDefinition } from './definition.js';
import { annotation } from './annotation.js';
import { categorization } from './categorization.js';
import { comparison } from './comparison.js';
import { cuboidannotation } from './cuboidannotation.js';
import { datacollection } from './datacollection.js';
import { documenttranscription } from './documenttranscription.js';
import { imageannotation } from './imageannotation.js';
import { lineannotation } from './lineannotation.js';
import { namedentityrecognition } from './namedentityrecognition.js';
import { pointannotation } from './pointannotation.js';
import { polygonannotation } from './polygonannotation.js';
import { segmentannotation } from './segmentannotation.js';
import { erase, openType } from './shared/define.js';
import { textcollection } from './textcollection.js';
import { transcription } from './transcription.js';
import { videoannotation } from './videoannotation.js';
import { videoplaybackannotation } from './videoplaybackannotation.js';

export type { ResponseIssue, TaskTypeDefinition } from './definition.js';
export { ImageAnnotationParams } from './imageannotation.js';
export { CategorizationParams, CategorizationResponse } from './categorization.js';
export { ComparisonParams, ComparisonResponse } from './comparison.js';
export { DataCollectionParams, DataCollectionResponse } from './datacollection.js';
export { DocumentTranscriptionParams, DocumentTranscriptionResponse } from './documenttranscription.js';
export { NamedEntityRecognitionParams, NamedEntityRecognitionResponse } from './namedentityrecognition.js';
export { SegmentAnnotationParams, SegmentAnnotationResponse } from './segmentannotation.js';
export { TextCollectionParams, TextCollectionResponse, TextCollectionField } from './textcollection.js';
export { TranscriptionParams, TranscriptionResponse } from './transcription.js';
export { VideoAnnotationParams, VideoAnnotationResponse } from './videoannotation.js';
export { VideoPlaybackAnnotationParams, VideoPlaybackAnnotationResponse } from './videoplaybackannotation.js';
export {
  ImageAnnotation,
  ImageAnnotationResponse,
  checkImageAnnotations,
  prepareRules,
  type AnnotationRules,
} from './shared/image-annotations.js';
export { Geometries, geometryKinds, type GeometryKind } from './shared/geometries.js';
export { AnnotationAttributes, AnnotationAttribute, conditionsHold } from './shared/attributes.js';
export { isMissingValueIssue } from './shared/issues.js';
export { LabelItem, LabelList, LabelTree, type LabelDescription } from './shared/labels.js';
export {
  imageAnnotationToLegacyResponse,
  isLegacyType,
  legacyGeometry,
  legacyResponseToImageAnnotation,
  legacyToImageAnnotation,
  type LegacyParams,
  type LegacyType,
} from './shared/legacy.js';

/** Types with their own params, response and rules; the rest of `names` are accepted as open objects. */
const implemented: readonly TaskTypeDefinition[] = [
  erase(imageannotation),
  annotation,
  polygonannotation,
  lineannotation,
  pointannotation,
  cuboidannotation,
  erase(categorization),
  erase(comparison),
  erase(datacollection),
  erase(transcription),
  erase(textcollection),
  erase(documenttranscription),
  erase(namedentityrecognition),
  erase(segmentannotation),
  erase(videoannotation),
  erase(videoplaybackannotation),
];

const names = [
  'annotation', 'categorization', 'comparison', 'cuboidannotation', 'datacollection', 'documentmodel',
  'documenttranscription', 'imageannotation', 'laneannotation', 'lidarannotation', 'lidarlinking',
  'lidarsegmentation', 'lidartopdown', 'lineannotation', 'namedentityrecognition', 'pointannotation',
  'polygonannotation', 'segmentannotation', 'transcription', 'textcollection', 'videoannotation',
  'videoboxannotation', 'videoplaybackannotation', 'videocuboidannotation', 'sensorfusion', 'chat',
  'chatexperimental', 'chatlite', 'multichat', 'multistage', 'federal2dvideoannotation', 'audiotranscription',
] as const;

const byName = new Map(implemented.map((d) => [d.type, d]));

/** Every task type Tessera accepts, by its path segment. */
export const taskTypes: ReadonlyMap<string, TaskTypeDefinition> = new Map(names.map((n) => [n, byName.get(n) ?? openType(n)]));

export const taskTypeNames: readonly string[] = [...taskTypes.keys()].sort();

/** Names with a real definition (params, response, rules), as opposed to open pass-through ones. */
export const implementedTaskTypeNames: readonly string[] = implemented.map((d) => d.type).sort();

export function getTaskType(type: string): TaskTypeDefinition | undefined {
  return taskTypes.get(type);
}

export { openTypeExample, taskTypeExamples, type TaskTypeExample } from './examples.js';
