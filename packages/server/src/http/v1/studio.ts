import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { invalidField } from '../../domain/errors.js';
import {
  createProjectGroup,
  presentGroup,
  projectGroups,
  resetBatchPriorities,
  setBatchGroups,
  setBatchPriorities,
  studioBatches,
  updateProjectGroup,
} from '../../domain/studio.js';
import { scopeOf, type HttpContext } from '../context.js';

const StudioBatch = z
  .object({
    id: z.string(),
    name: z.string(),
    projectId: z.string(),
    projectName: z.string(),
    batchType: z.string(),
    studioPriority: z.number().optional(),
    total: z.number(),
    completed: z.number(),
    groups: z.array(z.string()),
  })
  .meta({ id: 'StudioBatch' });
const NamedList = z.array(z.object({ name: z.string().min(1) }));
// The Python client sends {"batches": [...]}, the Node client {"groups": [...]}.
const PrioritiesBody = z.object({ batches: NamedList.optional(), groups: NamedList.optional() });
const ProjectGroup = z
  .object({
    id: z.string(),
    name: z.string(),
    numWorkers: z.number(),
    isSingleton: z.boolean(),
    workers: z.array(z.object({ id: z.string(), email: z.string() })),
  })
  .meta({ id: 'ProjectGroup' });
const Emails = z.array(z.email().transform((s) => s.toLowerCase()));
const ByProject = z.object({ project: z.string() });
const tags = ['Studio'];

export const studioRoutes: FastifyPluginAsyncZod<HttpContext> = async (app, { store }) => {
  app.get('/studio/batches', { schema: { tags, summary: 'Batches being worked, in priority order', response: { 200: z.array(StudioBatch) } } }, async (req) =>
    studioBatches(store.scoped(scopeOf(req))),
  );

  app.post('/studio/batches/set_priorities', { schema: { tags, summary: 'Order batches: the first is worked first', body: PrioritiesBody, response: { 200: z.array(StudioBatch) } } }, async (req) => {
    const list = req.body.batches ?? req.body.groups;
    if (!list) throw invalidField('batches', 'is required');
    return store.transaction(scopeOf(req), async (tx) => {
      await setBatchPriorities(tx, list.map((b) => b.name));
      return studioBatches(tx);
    });
  });

  app.post('/studio/batches/reset_priorities', { schema: { tags, summary: 'Forget batch priorities', response: { 200: z.array(StudioBatch) } } }, async (req) =>
    store.transaction(scopeOf(req), async (tx) => {
      await resetBatchPriorities(tx);
      return studioBatches(tx);
    }),
  );

  app.get('/studio/projects/:project/groups', { schema: { tags, summary: 'A project’s groups', params: ByProject, response: { 200: z.array(ProjectGroup) } } }, async (req) =>
    (await projectGroups(store.scoped(scopeOf(req)), req.params.project)).map(presentGroup),
  );

  app.post(
    '/studio/projects/:project/groups',
    { schema: { tags, summary: 'Create a group of the project’s people', params: ByProject, body: z.object({ name: z.string().min(1).max(200), emails: Emails }), response: { 200: ProjectGroup } } },
    async (req) => store.transaction(scopeOf(req), async (tx) => presentGroup(await createProjectGroup(tx, req.params.project, req.body.name, req.body.emails))),
  );

  app.put(
    '/studio/projects/:project/groups/:group',
    {
      schema: {
        tags,
        summary: 'Add people to a group, or take them off it',
        params: z.object({ project: z.string(), group: z.string() }),
        body: z.object({ add_emails: Emails.default([]), remove_emails: Emails.default([]) }),
        response: { 200: ProjectGroup },
      },
    },
    async (req) =>
      store.transaction(scopeOf(req), async (tx) =>
        presentGroup(await updateProjectGroup(tx, req.params.project, req.params.group, req.body.add_emails, req.body.remove_emails)),
      ),
  );

  app.put(
    '/studio/batches/:batch',
    { schema: { tags, summary: 'Give a batch to groups: only their members get its tasks', params: z.object({ batch: z.string() }), body: z.object({ groups: z.array(z.string()) }), response: { 200: StudioBatch } } },
    async (req) => store.transaction(scopeOf(req), (tx) => setBatchGroups(tx, req.params.batch, req.body.groups)),
  );
};
