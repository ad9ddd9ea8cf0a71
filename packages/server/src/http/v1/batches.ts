import { Batch, BatchList, BatchListQuery, BatchStatusCounts, CreateBatchBody, Metadata } from '@tessera/schema';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { batchStatus, createBatch, finalizeBatch, getBatch, listBatches, setBatchMetadata } from '../../domain/batches.js';
import { scopeOf, type HttpContext } from '../context.js';
import { presentBatch } from './present.js';

const ByName = z.object({ name: z.string() });
const tags = ['Batches'];

export const batchRoutes: FastifyPluginAsyncZod<HttpContext> = async (app, { store }) => {
  app.post('/batches', { schema: { tags, summary: 'Create a batch (status staging)', body: CreateBatchBody, response: { 200: Batch } } }, async (req) =>
    presentBatch(await createBatch(store, scopeOf(req), req.body)),
  );

  app.get('/batches', { schema: { tags, summary: 'List batches, newest first', querystring: BatchListQuery, response: { 200: BatchList } } }, async (req) => {
    const page = await listBatches(store.scoped(scopeOf(req)), req.query);
    return {
      docs: page.batches.map(presentBatch),
      // The Python client reads totalDocs, the Node client total.
      total: page.total,
      totalDocs: page.total,
      limit: req.query.limit,
      offset: req.query.offset,
      has_more: page.hasMore,
      next_token: page.nextToken,
    };
  });

  app.get('/batches/:name', { schema: { tags, summary: 'Get a batch', params: ByName, response: { 200: Batch } } }, async (req) =>
    presentBatch(await getBatch(store.scoped(scopeOf(req)), req.params.name)),
  );

  app.get(
    '/batches/:name/status',
    { schema: { tags, summary: 'Task counts of a batch by status', params: ByName, response: { 200: BatchStatusCounts } } },
    async (req) => batchStatus(store.scoped(scopeOf(req)), req.params.name),
  );

  app.post(
    '/batches/:name/finalize',
    { schema: { tags, summary: 'Finalize a batch: its tasks go to work', params: ByName, response: { 200: Batch } } },
    async (req) => presentBatch(await finalizeBatch(store, scopeOf(req), req.params.name)),
  );

  app.post(
    '/batches/:name/setMetadata',
    { schema: { tags, summary: 'Replace a batch’s metadata', params: ByName, body: Metadata, response: { 200: Batch } } },
    async (req) => presentBatch(await setBatchMetadata(store, scopeOf(req), req.params.name, req.body)),
  );
};
