import type { MultipartFile } from '@fastify/multipart';
import { describeIssues, FileFields, FileObject, ImportFileBody } from '@tessera/schema';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ApiError, invalidField, InvalidRequest } from '../../domain/errors.js';
import { discardBytes, registerFile, saveBytes, type StoredBytes } from '../../domain/files.js';
import { fetchRemote } from '../../files/remote.js';
import { baseUrlOf, scopeOf, type HttpContext } from '../context.js';
import { presentFile } from './present.js';

const tags = ['Files'];

export const fileRoutes: FastifyPluginAsyncZod<HttpContext> = async (app, ctx) => {
  const { store, storage } = ctx;

  app.post(
    '/files/upload',
    {
      schema: {
        tags,
        summary: 'Upload a file (multipart: part "file", text fields project_name, display_name, reference_id, metadata as JSON text)',
        consumes: ['multipart/form-data'],
        response: { 200: FileObject },
      },
    },
    async (req) => {
      if (!req.isMultipart()) throw invalidField('file', 'is required (send multipart/form-data)');
      const texts: Record<string, string> = {};
      let bytes: StoredBytes | undefined;
      try {
        for await (const part of req.parts()) {
          if (part.type === 'file') {
            if (part.fieldname !== 'file' || bytes) {
              part.file.resume();
              continue;
            }
            bytes = await saveBytes(storage, filePart(part));
          } else {
            texts[part.fieldname] = String(part.value);
          }
        }
        if (!bytes) throw invalidField('file', 'is required');
        const fields = parseFields(texts);
        return presentFile(await registerFile(store, storage, scopeOf(req), bytes, fields), baseUrlOf(req, ctx.publicUrl));
      } catch (error) {
        if (bytes) await discardBytes(storage, bytes);
        throw asClientError(error);
      }
    },
  );

  app.post(
    '/files/import',
    { schema: { tags, summary: 'Import a file from a URL', body: ImportFileBody, response: { 200: FileObject } } },
    async (req) => {
      const { file_url, ...fields } = req.body;
      const remote = await fetchRemote(file_url, { allowPrivateAddresses: ctx.allowPrivateFetch, timeoutMs: 30_000, maxRedirects: 5 });
      const bytes = await saveBytes(storage, { stream: remote.stream, mimeType: remote.mimeType, filename: lastSegment(file_url) });
      return presentFile(await registerFile(store, storage, scopeOf(req), bytes, fields), baseUrlOf(req, ctx.publicUrl));
    },
  );
};

/** A body the multipart parser cannot read is the client's error, a 400 that says so, never a 500. */
function asClientError(error: unknown): unknown {
  if (error instanceof ApiError) return error;
  const status = (error as { statusCode?: unknown }).statusCode;
  if (typeof status === 'number' && status < 500) return error;
  return new InvalidRequest(`Request body is not valid multipart/form-data: ${(error as Error).message}`);
}

function filePart(part: MultipartFile) {
  return { stream: part.file, mimeType: part.mimetype || 'application/octet-stream', filename: part.filename || undefined };
}

/** Multipart fields arrive as text; `metadata` is JSON text. */
function parseFields(texts: Record<string, string>): FileFields {
  const raw: Record<string, unknown> = { ...texts };
  if (texts.metadata !== undefined) {
    try {
      raw.metadata = JSON.parse(texts.metadata);
    } catch {
      throw invalidField('metadata', 'must be JSON text of an object');
    }
  }
  const result = FileFields.safeParse(raw, { reportInput: true });
  if (!result.success) throw new InvalidRequest(describeIssues(result.error.issues));
  return result.data;
}

function lastSegment(url: string): string | undefined {
  const name = new URL(url).pathname.split('/').filter(Boolean).pop();
  return name ? decodeURIComponent(name) : undefined;
}

export const FileContentParams = z.object({ id: z.string(), token: z.string() });
