import { z } from 'zod';
import { Metadata, QueryBoolean, QueryDate, QueryLimit, QueryOffset, queryList, querySingle, Tags, Timestamp } from './common.js';

export const TaskStatus = z.enum(['pending', 'completed', 'canceled', 'error']);
export type TaskStatus = z.infer<typeof TaskStatus>;

export const CustomerReviewStatus = z.enum(['pending', 'accepted', 'fixed', 'commented', 'rejected']);
export type CustomerReviewStatus = z.infer<typeof CustomerReviewStatus>;

export const UniqueId = z.string().min(1).max(512);

/** A callback target: an http(s) URL, or an email address (Scale emails the task then). */
export const CallbackUrl = z.string().refine((s) => {
  if (/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(s)) return true;
  try {
    const u = new URL(s);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
}, 'must be an http(s) URL or an email address');

/**
 * The task fields every type shares. They sit at the top level of `POST /v1/task/{type}`
 * beside the type's own params and are never copied into `params`.
 */
export const TaskCommonFields = z.object({
  project: z.string().min(1).optional(),
  batch: z.string().min(1).optional(),
  instruction: z.string().max(100_000).optional(),
  callback_url: CallbackUrl.optional(),
  metadata: Metadata.optional(),
  unique_id: UniqueId.optional(),
  clear_unique_id_on_error: z.boolean().optional(),
  tags: Tags.optional(),
  priority: z.number().int().min(0).max(100).optional(),
  project_version: z.number().int().min(-1).optional(),
  urgency: z.enum(['immediate', 'day', 'week', 'standard']).optional(),
});
export type TaskCommonFields = z.infer<typeof TaskCommonFields>;
export const taskCommonFieldNames = Object.keys(TaskCommonFields.shape) as (keyof TaskCommonFields)[];

export const Audit = z.object({
  audited_by: z.string(),
  audited_at: Timestamp,
  audit_time_secs: z.number().optional(),
  audit_result: z.enum(['accepted', 'rejected', 'fixed']),
  audit_source: z.string(),
  comments: z.string().optional(),
});

export const Task = z
  .object({
    task_id: z.string(),
    type: z.string(),
    status: TaskStatus,
    created_at: Timestamp,
    updated_at: Timestamp,
    completed_at: Timestamp.optional(),
    project: z.string().optional(),
    batch: z.string().optional(),
    instruction: z.string().optional(),
    callback_url: z.string().optional(),
    params: z.record(z.string(), z.unknown()),
    response: z.unknown().optional(),
    metadata: Metadata,
    unique_id: z.string().optional(),
    tags: z.array(z.string()).optional(),
    priority: z.number().optional(),
    urgency: z.string(),
    is_test: z.boolean(),
    callback_succeeded: z.boolean().optional(),
    processed_attachments: z.array(z.unknown()),
    project_param_version: z.number().int().optional(),
    customer_review_status: CustomerReviewStatus.optional(),
    customer_review_comments: z.array(z.string()).optional(),
    audits: z.array(Audit).optional(),
  })
  .meta({ id: 'Task' });
export type Task = z.infer<typeof Task>;

/** Query of `GET /v1/tasks`. Unknown params are ignored, as Scale does. */
export const TaskListQuery = z.object({
  project: querySingle(z.string().optional()),
  batch: querySingle(z.string().optional()),
  type: querySingle(z.string().optional()),
  status: querySingle(TaskStatus.optional()),
  customer_review_status: queryList(CustomerReviewStatus),
  unique_id: queryList(z.string()),
  tags: queryList(z.string()),
  start_time: QueryDate,
  end_time: QueryDate,
  completed_after: QueryDate,
  completed_before: QueryDate,
  updated_after: QueryDate,
  updated_before: QueryDate,
  include_attachment_url: QueryBoolean.optional(),
  limited_response: QueryBoolean.optional(),
  limit: QueryLimit,
  offset: QueryOffset,
  next_token: querySingle(z.string().optional()),
});
export type TaskListQuery = z.infer<typeof TaskListQuery>;

/** What `limited_response=true` returns per task. */
export const LimitedTask = Task.pick({ task_id: true, status: true, metadata: true, project: true }).meta({ id: 'LimitedTask' });
export type LimitedTask = z.infer<typeof LimitedTask>;

export const TaskList = z
  .object({
    docs: z.array(z.union([Task, LimitedTask])),
    total: z.number().int(),
    limit: z.number().int(),
    offset: z.number().int(),
    has_more: z.boolean(),
    next_token: z.string().nullable(),
  })
  .meta({ id: 'TaskList' });
export type TaskList = z.infer<typeof TaskList>;

export const CancelTaskQuery = z.object({ clear_unique_id: QueryBoolean.optional() });
export const SetUniqueIdBody = z.object({ unique_id: UniqueId });
export const TagsBody = Tags;
export const TaskMetadataBody = Metadata;
export const AuditBody = z.object({ accepted: z.boolean(), comments: z.string().max(10_000).nullish() });
