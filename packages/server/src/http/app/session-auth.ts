import type {} from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Forbidden } from '../../domain/errors.js';
import { SESSION_TTL_MS, sessionFromCookie, type Session, type SignedIn } from '../../domain/people.js';
import type { Store } from '../../store/index.js';

export const SESSION_COOKIE = 'tessera_session';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the session hook on /app/api routes not marked public. */
    session: Session | null;
  }
  interface FastifyContextConfig {
    /** Reachable without a session (sign-in, accepting an invitation). */
    public?: boolean;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The web app's routes take a session cookie, never an API key. Unsafe methods must echo the
 * session's CSRF token in `x-csrf-token`: a cookie alone, which another site can make a browser send,
 * is not enough to change anything.
 */
export function requireSession(app: FastifyInstance, store: Store): void {
  app.decorateRequest('session', null);
  app.addHook('onRequest', async (request) => {
    if (request.routeOptions.config.public) return;
    const session = await sessionFromCookie(store, request.cookies[SESSION_COOKIE]);
    if (!SAFE_METHODS.has(request.method) && request.headers['x-csrf-token'] !== session.csrfToken) {
      throw new Forbidden('Missing or wrong x-csrf-token header.');
    }
    request.session = session;
  });
}

export function sessionOf(request: FastifyRequest): Session {
  if (!request.session) throw new Error('sessionOf called on a public route');
  return request.session;
}

export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, signedIn: SignedIn): void {
  reply.setCookie(SESSION_COOKIE, signedIn.sessionToken, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: request.protocol === 'https',
    maxAge: Math.floor(SESSION_TTL_MS / 1000),
  });
}

export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}
