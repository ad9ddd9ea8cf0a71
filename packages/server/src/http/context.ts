import type { FastifyRequest } from 'fastify';
import type { Scope } from '../domain/scope.js';
import type { FileStorage } from '../files/storage.js';
import type { Store } from '../store/index.js';

/** What route plugins are given: the ports to the outside world, nothing else. */
export interface HttpContext {
  store: Store;
  storage: FileStorage;
  /** Base of the URLs this server hands out (attachment URLs); from the request when unset. */
  publicUrl: string | undefined;
  /** Let file imports fetch private and loopback addresses (local testing only). */
  allowPrivateFetch: boolean;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the v1 auth hook before any v1 handler runs. */
    scope: Scope | null;
  }
}

export function scopeOf(request: FastifyRequest): Scope {
  if (!request.scope) throw new Error('scopeOf called on a route without the API key hook');
  return request.scope;
}

export function baseUrlOf(request: FastifyRequest, configured: string | undefined): string {
  if (configured) return configured.replace(/\/+$/, '');
  return `${request.protocol}://${request.host}`;
}
