import { CallbackSettings, Delivery, DeliveryList, DeliveryListQuery, UpdateCallbackSettingsBody } from '@tessera/schema';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { iso } from '../../domain/clock.js';
import { callbackSettings, deliveryLog, resendTaskCallback, rotateCallbackSecrets, updateCallbackSettings } from '../../domain/callbacks.js';
import { getTask } from '../../domain/tasks/status.js';
import type { CallbackSettingsRow } from '../../store/callback-settings.js';
import type { AttemptRow, DeliveryRow } from '../../store/deliveries.js';
import { scopeOf, type HttpContext } from '../context.js';

const ById = z.object({ id: z.string() });
const tags = ['Callbacks'];

export const callbackRoutes: FastifyPluginAsyncZod<HttpContext> = async (app, { store }) => {
  app.get('/callbacks/settings', { schema: { tags, summary: 'This environment’s callback settings and secrets', response: { 200: CallbackSettings } } }, async (req) =>
    presentSettings(await callbackSettings(store.scoped(scopeOf(req)))),
  );

  app.post(
    '/callbacks/settings',
    { schema: { tags, summary: 'Set the default callback URL and test-mode autocomplete', body: UpdateCallbackSettingsBody, response: { 200: CallbackSettings } } },
    async (req) => presentSettings(await updateCallbackSettings(store, scopeOf(req), req.body)),
  );

  app.post(
    '/callbacks/settings/rotate',
    { schema: { tags, summary: 'Rotate the callback auth key and signing secret (the old secret signs too for 24 h)', response: { 200: CallbackSettings } } },
    async (req) => presentSettings(await rotateCallbackSecrets(store, scopeOf(req))),
  );

  app.get('/callbacks', { schema: { tags, summary: 'Delivery log of this environment, newest first', querystring: DeliveryListQuery, response: { 200: DeliveryList } } }, async (req) => {
    const filter = req.query.task_id !== undefined ? { taskId: req.query.task_id } : {};
    const page = await deliveryLog(store.scoped(scopeOf(req)), filter, req.query.limit, req.query.next_token);
    return { docs: presentDeliveries(page.deliveries, page.attempts), has_more: page.hasMore, next_token: page.nextToken };
  });

  app.get('/task/:id/callbacks', { schema: { tags, summary: 'Delivery log of one task', params: ById, response: { 200: DeliveryList } } }, async (req) => {
    const scoped = store.scoped(scopeOf(req));
    const task = await getTask(scoped, req.params.id);
    const page = await deliveryLog(scoped, { taskId: task.id }, 100);
    return { docs: presentDeliveries(page.deliveries, page.attempts), has_more: page.hasMore, next_token: page.nextToken };
  });

  app.post('/task/:id/callback', { schema: { tags, summary: 'Send a task’s callback again', params: ById, response: { 200: Delivery } } }, async (req) => {
    const row = await resendTaskCallback(store, scopeOf(req), req.params.id);
    return presentDeliveries([row], [])[0]!;
  });
};

function presentSettings(s: CallbackSettingsRow): CallbackSettings {
  return {
    default_callback_url: s.default_callback_url,
    callback_auth_key: s.callback_auth_key,
    webhook_secret: s.webhook_secret,
    test_autocomplete: s.test_autocomplete === 1,
    updated_at: iso(s.updated_at),
  };
}

function presentDeliveries(rows: DeliveryRow[], attempts: AttemptRow[]): Delivery[] {
  return rows.map((d) => ({
    id: d.id,
    webhook_id: `msg_${d.id}`,
    event: d.event,
    task_id: d.task_id,
    batch_id: d.batch_id,
    url: d.url,
    status: d.status,
    attempts: d.attempts,
    next_attempt_at: d.status === 'pending' ? iso(d.next_attempt_at) : null,
    last_status_code: d.last_status_code,
    last_error: d.last_error,
    created_at: iso(d.created_at),
    delivered_at: d.delivered_at === null ? null : iso(d.delivered_at),
    attempt_log: attempts
      .filter((a) => a.delivery_id === d.id)
      .map((a) => ({
        attempt: a.attempt,
        started_at: iso(a.started_at),
        duration_ms: a.duration_ms,
        status_code: a.status_code,
        error: a.error,
        response_excerpt: a.response_excerpt,
      })),
  }));
}
