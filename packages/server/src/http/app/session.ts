import { AcceptInvitationBody, SignInBody, User } from '@tessera/schema';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import rateLimit from '@fastify/rate-limit';
import { ApiError } from '../../domain/errors.js';
import { acceptInvitation, signIn, signOut } from '../../domain/people.js';
import type { HttpContext } from '../context.js';
import { presentUser } from './present.js';
import { clearSessionCookie, sessionOf, setSessionCookie } from './session-auth.js';

const SignedIn = z.object({ user: User, csrf_token: z.string() });
const tags = ['App: session'];

export const sessionRoutes: FastifyPluginAsyncZod<HttpContext> = async (app, { store }) => {
  // Password guessing is slowed: 20 tries a minute per address and email.
  await app.register(rateLimit, {
    global: false,
    hook: 'preHandler',
    keyGenerator: (req) => `${req.ip}:${String((req.body as { email?: unknown } | undefined)?.email ?? '')}`,
    errorResponseBuilder: (_req, context) => new ApiError(429, `Too many sign-in attempts; retry after ${Math.ceil(context.ttl / 1000)} s.`, { 'retry-after': String(Math.ceil(context.ttl / 1000)) }),
  });

  app.post('/session', { config: { public: true, rateLimit: { max: 20, timeWindow: 60_000 } }, schema: { tags, summary: 'Sign in', body: SignInBody, response: { 200: SignedIn } } }, async (req, reply) => {
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
