import { AssigneesBody, CreateMemberBody, SetPasswordBody, SetRolesBody, User } from '@tessera/schema';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createApiKey } from '../../domain/api-keys.js';
import { NotFound } from '../../domain/errors.js';
import { createMember, memberById, requireRole, resetPassword, setRoles } from '../../domain/people.js';
import { projectInAccount } from '../../domain/projects.js';
import type { Store } from '../../store/index.js';
import type { HttpContext } from '../context.js';
import { presentUser } from './present.js';
import { sessionOf } from './session-auth.js';

const ById = z.object({ id: z.string() });
const ByProject = z.object({ projectId: z.string() });
const tags = ['App: people'];

async function projectById(store: Store, accountId: string, id: string) {
  const found = await projectInAccount(store.account(accountId), id);
  if (!found) throw new NotFound('Project not found.');
  return found.project;
}

export const memberRoutes: FastifyPluginAsyncZod<HttpContext> = async (app, { store }) => {
  app.get('/members', { schema: { tags, summary: 'People of the account', response: { 200: z.object({ docs: z.array(User) }) } } }, async (req) => {
    const { user } = sessionOf(req);
    requireRole(user, 'admin', 'manager');
    return { docs: (await store.account(user.accountId).people.list()).map(presentUser) };
  });

  app.post(
    '/members',
    { schema: { tags, summary: 'Add a person (with a password, or an invitation token to pass on)', body: CreateMemberBody, response: { 200: z.object({ user: User, invitation_token: z.string().optional() }) } } },
    async (req) => {
      const { user } = sessionOf(req);
      requireRole(user, 'admin');
      const created = await createMember(store.account(user.accountId), req.body);
      return { user: presentUser(created.user), ...(created.invitationToken ? { invitation_token: created.invitationToken } : {}) };
    },
  );

  app.post('/members/:id/roles', { schema: { tags, summary: 'Set a person’s roles', params: ById, body: SetRolesBody, response: { 200: z.object({ user: User }) } } }, async (req) => {
    const { user } = sessionOf(req);
    requireRole(user, 'admin');
    return { user: presentUser(await setRoles(store.account(user.accountId), user, req.params.id, req.body.roles)) };
  });

  app.post('/members/:id/password', { schema: { tags, summary: 'Reset a person’s password (ends their sessions)', params: ById, body: SetPasswordBody, response: { 200: z.object({ user: User }) } } }, async (req) => {
    const { user } = sessionOf(req);
    requireRole(user, 'admin');
    return { user: presentUser(await resetPassword(store, store.account(user.accountId), req.params.id, req.body.password)) };
  });

  app.get('/projects', { schema: { tags, summary: 'The account’s projects in both environments, with who works on them and task counts' } }, async (req) => {
    const { user } = sessionOf(req);
    requireRole(user, 'admin', 'manager');
    const live = store.account(user.accountId);
    const assignments = await live.people.assignments();
    const docs = [];
    for (const scoped of [live, live.inEnv('test')]) {
      for (const project of await scoped.projects.list()) {
        docs.push({
          id: project.id,
          name: project.name,
          type: project.type,
          env: scoped.scope.env,
          assignees: assignments.filter((a) => a.project_id === project.id).map((a) => a.user_id),
          counts: await scoped.counts.byStatus({ projectId: project.id }),
        });
      }
    }
    return { docs };
  });

  app.post(
    '/projects/:projectId/assignees',
    { schema: { tags, summary: 'Assign people to a project, or take them off it', params: ByProject, body: AssigneesBody } },
    async (req) => {
      const { user } = sessionOf(req);
      requireRole(user, 'admin', 'manager');
      const project = await projectById(store, user.accountId, req.params.projectId);
      const scoped = store.account(user.accountId);
      for (const id of req.body.user_ids) await memberById(scoped, id);
      if (req.body.assigned) await scoped.people.assign(project.id, req.body.user_ids);
      else await scoped.people.unassign(project.id, req.body.user_ids);
      const user_ids = (await scoped.people.assignments()).filter((a) => a.project_id === project.id).map((a) => a.user_id);
      return { project_id: project.id, user_ids };
    },
  );

  app.post(
    '/projects/:projectId/quality/:userId/clear',
    { schema: { tags, summary: 'Let an annotator paused by their gold score work on the project again', params: z.object({ projectId: z.string(), userId: z.string() }) } },
    async (req) => {
      const { user } = sessionOf(req);
      requireRole(user, 'admin', 'manager');
      const project = await projectById(store, user.accountId, req.params.projectId);
      const scoped = store.account(user.accountId);
      await memberById(scoped, req.params.userId);
      // A fresh start: the score rebuilds from new gold answers.
      await scoped.work.saveQuality({ account_id: user.accountId, project_id: project.id, user_id: req.params.userId, gold_answers: 0, score: 0, blocked: 0, updated_at: Date.now() });
      return { ok: true };
    },
  );

  app.post('/keys', { schema: { tags, summary: 'Create an API key (admins only)', body: z.object({ env: z.enum(['test', 'live']) }), response: { 200: z.object({ key: z.string() }) } } }, async (req) => {
    const { user } = sessionOf(req);
    requireRole(user, 'admin');
    return { key: await createApiKey(store, user.accountId, req.body.env) };
  });
};

export { projectById };
