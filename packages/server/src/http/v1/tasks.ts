import { CancelTaskQuery, SetUniqueIdBody, Task, TaskList, TaskListQuery, taskTypeNames } from '@tessera/schema';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { invalidField } from '../../domain/errors.js';
import { createTask } from '../../domain/tasks/create.js';
import {
  cancelTask,
  changeTaskTags,
  clearTaskUniqueId,
  metadataFromBody,
  setTaskMetadata,
  setTaskUniqueId,
  type TagOperation,
} from '../../domain/tasks/edits.js';
import { listTasks } from '../../domain/tasks/list.js';
import { getTask } from '../../domain/tasks/status.js';
import { scopeOf, type HttpContext } from '../context.js';
import { presentLimitedTask, presentTask } from './present.js';

const ById = z.object({ id: z.string() });
const ByType = z.object({ type: z.string().meta({ description: `One of: ${taskTypeNames.join(', ')}` }) });
const TaskParams = z.unknown().meta({
  description:
    'The type’s params (see the TaskParams_<type> schemas) beside the common fields project, batch, instruction, ' +
    'callback_url, metadata, unique_id, tags, priority, project_version, clear_unique_id_on_error.',
});
const AnyMetadata = z.unknown().meta({ description: 'The new metadata object (or {"docs": {...}} as the Node client sends it)' });
// Checked by the domain, so that an error names "tags" even though the body is a bare array.
const AnyTags = z.unknown().meta({ description: 'A JSON array of tag strings, e.g. ["a", "b"]' });
const tags = ['Tasks'];

function idempotencyKeyOf(header: string | string[] | undefined): string | undefined {
  const key = Array.isArray(header) ? header[0] : header;
  if (key === undefined || key === '') return undefined;
  if (key.length > 255) throw invalidField('Idempotency-Key', 'must be at most 255 characters');
  return key;
}
/**
 * unique_ids and tags are free text that may hold commas, so only repeating the key makes a list of them
 * (`unique_id=a&unique_id=b`, as the Python client sends); customer_review_status keeps its comma lists.
 */
const repeated = z.preprocess((v) => {
  const values = (Array.isArray(v) ? v : [v]).filter((x) => x !== undefined && x !== '');
  return values.length > 0 ? values : undefined;
}, z.array(z.string()).optional());
const ListQuery = TaskListQuery.extend({ unique_id: repeated, tags: repeated });

export const taskRoutes: FastifyPluginAsyncZod<HttpContext> = async (app, { store }) => {
  app.post('/task/:type', { schema: { tags, summary: 'Create a task', params: ByType, body: TaskParams, response: { 200: Task } } }, async (req) =>
    presentTask(await createTask(store, scopeOf(req), req.params.type, req.body, { idempotencyKey: idempotencyKeyOf(req.headers['idempotency-key']) })),
  );

  app.get('/task/:id', { schema: { tags, summary: 'Get a task', params: ById, response: { 200: Task } } }, async (req) =>
    presentTask(await getTask(store.scoped(scopeOf(req)), req.params.id)),
  );

  app.get('/tasks', { schema: { tags, summary: 'List tasks, newest first, paged by next_token', querystring: ListQuery, response: { 200: TaskList } } }, async (req) => {
    const page = await listTasks(store.scoped(scopeOf(req)), req.query);
    const present = req.query.limited_response ? presentLimitedTask : presentTask;
    return {
      docs: page.tasks.map(present),
      total: page.total,
      limit: req.query.limit,
      offset: req.query.offset,
      has_more: page.hasMore,
      next_token: page.nextToken,
    };
  });

  app.post(
    '/task/:id/cancel',
    { schema: { tags, summary: 'Cancel a pending task', params: ById, querystring: CancelTaskQuery, response: { 200: Task } } },
    async (req) => presentTask(await cancelTask(store, scopeOf(req), req.params.id, req.query.clear_unique_id ?? false)),
  );

  app.post(
    '/task/:id/setMetadata',
    { schema: { tags, summary: 'Replace a task’s metadata', params: ById, body: AnyMetadata, response: { 200: Task } } },
    async (req) => presentTask(await setTaskMetadata(store, scopeOf(req), req.params.id, metadataFromBody(req.body))),
  );

  app.post(
    '/task/:id/unique_id',
    { schema: { tags, summary: 'Set a task’s unique_id', params: ById, body: SetUniqueIdBody, response: { 200: Task } } },
    async (req) => presentTask(await setTaskUniqueId(store, scopeOf(req), req.params.id, req.body.unique_id)),
  );

  app.delete('/task/:id/unique_id', { schema: { tags, summary: 'Clear a task’s unique_id', params: ById, response: { 200: Task } } }, async (req) =>
    presentTask(await clearTaskUniqueId(store, scopeOf(req), req.params.id)),
  );

  const tagRoute = (method: 'POST' | 'PUT' | 'DELETE', op: TagOperation, summary: string) =>
    app.route({
      method,
      url: '/task/:id/tags',
      schema: { tags, summary, params: ById, body: AnyTags, response: { 200: Task } },
      handler: async (req) => presentTask(await changeTaskTags(store, scopeOf(req), req.params.id, op, req.body)),
    });
  tagRoute('POST', 'set', 'Replace a task’s tags');
  tagRoute('PUT', 'add', 'Add tags to a task');
  tagRoute('DELETE', 'delete', 'Remove tags from a task');
};
