import { randomBytes } from 'node:crypto';
import type { BatchRecord } from '../store/batches.js';
import type { CallbackSettingsRow } from '../store/callback-settings.js';
import type { AttemptRow, DeliveryRow } from '../store/deliveries.js';
import type { ScopedStore, Store } from '../store/index.js';
import type { TaskRecord } from '../store/tasks.js';
import { invalidField, NotFound } from './errors.js';
import { newId } from './ids.js';
import { decodeToken, encodeToken } from './page-token.js';
import type { Scope } from './scope.js';

export type CallbackEvent = 'task.completed' | 'task.error' | 'task.canceled' | 'task.audited' | 'task.resent' | 'batch.completed';

/** How long a rotated-out signing secret keeps signing beside the new one, so receivers can switch over. */
export const SECRET_OVERLAP_MS = 24 * 60 * 60 * 1000;

export function newCallbackAuthKey(): string {
  return randomBytes(24).toString('hex');
}

/** Standard Webhooks secrets: `whsec_` and base64 of 32 random bytes. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64')}`;
}

/** An account's callback settings in one environment, made on first use. */
export async function callbackSettings(store: ScopedStore): Promise<CallbackSettingsRow> {
  const existing = await store.callbackSettings.get();
  if (existing) return existing;
  await store.callbackSettings.insertIfMissing({
    default_callback_url: null,
    callback_auth_key: newCallbackAuthKey(),
    webhook_secret: newWebhookSecret(),
    previous_webhook_secret: null,
    previous_secret_expires_at: null,
    test_autocomplete: 0,
    updated_at: Date.now(),
  });
  const created = await store.callbackSettings.get();
  if (!created) throw new Error('callback settings were not written');
  return created;
}

/** Email callbacks are Scale's; a self-hosted server sends HTTP only, so an address owes nothing. */
function isHttpUrl(url: string): boolean {
  return /^https?:\/\//i.test(url);
}

/**
 * Owes the task's callback: a row in the outbox, written in the caller's transaction, so the callback
 * exists exactly when the change that causes it commits.
 */
export async function oweTaskCallback(tx: ScopedStore, task: TaskRecord, event: CallbackEvent): Promise<boolean> {
  const url = task.callbackUrl ?? (await callbackSettings(tx)).default_callback_url;
  if (!url || !isHttpUrl(url)) return false;
  const now = Date.now();
  await tx.deliveries.enqueue({ id: newId(now), event, taskId: task.id, batchId: null, url, now });
  return true;
}

export async function oweBatchCallback(tx: ScopedStore, batch: BatchRecord): Promise<boolean> {
  if (!batch.callback || !isHttpUrl(batch.callback)) return false;
  const now = Date.now();
  await tx.deliveries.enqueue({ id: newId(now), event: 'batch.completed', taskId: null, batchId: batch.id, url: batch.callback, now });
  return true;
}

/** The events that end a task's work, and so owe its callback. */
export function eventForStatus(status: TaskRecord['status']): CallbackEvent | undefined {
  if (status === 'completed') return 'task.completed';
  if (status === 'error') return 'task.error';
  if (status === 'canceled') return 'task.canceled';
  return undefined;
}

export async function updateCallbackSettings(
  store: Store,
  scope: Scope,
  patch: { default_callback_url?: string | null | undefined; test_autocomplete?: boolean | undefined },
): Promise<CallbackSettingsRow> {
  return store.transaction(scope, async (tx) => {
    await callbackSettings(tx);
    await tx.callbackSettings.update({
      ...(patch.default_callback_url !== undefined ? { default_callback_url: patch.default_callback_url } : {}),
      ...(patch.test_autocomplete !== undefined ? { test_autocomplete: patch.test_autocomplete ? 1 : 0 } : {}),
      updated_at: Date.now(),
    });
    return callbackSettings(tx);
  });
}

/**
 * New secrets. The old signing secret keeps signing beside the new one for a day (Standard Webhooks
 * allows several signatures), so receivers switch over without dropping a callback.
 */
export async function rotateCallbackSecrets(store: Store, scope: Scope): Promise<CallbackSettingsRow> {
  return store.transaction(scope, async (tx) => {
    const current = await callbackSettings(tx);
    const now = Date.now();
    await tx.callbackSettings.update({
      callback_auth_key: newCallbackAuthKey(),
      webhook_secret: newWebhookSecret(),
      previous_webhook_secret: current.webhook_secret,
      previous_secret_expires_at: now + SECRET_OVERLAP_MS,
      updated_at: now,
    });
    return callbackSettings(tx);
  });
}

/** `POST /v1/task/{id}/callback`: sends the task's callback again, as a new delivery. */
export async function resendTaskCallback(store: Store, scope: Scope, taskId: string): Promise<DeliveryRow> {
  return store.transaction(scope, async (tx) => {
    const task = await tx.tasks.findById(taskId);
    if (!task) throw new NotFound('Task with that ID not found.');
    const url = task.callbackUrl ?? (await callbackSettings(tx)).default_callback_url;
    if (!url || !isHttpUrl(url)) {
      throw invalidField('callback_url', 'the task has none and the account has no default callback URL');
    }
    const now = Date.now();
    const id = newId(now);
    await tx.deliveries.enqueue({ id, event: 'task.resent', taskId: task.id, batchId: null, url, now });
    const [row] = await tx.deliveries.list({ taskId: task.id }, 1);
    if (!row || row.id !== id) throw new Error('resent delivery not found');
    return row;
  });
}

export interface DeliveryPage {
  deliveries: DeliveryRow[];
  attempts: AttemptRow[];
  hasMore: boolean;
  nextToken: string | null;
}

export async function deliveryLog(store: ScopedStore, filter: { taskId?: string }, limit: number, token?: string): Promise<DeliveryPage> {
  const before = token === undefined ? undefined : decodeToken(token);
  const rows = await store.deliveries.list(filter, limit + 1, before);
  const deliveries = rows.slice(0, limit);
  const last = deliveries[deliveries.length - 1];
  const hasMore = rows.length > limit;
  return {
    deliveries,
    attempts: await store.deliveries.attemptsOf(deliveries.map((d) => d.id)),
    hasMore,
    nextToken: hasMore && last ? encodeToken(last.id) : null,
  };
}
