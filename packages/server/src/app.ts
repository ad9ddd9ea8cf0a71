import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { MAX_FILE_BYTES } from './domain/files.js';
import type { FileStorage } from './files/storage.js';
import { memberRoutes } from './http/app/members.js';
import { requireSession } from './http/app/session-auth.js';
import { sessionRoutes } from './http/app/session.js';
import { workRoutes } from './http/app/work.js';
import { registerBodyParsers } from './http/body-parsers.js';
import type { HttpContext } from './http/context.js';
import { frameworkErrors, registerErrorHandling } from './http/errors.js';
import { fileContentRoutes } from './http/file-content.js';
import { registerHealth, registerLanding } from './http/home.js';
import { registerOpenApi } from './http/openapi.js';
import { requireApiKey } from './http/v1/auth.js';
import { batchRoutes } from './http/v1/batches.js';
import { callbackRoutes } from './http/v1/callbacks.js';
import { fileRoutes } from './http/v1/files.js';
import { projectRoutes } from './http/v1/projects.js';
import { qualityRoutes } from './http/v1/quality.js';
import { limitRequests } from './http/v1/rate-limit.js';
import { studioRoutes } from './http/v1/studio.js';
import { taskRoutes } from './http/v1/tasks.js';
import { teamRoutes } from './http/v1/teams.js';
import { serializerCompiler, validatorCompiler } from './http/validation.js';
import { defaultWebRoot, hasWebApp, registerWebApp, webAppFallback } from './http/web-app.js';
import type { Store } from './store/index.js';

export interface AppOptions {
  store: Store;
  storage: FileStorage;
  publicUrl?: string | undefined;
  allowPrivateFetch?: boolean;
  logger?: FastifyServerOptions['logger'];
  /** Per API key, on /v1; off when unset. */
  rateLimit?: { max: number; windowMs: number } | undefined;
  /** Believe X-Forwarded-Proto/Host (set when a load balancer you run terminates TLS). */
  trustProxy?: boolean;
  /** The built web app to serve at `/`; packages/web/dist by default, a plain landing page if absent. */
  webRoot?: string | undefined;
}

/** Builds the whole HTTP surface over the given store and file storage; listening is the caller's job. */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    // Clients may send `…/v1//task` when api_instance_url ends in a slash.
    routerOptions: { ignoreDuplicateSlashes: true, ignoreTrailingSlash: true, maxParamLength: 1000 },
    // Only behind a proxy you run may X-Forwarded-* decide the URLs and cookies this server hands out.
    trustProxy: options.trustProxy ?? false,
    frameworkErrors,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  const root = options.webRoot ?? defaultWebRoot;
  const webRoot = hasWebApp(root) ? root : undefined;
  registerErrorHandling(app, webRoot ? webAppFallback : undefined);
  registerBodyParsers(app);
  await app.register(multipart, { limits: { fileSize: MAX_FILE_BYTES, files: 1, fieldSize: 1024 * 1024 }, throwFileSizeLimit: true });
  await registerOpenApi(app);

  const ctx: HttpContext = {
    store: options.store,
    storage: options.storage,
    publicUrl: options.publicUrl,
    allowPrivateFetch: options.allowPrivateFetch ?? false,
  };
  // Customer code: Scale's v1 API, with API keys.
  await app.register(async (v1) => {
    requireApiKey(v1, ctx.store);
    if (options.rateLimit) await limitRequests(v1, options.rateLimit);
    await v1.register(projectRoutes, ctx);
    await v1.register(batchRoutes, ctx);
    await v1.register(taskRoutes, ctx);
    await v1.register(fileRoutes, ctx);
    await v1.register(callbackRoutes, ctx);
    await v1.register(qualityRoutes, ctx);
    await v1.register(teamRoutes, ctx);
    await v1.register(studioRoutes, ctx);
  }, { prefix: '/v1' });
  // The web app: sessions in cookies.
  await app.register(cookie);
  await app.register(async (web) => {
    requireSession(web, ctx.store);
    await web.register(sessionRoutes, ctx);
    await web.register(memberRoutes, ctx);
    await web.register(workRoutes, ctx);
  }, { prefix: '/app/api' });
  await app.register(fileContentRoutes, ctx);
  registerHealth(app);
  if (webRoot) await registerWebApp(app, webRoot);
  else registerLanding(app);
  return app;
}
