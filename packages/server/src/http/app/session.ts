import { AcceptInvitationBody, SignInBody, User } from '@tessera/schema';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { acceptInvitation, signIn, signOut } from '../../domain/people.js';
import type { HttpContext } from '../context.js';
import { presentUser } from './present.js';
import { clearSessionCookie, sessionOf, setSessionCookie } from './session-auth.js';

const SignedIn = z.object({ user: User, csrf_token: z.string() });
const tags = ['App: session'];

export const sessionRoutes: FastifyPluginAsyncZod<HttpContext> = async (app, { store }) => {
  app.post('/session', { config: { public: true }, schema: { tags, summary: 'Sign in', body: SignInBody, response: { 200: SignedIn } } }, async (req, reply) => {
    const signedIn = await signIn(store, req.body.email, req.body.password);
    setSessionCookie(req, reply, signedIn);
    return { user: presentUser(signedIn.user), csrf_token: signedIn.csrfToken };
  });

  app.get('/me', { schema: { tags, summary: 'Who is signed in', response: { 200: SignedIn } } }, async (req) => {
    const session = sessionOf(req);
    return { user: presentUser(session.user), csrf_token: session.csrfToken };
  });

  app.delete('/session', { schema: { tags, summary: 'Sign out' } }, async (req, reply) => {
    await signOut(store, sessionOf(req));
    clearSessionCookie(reply);
    return { ok: true };
  });

  app.post(
    '/invitations/accept',
    { config: { public: true }, schema: { tags, summary: 'Accept an invitation and set a password', body: AcceptInvitationBody, response: { 200: SignedIn } } },
    async (req, reply) => {
      const signedIn = await acceptInvitation(store, req.body.token, req.body.password, req.body.name);
      setSessionCookie(req, reply, signedIn);
      return { user: presentUser(signedIn.user), csrf_token: signedIn.csrfToken };
    },
  );
};
