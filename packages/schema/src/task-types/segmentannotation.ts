import { z } from 'zod';
import { AttachmentUrl } from './shared/attachment.js';
import { defineTaskType } from './shared/define.js';
import { issue, report, under, type Issue } from './shared/issues.js';
import { LabelList, LabelTree, checkUniqueLabels } from './shared/labels.js';

export const SegmentAnnotationParams = z
  .looseObject({
    attachment: AttachmentUrl,
    attachment_type: z.literal('image').default('image'),
    labels: LabelList.min(1),
    /** Labels whose every instance gets its own mask (each car, not "all cars"); a subset of labels. */
    instance_labels: z.array(z.string().min(1)).optional(),
    allow_unlabeled: z.boolean().default(false),
    // Scale fills this default on segmentation tasks (seen in its recorded responses).
    allow_parent_labels: z.boolean().default(false),
  })
  .superRefine((p, ctx) => {
    const tree = new LabelTree(p.labels);
    const issues: Issue[] = under(['labels'], checkUniqueLabels(p.labels));
    p.instance_labels?.forEach((l, i) => {
      if (!tree.names.has(l)) issues.push(issue(['instance_labels', i], `label "${l}" is not in labels`));
    });
    report(ctx, issues);
  });
export type SegmentAnnotationParams = z.output<typeof SegmentAnnotationParams>;

const MaskUrl = z.string().min(1).nullable();

export const SegmentAnnotationResponse = z.looseObject({
  annotations: z.looseObject({
    /** Mask of pixels left without a label. Not tied to allow_unlabeled: Scale's own responses carry it either way. */
    unlabeled: MaskUrl.default(null),
    /** One mask per label (null when the label is absent from the image). */
    labeled: z.record(z.string(), z.union([MaskUrl, z.array(z.string())])).default({}),
    combined: z.looseObject({ image: MaskUrl.optional(), indexedImage: MaskUrl.optional() }).optional(),
  }),
  labelMapping: z
    .record(z.string(), z.looseObject({ index: z.number().int().min(0), color: z.string().optional(), attributes: z.unknown().optional() }))
    .default({}),
});
export type SegmentAnnotationResponse = z.output<typeof SegmentAnnotationResponse>;

function check(p: SegmentAnnotationParams, r: SegmentAnnotationResponse): Issue[] {
  const tree = new LabelTree(p.labels);
  const issues: Issue[] = [];
  const checkLabel = (label: string, at: (string | number)[]) => {
    if (!tree.allows(label, p.allow_parent_labels)) issues.push(issue(at, tree.refusal(label, 'labels')));
  };
  for (const label of Object.keys(r.annotations.labeled)) checkLabel(label, ['annotations', 'labeled', label]);
  for (const label of Object.keys(r.labelMapping)) checkLabel(label, ['labelMapping', label]);
  const indexes = new Map<number, string>();
  for (const [label, m] of Object.entries(r.labelMapping)) {
    const other = indexes.get(m.index);
    if (other !== undefined) issues.push(issue(['labelMapping', label, 'index'], `index ${m.index} is also used by "${other}"`));
    indexes.set(m.index, label);
  }
  return issues;
}

/** Per-pixel segmentation: one mask per label, plus combined and indexed images. */
export const segmentannotation = defineTaskType({
  type: 'segmentannotation',
  params: SegmentAnnotationParams,
  response: SegmentAnnotationResponse,
  check,
  empty: () => ({ annotations: { unlabeled: null, labeled: {} }, labelMapping: {} }),
});
