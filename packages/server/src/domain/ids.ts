import { randomBytes } from 'node:crypto';

/**
 * 24 lowercase hex characters, like Scale's (Mongo ObjectId-shaped) task ids, but time-ordered to the
 * millisecond: 6 bytes of epoch ms, 3 random bytes per process, a 3-byte counter. Ids from one process
 * sort in creation order, so the primary key doubles as the newest-first paging key and inserts stay local.
 */
const processTag = randomBytes(3).toString('hex');
let counter = randomBytes(3).readUIntBE(0, 3);
let lastMs = 0;

export function newId(now: number = Date.now()): string {
  // Never go backwards, even if the clock does.
  const ms = Math.max(now, lastMs);
  if (ms !== lastMs) lastMs = ms;
  counter = (counter + 1) % 0x1000000;
  return ms.toString(16).padStart(12, '0') + processTag + counter.toString(16).padStart(6, '0');
}

/** The creation time an id carries. */
export function idTime(id: string): number {
  return parseInt(id.slice(0, 12), 16);
}

/** The smallest possible id created at or after `ms`: turns a time bound into an index range. */
export function idFloor(ms: number): string {
  return Math.max(0, Math.floor(ms)).toString(16).padStart(12, '0') + '000000000000';
}

export const ID_PATTERN = /^[0-9a-f]{24}$/;
