import { z } from 'zod';
import { AttachmentUrl } from './shared/attachment.js';
import { defineTaskType } from './shared/define.js';
import { Vertex } from './shared/image-annotations.js';
import { issue, missing, listOf, report, type Issue } from './shared/issues.js';

/** What to find in the document, e.g. `{type: "block", label: "barcode"}`. */
const Feature = z.looseObject({ type: z.string().min(1), label: z.string().min(1) });

const Location = z.discriminatedUnion('type', [
  z.looseObject({ type: z.literal('box'), top: z.number(), left: z.number(), width: z.number().min(0), height: z.number().min(0) }),
  z.looseObject({ type: z.literal('polygon'), vertices: z.array(Vertex).min(3) }),
]);

const DocumentAnnotation = z.looseObject({
  uuid: z.string().min(1).default(() => globalThis.crypto.randomUUID()),
  page: z.number().int().min(0).default(0),
  label: z.string(),
  text: z.string().optional(),
  location: Location.optional(),
  /** uuids of related annotations (a key's value, a table's cells). */
  refs: z.array(z.string()).optional(),
});

export const DocumentTranscriptionResponse = z.looseObject({ annotations: z.array(DocumentAnnotation) });
export type DocumentTranscriptionResponse = z.output<typeof DocumentTranscriptionResponse>;

export const DocumentTranscriptionParams = z
  .looseObject({
    attachment: AttachmentUrl.optional(),
    /** Several files (pages) transcribed as one document. */
    attachments: z.array(AttachmentUrl).min(1).optional(),
    features: z.array(Feature).optional(),
    hypothesis: DocumentTranscriptionResponse.optional(),
  })
  .superRefine((p, ctx) => {
    const issues: Issue[] = [];
    if (!p.attachment && !p.attachments) issues.push(missing(['attachment'], 'is required (or pass attachments)'));
    if (p.attachment && p.attachments) issues.push(issue(['attachments'], 'cannot be combined with attachment'));
    report(ctx, issues);
  });
export type DocumentTranscriptionParams = z.output<typeof DocumentTranscriptionParams>;

function check(p: DocumentTranscriptionParams, r: DocumentTranscriptionResponse): Issue[] {
  const issues: Issue[] = [];
  const labels = p.features?.map((f) => f.label);
  const uuids = new Set(r.annotations.map((a) => a.uuid));
  r.annotations.forEach((a, i) => {
    if (labels && !labels.includes(a.label)) issues.push(issue(['annotations', i, 'label'], `label "${a.label}" is not in features (${listOf(labels)})`));
    if (p.attachments && a.page >= p.attachments.length) {
      issues.push(issue(['annotations', i, 'page'], `page ${a.page} does not exist (the task has ${p.attachments.length} attachments)`));
    }
    a.refs?.forEach((ref, j) => {
      if (!uuids.has(ref)) issues.push(issue(['annotations', i, 'refs', j], `"${ref}" is not an annotation uuid in this response`));
    });
  });
  return issues;
}

/** Text and regions read out of a document; supports hypothesis (e.g. from the customer's own OCR). */
export const documenttranscription = defineTaskType({
  type: 'documenttranscription',
  params: DocumentTranscriptionParams,
  response: DocumentTranscriptionResponse,
  check,
  empty: () => ({ annotations: [] }),
});
