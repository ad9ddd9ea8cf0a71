import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { InvalidRequest } from '../../domain/errors.js';
import { resetBatchPriorities, setBatchPriorities, studioBatches } from '../../domain/studio.js';
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
const tags = ['Studio'];

export const studioRoutes: FastifyPluginAsyncZod<HttpContext> = async (app, { store }) => {
  app.get('/studio/batches', { schema: { tags, summary: 'Batches being worked, in priority order', response: { 200: z.array(StudioBatch) } } }, async (req) =>
    studioBatches(store.scoped(scopeOf(req))),
  );

  app.post('/studio/batches/set_priorities', { schema: { tags, summary: 'Order batches: the first is worked first', body: PrioritiesBody, response: { 200: z.array(StudioBatch) } } }, async (req) => {
    const list = req.body.batches ?? req.body.groups;
    if (!list) throw new InvalidRequest('Parameter is invalid, reason: "batches" is required');
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
};
