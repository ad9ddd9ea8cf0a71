import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { taskTypes } from '@tessera/schema';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { z } from 'zod';

/**
 * The OpenAPI 3.1 document is generated from the same zod schemas the routes validate with,
 * so it cannot drift from what the server accepts.
 */
export async function registerOpenApi(app: FastifyInstance): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Tessera API (Scale v1 compatible)',
        version: '1',
        description:
          'Scale AI’s v1 REST API, self-hosted. Authenticate with HTTP Basic: your API key as the username and an empty password.',
      },
      components: { securitySchemes: { apiKey: { type: 'http', scheme: 'basic' } } },
      security: [{ apiKey: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: (input) => withTaskTypes(jsonSchemaTransformObject(input)),
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });
  app.get('/v1/openapi.json', { schema: { hide: true } }, async () => app.swagger());
}

type OpenApiDocument = ReturnType<typeof jsonSchemaTransformObject>;

/**
 * Every task type's params and response as named components (`TaskParams_<type>`,
 * `TaskResponse_<type>`): one route takes them all, so they are listed beside it rather than inline.
 */
function withTaskTypes(document: OpenApiDocument): OpenApiDocument {
  if (!('openapi' in document)) return document;
  const schemas: Record<string, unknown> = { ...(document.components?.schemas ?? {}) };
  for (const [type, def] of taskTypes) {
    schemas[`TaskParams_${type}`] = z.toJSONSchema(def.params, { io: 'input', unrepresentable: 'any' });
    schemas[`TaskResponse_${type}`] = z.toJSONSchema(def.response, { io: 'output', unrepresentable: 'any' });
  }
  return { ...document, components: { ...document.components, schemas } } as OpenApiDocument;
}
