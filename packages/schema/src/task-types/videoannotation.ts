import { z } from 'zod';
import { AttachmentUrl } from './shared/attachment.js';
import { defineTaskType } from './shared/define.js';
import { annotationSpecFields, baseAnnotationFields, checkAnnotationSpec } from './shared/editor-params.js';
import { checkUniqueLabels } from './shared/labels.js';
import { ImageAnnotation, checkImageAnnotations, prepareRules } from './shared/image-annotations.js';
import { issue, missing, report, under, type Issue } from './shared/issues.js';
import { EventsToAnnotate, ResultFile, VideoEvents, checkEvents } from './shared/video.js';

/** One frame of an inline result: the frame's annotations, uuids stable across frames for one object. */
const Frame = z.looseObject({ annotations: z.array(ImageAnnotation) });

export const VideoAnnotationResponse = z.looseObject({
  annotations: z.union([ResultFile, z.array(Frame)]),
  events: VideoEvents.optional(),
});
export type VideoAnnotationResponse = z.output<typeof VideoAnnotationResponse>;

export const VideoAnnotationParams = z
  .looseObject({
    /** Frame images, in order (attachment_type "image"). */
    attachments: z.array(AttachmentUrl).min(1).optional(),
    /** A video file (attachment_type "video"). */
    attachment: AttachmentUrl.optional(),
    attachment_type: z.enum(['image', 'video']).optional(),
    ...annotationSpecFields,
    ...baseAnnotationFields,
    // Video base annotations are per frame; their shape is not published, so they are kept as given.
    base_annotations: z.unknown().optional(),
    events_to_annotate: EventsToAnnotate.optional(),
    frame_rate: z.number().positive().optional(),
    hypothesis: VideoAnnotationResponse.optional(),
  })
  .superRefine((p, ctx) => {
    const issues: Issue[] = checkAnnotationSpec(p);
    const kind = p.attachment_type ?? (p.attachments ? 'image' : 'video');
    if (kind === 'image' && !p.attachments) issues.push(missing(['attachments'], 'is required (the frame images, for attachment_type "image")'));
    if (kind === 'video' && !p.attachment) issues.push(missing(['attachment'], 'is required (a video URL, or pass attachments with the frames)'));
    if (p.attachments && p.attachment) issues.push(issue(['attachment'], 'cannot be combined with attachments'));
    if (p.events_to_annotate) issues.push(...under(['events_to_annotate'], checkUniqueLabels(p.events_to_annotate)));
    report(ctx, issues);
  });
export type VideoAnnotationParams = z.output<typeof VideoAnnotationParams>;

function check(p: VideoAnnotationParams, r: VideoAnnotationResponse): Issue[] {
  const issues: Issue[] = [];
  if (Array.isArray(r.annotations)) {
    const frames = r.annotations;
    if (p.attachments && frames.length > p.attachments.length) {
      issues.push(issue(['annotations'], `has ${frames.length} frames; the task has ${p.attachments.length} attachments`));
    }
    const prepared = prepareRules(p);
    // An object keeps its uuid across frames; its label and geometry must not change along the way.
    const firstSeen = new Map<string, { label: string | undefined; type: string; frame: number }>();
    frames.forEach((frame, f) => {
      issues.push(...under(['annotations', f, 'annotations'], checkImageAnnotations(prepared, frame.annotations)));
      frame.annotations.forEach((a, i) => {
        const first = firstSeen.get(a.uuid);
        if (!first) firstSeen.set(a.uuid, { label: a.label, type: a.type, frame: f });
        else if (first.label !== a.label || first.type !== a.type) {
          issues.push(issue(['annotations', f, 'annotations', i, 'label'], `object ${a.uuid} was a ${first.type} "${first.label ?? ''}" in frame ${first.frame}`));
        }
      });
    });
  }
  if (Array.isArray(r.events)) issues.push(...under(['events'], checkEvents(p.events_to_annotate, r.events)));
  return issues;
}

/** Objects tracked through a video or a sequence of frame images. */
export const videoannotation = defineTaskType({
  type: 'videoannotation',
  params: VideoAnnotationParams,
  response: VideoAnnotationResponse,
  check,
  empty: (p) => ({ annotations: (p.attachments ?? []).map(() => ({ annotations: [] })) }),
});
