import { z } from 'zod';
import { HttpUrl, Metadata, Timestamp } from './common.js';

export const FileObject = z
  .object({
    id: z.string(),
    attachment_url: z.string(),
    mime_type: z.string(),
    size: z.number().int(),
    display_name: z.string().optional(),
    reference_id: z.string().optional(),
    project_names: z.array(z.string()),
    metadata: Metadata,
    created_at: Timestamp,
    updated_at: Timestamp,
  })
  .meta({ id: 'File' });
export type FileObject = z.infer<typeof FileObject>;

/** Text fields that may accompany an upload or an import. */
export const FileFields = z.object({
  project_name: z.string().min(1).optional(),
  display_name: z.string().min(1).max(500).optional(),
  reference_id: z.string().min(1).max(500).optional(),
  metadata: Metadata.optional(),
});
export type FileFields = z.infer<typeof FileFields>;

export const ImportFileBody = FileFields.extend({ file_url: HttpUrl });
export type ImportFileBody = z.infer<typeof ImportFileBody>;
