import type { KeyValueStore } from './hotkeys.js';

/**
 * Work in progress, saved on every change so a reload or a crash loses nothing. Keyed by lease and
 * task: a new lease on the same task (after expiry) starts from the task, not from someone's draft.
 */
export interface Draft<T> {
  savedAt: number;
  value: T;
}

const PREFIX = 'tessera.draft.';
/** Drafts older than this are somebody's abandoned work; they are cleared on the next save. */
const MAX_AGE_MS = 7 * 24 * 60 * 60 * 1000;

export function draftKey(leaseId: string, taskId: string): string {
  return `${PREFIX}${leaseId}.${taskId}`;
}

export function loadDraft<T>(store: KeyValueStore | undefined, key: string): Draft<T> | undefined {
  const raw = store?.getItem(key);
  if (!raw) return undefined;
  try {
    const draft = JSON.parse(raw) as Draft<T>;
    return typeof draft.savedAt === 'number' ? draft : undefined;
  } catch {
    return undefined;
  }
}

export function saveDraft<T>(store: (KeyValueStore & { length?: number; key?(i: number): string | null }) | undefined, key: string, value: T, now = Date.now()): void {
  if (!store) return;
  try {
    store.setItem(key, JSON.stringify({ savedAt: now, value } satisfies Draft<T>));
  } catch {
    // Storage full: drop old drafts once and try again; failing that the work is still in memory.
    pruneDrafts(store, now);
    try {
      store.setItem(key, JSON.stringify({ savedAt: now, value }));
    } catch {
      /* nothing more to do */
    }
  }
}

export function clearDraft(store: KeyValueStore | undefined, key: string): void {
  store?.removeItem(key);
}

export function pruneDrafts(store: KeyValueStore & { length?: number; key?(i: number): string | null }, now = Date.now()): void {
  if (typeof store.length !== 'number' || !store.key) return;
  const stale: string[] = [];
  for (let i = 0; i < store.length; i++) {
    const key = store.key(i);
    if (!key?.startsWith(PREFIX)) continue;
    const draft = loadDraft<unknown>(store, key);
    if (!draft || now - draft.savedAt > MAX_AGE_MS) stale.push(key);
  }
  stale.forEach((k) => store.removeItem(k));
}
