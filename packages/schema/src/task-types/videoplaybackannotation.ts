import { z } from 'zod';
import { AttachmentUrl } from './shared/attachment.js';
import { defineTaskType } from './shared/define.js';
import { annotationSpecFields, checkAnnotationSpec } from './shared/editor-params.js';
import { Geometries, geometryKinds } from './shared/geometries.js';
import { ImageAnnotation, checkImageAnnotation, prepareRules, type PreparedRules } from './shared/image-annotations.js';
import { fromZodIssues, issue, missing, listOf, report, under, type Issue } from './shared/issues.js';
import { checkUniqueLabels } from './shared/labels.js';
import { EventsToAnnotate, ResultFile, VideoEvents, checkEvents } from './shared/video.js';

/** One keyframe of a track: frame number, time, and the geometry's own fields (left/top/… or vertices). */
const TrackFrame = z.looseObject({
  key: z.number().int().min(0),
  timestamp: z.number().min(0).optional(),
  attributes: z.record(z.string(), z.unknown()).optional(),
});
const Track = z.looseObject({ label: z.string().optional(), geometry: z.enum(geometryKinds), frames: z.array(TrackFrame) });
type Track = z.output<typeof Track>;

export const VideoPlaybackAnnotationResponse = z.looseObject({
  /** A file link, or inline tracks keyed by uuid. */
  annotations: z.union([ResultFile, z.record(z.string(), Track)]),
  events: VideoEvents.optional(),
});
export type VideoPlaybackAnnotationResponse = z.output<typeof VideoPlaybackAnnotationResponse>;

export const VideoPlaybackAnnotationParams = z
  .looseObject({
    attachment: AttachmentUrl,
    attachment_type: z.literal('video').default('video'),
    ...annotationSpecFields,
    geometries: Geometries.optional(),
    events_to_annotate: EventsToAnnotate.optional(),
    /** Frames per second annotated (Scale's default samples one frame a second). */
    frame_rate: z.number().positive().default(1),
    annotation_frame_rate: z.number().positive().optional(),
    video_frame_rate: z.number().positive().optional(),
    with_labels: z.boolean().optional(),
    hypothesis: VideoPlaybackAnnotationResponse.optional(),
  })
  .superRefine((p, ctx) => {
    const issues: Issue[] = [];
    if (!p.geometries && !p.events_to_annotate) issues.push(missing(['geometries'], 'is required (or events_to_annotate)'));
    if (p.geometries) issues.push(...checkAnnotationSpec({ ...p, geometries: p.geometries }));
    if (p.events_to_annotate) issues.push(...under(['events_to_annotate'], checkUniqueLabels(p.events_to_annotate)));
    report(ctx, issues);
  });
export type VideoPlaybackAnnotationParams = z.output<typeof VideoPlaybackAnnotationParams>;

/** Each keyframe is checked as the image annotation it draws; track-level problems point at the track. */
function checkTrack(prepared: PreparedRules, uuid: string, track: Track): Issue[] {
  if (!prepared.labels.byKind.has(track.geometry)) {
    return [issue([uuid, 'geometry'], `geometry "${track.geometry}" was not requested (the task asks for ${listOf(prepared.labels.byKind.keys())})`)];
  }
  const issues: Issue[] = [];
  let lastKey = -1;
  track.frames.forEach((frame, j) => {
    const at = [uuid, 'frames', j];
    if (frame.key <= lastKey) issues.push(issue([...at, 'key'], `frame ${frame.key} must come after frame ${lastKey}`));
    lastKey = frame.key;
    const parsed = ImageAnnotation.safeParse({ ...frame, type: track.geometry, uuid, label: track.label });
    if (!parsed.success) {
      issues.push(...under(at, fromZodIssues(parsed.error.issues)));
      return;
    }
    for (const found of checkImageAnnotation(prepared, parsed.data)) {
      const [head] = found.path;
      // The track carries label and geometry once; report those on the track, and only once.
      if (head === 'label' || head === 'type') {
        if (j === 0) issues.push(issue([uuid, head === 'type' ? 'geometry' : 'label'], found.message));
      } else issues.push(issue([...at, ...found.path], found.message));
    }
  });
  return issues;
}

function check(p: VideoPlaybackAnnotationParams, r: VideoPlaybackAnnotationResponse): Issue[] {
  const issues: Issue[] = [];
  if (!('url' in r.annotations && typeof r.annotations['url'] === 'string')) {
    const tracks = Object.entries(r.annotations as Record<string, Track>);
    if (tracks.length > 0 && !p.geometries) issues.push(issue(['annotations'], 'must be empty: the task requests no geometries'));
    else if (p.geometries) {
      const prepared = prepareRules({ ...p, geometries: p.geometries });
      for (const [uuid, track] of tracks) issues.push(...under(['annotations'], checkTrack(prepared, uuid, track)));
    }
  }
  if (Array.isArray(r.events)) issues.push(...under(['events'], checkEvents(p.events_to_annotate, r.events)));
  return issues;
}

/** Objects tracked across a video file, sampled at frame_rate; results as tracks of keyframes. */
export const videoplaybackannotation = defineTaskType({
  type: 'videoplaybackannotation',
  params: VideoPlaybackAnnotationParams,
  response: VideoPlaybackAnnotationResponse,
  check,
  empty: () => ({ annotations: {}, events: [] }),
});
