import { isUniqueViolation, type Store } from '../../store/index.js';
import { Conflict } from '../errors.js';
import type { Scope } from '../scope.js';

export function uniqueIdTaken(uniqueId: string, taskId: string): Conflict {
  return new Conflict(`The unique_id ("${uniqueId}") is already used for a different task (${taskId}).`);
}

/**
 * A transaction that claimed a unique_id failed. If the unique index refused it (another request took the
 * id between our lookup and our write), the 409 names the winner: it has committed by now, and after the
 * rollback it can be read.
 */
export async function uniqueIdRace(store: Store, scope: Scope, uniqueId: string | undefined, error: unknown): Promise<never> {
  if (uniqueId === undefined || !isUniqueViolation(error)) throw error;
  const holder = await store.scoped(scope).tasks.findByUniqueId(uniqueId);
  throw uniqueIdTaken(uniqueId, holder?.id ?? 'another request');
}
