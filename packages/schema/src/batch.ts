import { z } from 'zod';
import { HttpUrl, Metadata, QueryBoolean, QueryDate, QueryLimit, QueryOffset, querySingle, Timestamp } from './common.js';

export const BatchStatus = z.enum(['staging', 'in_progress', 'completed']);
export type BatchStatus = z.infer<typeof BatchStatus>;

export const Batch = z
  .object({
    id: z.string(),
    name: z.string(),
    project: z.string(),
    status: BatchStatus,
    callback: z.string().nullable(),
    metadata: Metadata,
    calibration_batch: z.boolean(),
    self_label_batch: z.boolean(),
    test_autocomplete: z.boolean(),
    created_at: Timestamp,
    updated_at: Timestamp,
    completed_at: Timestamp.optional(),
  })
  .meta({ id: 'Batch' });
export type Batch = z.infer<typeof Batch>;

/** Kept exactly as given (clients look it up again by the same string); blank is refused. */
export const BatchName = z.string().min(1).max(200).refine((s) => s.trim() !== '', 'must not be blank');

export const CreateBatchBody = z.object({
  project: z.string().min(1),
  name: BatchName,
  // The Python client sends "" when there is no callback.
  callback: z.union([z.literal(''), HttpUrl]).nullish(),
  calibration_batch: z.boolean().nullish(),
  self_label_batch: z.boolean().nullish(),
  metadata: Metadata.nullish(),
  /** Tessera: test-key tasks of this batch complete by themselves (see callbacks docs). */
  test_autocomplete: z.boolean().nullish(),
});
export type CreateBatchBody = z.infer<typeof CreateBatchBody>;

export const BatchStatusCounts = z
  .object({
    status: BatchStatus,
    pending: z.number().int(),
    completed: z.number().int(),
    error: z.number().int(),
    canceled: z.number().int(),
  })
  .meta({ id: 'BatchStatusCounts' });
export type BatchStatusCounts = z.infer<typeof BatchStatusCounts>;

export const BatchListQuery = z.object({
  project: querySingle(z.string().optional()),
  status: querySingle(BatchStatus.optional()),
  start_time: QueryDate,
  end_time: QueryDate,
  exclude_archived: QueryBoolean.optional(),
  limit: QueryLimit,
  offset: QueryOffset,
  next_token: querySingle(z.string().optional()),
});
export type BatchListQuery = z.infer<typeof BatchListQuery>;

export const BatchList = z
  .object({
    docs: z.array(Batch),
    total: z.number().int(),
    totalDocs: z.number().int(),
    limit: z.number().int(),
    offset: z.number().int(),
    has_more: z.boolean(),
    next_token: z.string().nullable(),
  })
  .meta({ id: 'BatchList' });
export type BatchList = z.infer<typeof BatchList>;
