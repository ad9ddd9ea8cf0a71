import { z } from 'zod';

/**
 * Where an attachment lives. Scale accepts http(s) URLs, its own `scaledata://` file references and
 * bucket URLs (`s3://`, `gs://`); anything `new URL` accepts with a scheme is kept, since the server,
 * not the schema, decides what it can fetch.
 */
export const AttachmentUrl = z
  .string()
  .min(1)
  .refine(isUrl, 'must be a URL, e.g. https://…, scaledata://… or s3://…')
  .meta({ description: 'http(s) URL, scaledata:// reference or other absolute URL' });

export function isUrl(s: string): boolean {
  try {
    new URL(s);
    return true;
  } catch {
    return false;
  }
}

/** The attachment kinds Scale names in its docs; a typo here would change how the task is shown. */
export const AttachmentType = z.enum(['image', 'video', 'text', 'website', 'pdf', 'audio', 'html', 'markdown']);
export type AttachmentType = z.infer<typeof AttachmentType>;

/** Kinds whose `attachment` is the content itself rather than a link to it. */
const inlineTypes: ReadonlySet<AttachmentType> = new Set(['text', 'markdown', 'html']);

/**
 * An attachment is a URL unless its type says the content is inline (categorization of a sentence).
 * Returns the problem, or undefined when the attachment fits its type.
 */
export function attachmentProblem(type: AttachmentType, attachment: string): string | undefined {
  if (attachment.length === 0) return 'must not be empty';
  if (inlineTypes.has(type) || isUrl(attachment)) return undefined;
  return `must be a URL for attachment_type "${type}" (only text, markdown and html attachments may be inline content)`;
}

/**
 * `attachment` + `attachment_type` for types that show any kind of content. The attachment is any
 * non-empty string here; `checkAttachment` then requires a URL unless the type is inline text.
 */
export function attachmentFields(defaultType: AttachmentType) {
  return {
    attachment: z.string().min(1),
    attachment_type: AttachmentType.default(defaultType),
  };
}

export function checkAttachment(p: { attachment: string; attachment_type: AttachmentType }): { path: string[]; message: string }[] {
  const problem = attachmentProblem(p.attachment_type, p.attachment);
  return problem ? [{ path: ['attachment'], message: problem }] : [];
}
