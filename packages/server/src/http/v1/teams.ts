import { StudioAssignmentsBody, TeamInviteBody, Teammate } from '@tessera/schema';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { changeAssignments, inviteTeammates, presentTeammate, setTeamRole, studioAssignments } from '../../domain/teams.js';
import { scopeOf, type HttpContext } from '../context.js';

const Teammates = z.array(Teammate);
const Assignments = z.record(z.string(), z.array(z.string())).meta({ description: 'email -> project names' });

export const teamRoutes: FastifyPluginAsyncZod<HttpContext> = async (app, { store }) => {
  app.get('/teams', { schema: { tags: ['Teams'], summary: 'List teammates', response: { 200: Teammates } } }, async (req) =>
    (await store.scoped(scopeOf(req)).people.list()).map(presentTeammate),
  );

  app.post('/teams/invite', { schema: { tags: ['Teams'], summary: 'Invite teammates', body: TeamInviteBody, response: { 200: Teammates } } }, async (req) =>
    store.transaction(scopeOf(req), async (tx) => (await inviteTeammates(tx, req.body.emails, req.body.team_role)).map(presentTeammate)),
  );

  app.post('/teams/set_role', { schema: { tags: ['Teams'], summary: 'Change teammates’ role', body: TeamInviteBody, response: { 200: Teammates } } }, async (req) =>
    store.transaction(scopeOf(req), async (tx) => (await setTeamRole(tx, req.body.emails, req.body.team_role)).map(presentTeammate)),
  );

  app.get('/studio/assignments', { schema: { tags: ['Studio'], summary: 'Who works on which projects', response: { 200: Assignments } } }, async (req) =>
    studioAssignments(store.scoped(scopeOf(req))),
  );

  for (const [path, assigned] of [['add', true], ['remove', false]] as const) {
    app.post(
      `/studio/assignments/${path}`,
      { schema: { tags: ['Studio'], summary: `${assigned ? 'Assign' : 'Unassign'} teammates ${assigned ? 'to' : 'from'} projects`, body: StudioAssignmentsBody, response: { 200: Assignments } } },
      async (req) =>
        store.transaction(scopeOf(req), async (tx) => {
          await changeAssignments(tx, req.body.emails, req.body.projects, assigned);
          return studioAssignments(tx);
        }),
    );
  }
};
