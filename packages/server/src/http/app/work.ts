import { Lease, NextWorkBody, ReviewBody, SkipBody, Stats, SubmitBody } from '@tessera/schema';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireRole } from '../../domain/people.js';
import { heartbeat, nextWork, queuesFor, reviewWork, skipWork, submitWork } from '../../domain/work/queue.js';
import { projectStats, userStats } from '../../domain/work/stats.js';
import type { HttpContext } from '../context.js';
import { projectById } from './members.js';
import { presentLease } from './present.js';
import { sessionOf } from './session-auth.js';

const ByLease = z.object({ leaseId: z.string() });
const TaskStatusReply = z.object({ task_status: z.string() });
const tags = ['App: work'];

export const workRoutes: FastifyPluginAsyncZod<HttpContext> = async (app, { store }) => {
  app.get('/queues', { schema: { tags, summary: 'Projects with work for me' } }, async (req) => ({ docs: await queuesFor(store, sessionOf(req).user) }));

  app.post('/work/next', { schema: { tags, summary: 'Lease the next task (204 when there is none)', body: NextWorkBody, response: { 200: z.object({ lease: Lease }), 204: z.null().meta({ description: 'Nothing to do right now' }) } } }, async (req, reply) => {
    const view = await nextWork(store, sessionOf(req).user, req.body ?? {});
    if (!view) return reply.code(204).send(null);
    return { lease: presentLease(view) };
  });

  app.post('/leases/:leaseId/heartbeat', { schema: { tags, summary: 'Keep a lease', params: ByLease, response: { 200: z.object({ lease: Lease }) } } }, async (req) => ({
    lease: presentLease(await heartbeat(store, sessionOf(req).user, req.params.leaseId)),
  }));

  app.post('/leases/:leaseId/skip', { schema: { tags, summary: 'Give a task back, with a reason', params: ByLease, body: SkipBody } }, async (req) => {
    await skipWork(store, sessionOf(req).user, req.params.leaseId, req.body.reason);
    return { ok: true };
  });

  app.post('/leases/:leaseId/submit', { schema: { tags, summary: 'Submit an answer', params: ByLease, body: SubmitBody, response: { 200: TaskStatusReply } } }, async (req) => {
    const task = await submitWork(store, sessionOf(req).user, req.params.leaseId, req.body.response);
    return { task_status: task.status };
  });

  app.post('/leases/:leaseId/review', { schema: { tags, summary: 'Accept, fix or reject', params: ByLease, body: ReviewBody, response: { 200: TaskStatusReply } } }, async (req) => {
    const task = await reviewWork(store, sessionOf(req).user, req.params.leaseId, req.body.decision, req.body.response, req.body.comments);
    return { task_status: task.status };
  });

  app.get('/me/stats', { schema: { tags, summary: 'My own numbers', response: { 200: Stats } } }, async (req) => {
    const { user } = sessionOf(req);
    return userStats(store.account(user.accountId), user.id);
  });

  app.get('/projects/:projectId/stats', { schema: { tags, summary: 'A project’s numbers, per annotator', params: z.object({ projectId: z.string() }) } }, async (req) => {
    const { user } = sessionOf(req);
    requireRole(user, 'admin', 'manager');
    const project = await projectById(store, user.accountId, req.params.projectId);
    return projectStats(store.account(user.accountId), project.id);
  });
};
