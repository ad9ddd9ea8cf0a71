import { CreateProjectBody, Project, ProjectList, SetProjectParamsBody } from '@tessera/schema';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createProject, getProject, listProjects, setProjectParams } from '../../domain/projects.js';
import { scopeOf, type HttpContext } from '../context.js';
import { presentProject } from './present.js';

const ByName = z.object({ name: z.string() });
const tags = ['Projects'];

export const projectRoutes: FastifyPluginAsyncZod<HttpContext> = async (app, { store }) => {
  app.post('/projects', { schema: { tags, summary: 'Create a project', body: CreateProjectBody, response: { 200: Project } } }, async (req) =>
    presentProject(await createProject(store, scopeOf(req), req.body)),
  );

  app.get('/projects', { schema: { tags, summary: 'List projects', response: { 200: ProjectList } } }, async (req) =>
    (await listProjects(store.scoped(scopeOf(req)))).map(presentProject),
  );

  app.get('/projects/:name', { schema: { tags, summary: 'Get a project', params: ByName, response: { 200: Project } } }, async (req) =>
    presentProject(await getProject(store.scoped(scopeOf(req)), req.params.name)),
  );

  app.post(
    '/projects/:name/setParams',
    {
      schema: {
        tags,
        summary: 'Set project params (appends a version to param_history)',
        params: ByName,
        body: SetProjectParamsBody,
        response: { 200: Project },
      },
    },
    async (req) => presentProject(await setProjectParams(store, scopeOf(req), req.params.name, req.body)),
  );
};
