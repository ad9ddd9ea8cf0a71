import { describeIssues } from '@tessera/schema';
import type { FastifySchemaCompiler, FastifySerializerCompiler } from 'fastify';
import type { ZodType } from 'zod';
import { InvalidRequest } from '../domain/errors.js';

/** Route inputs are checked by their zod schemas; a failure is a Scale-style 400 naming the field. */
export const validatorCompiler: FastifySchemaCompiler<ZodType> =
  ({ schema, httpPart }) =>
  (data) => {
    const result = schema.safeParse(data, { reportInput: true });
    if (result.success) return { value: result.data };
    const where = httpPart === 'querystring' ? 'query' : httpPart;
    const message = describeIssues(result.error.issues);
    return { error: new InvalidRequest(where === 'body' || where === 'query' ? message : `${message} (in ${where})`) };
  };

/**
 * Response schemas document the API; replies are shaped by typed presenters and checked by the
 * tests, so serializing skips a second validation on every request.
 */
export const serializerCompiler: FastifySerializerCompiler<unknown> = () => (data) => JSON.stringify(data);
