import { ID_PATTERN } from './ids.js';
import { invalidField } from './errors.js';

/**
 * `next_token` carries the last id of the page (the sort key: ids are time-ordered), never an offset,
 * so the next page is an index seek whatever the depth. Opaque to clients.
 */
export function encodeToken(lastId: string): string {
  return Buffer.from(JSON.stringify({ v: 1, id: lastId })).toString('base64url');
}

export function decodeToken(token: string): string {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
    if (typeof parsed === 'object' && parsed !== null) {
      const id = (parsed as { id?: unknown }).id;
      if (typeof id === 'string' && ID_PATTERN.test(id)) return id;
    }
  } catch {
    // fall through to the error below
  }
  throw invalidField('next_token', 'is not a token this server issued');
}
