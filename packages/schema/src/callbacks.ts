import { z } from 'zod';
import { HttpUrl, QueryLimit, querySingle, Timestamp } from './common.js';

/** An account's callback settings in one environment (test and live each have their own). */
export const CallbackSettings = z
  .object({
    default_callback_url: z.string().nullable(),
    /** Sent as-is in the `scale-callback-auth` header of every callback, as Scale does. */
    callback_auth_key: z.string(),
    /** Standard Webhooks secret (`whsec_…`) behind `webhook-signature`. */
    webhook_secret: z.string(),
    /** Test mode: test-key tasks complete by themselves. */
    test_autocomplete: z.boolean(),
    updated_at: Timestamp,
  })
  .meta({ id: 'CallbackSettings' });
export type CallbackSettings = z.infer<typeof CallbackSettings>;

export const UpdateCallbackSettingsBody = z.object({
  default_callback_url: HttpUrl.nullable().optional(),
  test_autocomplete: z.boolean().optional(),
});
export type UpdateCallbackSettingsBody = z.infer<typeof UpdateCallbackSettingsBody>;

export const DeliveryAttempt = z.object({
  attempt: z.number().int(),
  started_at: Timestamp,
  duration_ms: z.number().int(),
  status_code: z.number().int().nullable(),
  error: z.string().nullable(),
  response_excerpt: z.string().nullable(),
});

export const Delivery = z
  .object({
    id: z.string(),
    /** The `webhook-id` header: receivers de-duplicate on it. */
    webhook_id: z.string(),
    event: z.string(),
    task_id: z.string().nullable(),
    batch_id: z.string().nullable(),
    url: z.string(),
    status: z.enum(['pending', 'delivered', 'failed']),
    attempts: z.number().int(),
    next_attempt_at: Timestamp.nullable(),
    last_status_code: z.number().int().nullable(),
    last_error: z.string().nullable(),
    created_at: Timestamp,
    delivered_at: Timestamp.nullable(),
    attempt_log: z.array(DeliveryAttempt),
  })
  .meta({ id: 'Delivery' });
export type Delivery = z.infer<typeof Delivery>;

export const DeliveryListQuery = z.object({
  task_id: querySingle(z.string().optional()),
  limit: QueryLimit,
  next_token: querySingle(z.string().optional()),
});
export type DeliveryListQuery = z.infer<typeof DeliveryListQuery>;

export const DeliveryList = z
  .object({ docs: z.array(Delivery), has_more: z.boolean(), next_token: z.string().nullable() })
  .meta({ id: 'DeliveryList' });
export type DeliveryList = z.infer<typeof DeliveryList>;
