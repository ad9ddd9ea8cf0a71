import { AuditBody, describeIssues, EvaluationTaskFields, Task } from '@tessera/schema';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { iso } from '../../domain/clock.js';
import { InvalidRequest } from '../../domain/errors.js';
import { createTask } from '../../domain/tasks/create.js';
import { getTask } from '../../domain/tasks/status.js';
import { auditTask } from '../../domain/work/audit.js';
import { scopeOf, type HttpContext } from '../context.js';
import { presentTask } from './present.js';

const ById = z.object({ id: z.string() });
const ByType = z.object({ type: z.string() });
const QualityTask = z.object({ id: z.string(), expected_response: z.unknown(), initial_response: z.unknown().optional() }).loose().meta({ id: 'QualityTask' });
const HistoryEntry = z.object({ kind: z.string(), at: z.string(), user_id: z.string().nullable(), detail: z.unknown() });

export const qualityRoutes: FastifyPluginAsyncZod<HttpContext> = async (app, { store }) => {
  app.post('/task/:id/audit', { schema: { tags: ['Tasks'], summary: 'Accept or reject completed work (rejected work is reworked)', params: ById, body: AuditBody, response: { 200: Task } } }, async (req) =>
    presentTask(await auditTask(store, scopeOf(req), req.params.id, req.body.accepted, req.body.comments)),
  );

  app.get('/task/:id/history', { schema: { tags: ['Tasks'], summary: 'Who did what to a task, and when', params: ById, response: { 200: z.object({ docs: z.array(HistoryEntry) }) } } }, async (req) => {
    const scoped = store.scoped(scopeOf(req));
    const task = await getTask(scoped, req.params.id);
    const events = await scoped.work.eventsOf(task.id);
    return { docs: events.map((e) => ({ kind: e.kind, at: iso(e.at), user_id: e.user_id, detail: e.detail === null ? null : JSON.parse(e.detail) })) };
  });

  // Gold tasks: mixed into annotators' queues unmarked and scored against expected_response.
  for (const path of ['/evaluation_tasks/:type', '/training_tasks/:type']) {
    app.post(path, { schema: { tags: ['Quality'], summary: 'Create a gold task with its expected response', params: ByType, body: z.unknown(), response: { 200: QualityTask } } }, async (req) => {
      const body = (typeof req.body === 'object' && req.body !== null && !Array.isArray(req.body) ? req.body : {}) as Record<string, unknown>;
      const { expected_response, initial_response, ...params } = body;
      const fields = EvaluationTaskFields.safeParse({ expected_response, initial_response }, { reportInput: true });
      if (!fields.success) throw new InvalidRequest(describeIssues(fields.error.issues));
      const task = await createTask(store, scopeOf(req), req.params.type, params, { gold: { expectedResponse: fields.data.expected_response } });
      return { id: task.id, ...presentTask(task), expected_response: task.expectedResponse, ...(initial_response !== undefined ? { initial_response } : {}) };
    });
  }
};
