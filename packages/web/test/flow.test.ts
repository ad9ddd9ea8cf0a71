import { describe, expect, it } from 'vitest';
import { diffAnswers } from '../src/review/diff.js';
import { parseRoute, routeHash } from '../src/ui/route.js';
import { clearDraft, draftKey, loadDraft, pruneDrafts, saveDraft } from '../src/workspace/drafts.js';
import { addEntity, segments, toCodePoints } from '../src/workspace/editors/spans.js';
import { heartbeatDelay } from '../src/workspace/lease-keeper.js';
import type { Shape } from '../src/workspace/scene/types.js';

function memoryStorage() {
  const data = new Map<string, string>();
  return {
    data,
    get length() {
      return data.size;
    },
    key: (i: number) => [...data.keys()][i] ?? null,
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, v),
    removeItem: (k: string) => void data.delete(k),
  };
}

describe('drafts', () => {
  it('saves, loads and clears by lease and task, and prunes week-old ones', () => {
    const store = memoryStorage();
    const key = draftKey('lease1', 'task1');
    saveDraft(store, key, { shapes: [1, 2] }, 1000);
    expect(loadDraft(store, key)).toEqual({ savedAt: 1000, value: { shapes: [1, 2] } });
    expect(loadDraft(store, draftKey('lease2', 'task1'))).toBeUndefined();
    saveDraft(store, draftKey('old', 't'), 'x', 0);
    pruneDrafts(store, 8 * 24 * 3600 * 1000);
    expect(store.data.has(draftKey('old', 't'))).toBe(false);
    clearDraft(store, key);
    expect(loadDraft(store, key)).toBeUndefined();
  });

  it('ignores a corrupt draft instead of failing the page', () => {
    const store = memoryStorage();
    store.setItem(draftKey('l', 't'), '{not json');
    expect(loadDraft(store, draftKey('l', 't'))).toBeUndefined();
  });
});

describe('lease heartbeat', () => {
  it('beats at a third of the time left, between 5 s and a minute', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(heartbeatDelay('2026-01-01T00:30:00Z', now)).toBe(60_000);
    expect(heartbeatDelay('2026-01-01T00:01:30Z', now)).toBe(30_000);
    expect(heartbeatDelay('2026-01-01T00:00:03Z', now)).toBe(5_000);
    expect(heartbeatDelay('garbage', now)).toBe(30_000);
  });
});

describe('named entity spans', () => {
  const text = 'Ana 🙂 met Bob in Paris';
  const chars = [...text];

  it('counts code points, as the response does, not UTF-16 units', () => {
    expect(toCodePoints(text, text.indexOf('met'))).toBe(6);
  });

  it('adds a span trimmed of edge whitespace, refuses overlaps, and cuts the text for display', () => {
    const bob = toCodePoints(text, text.indexOf('Bob'));
    const first = addEntity([], chars, bob - 1, bob + 4, 'person');
    expect(Array.isArray(first)).toBe(true);
    const entities = first as Exclude<typeof first, string>;
    expect(entities[0]).toMatchObject({ label: 'person', text: 'Bob' });
    expect(addEntity(entities, chars, entities[0]!.start + 1, entities[0]!.end + 3, 'x')).toMatch(/overlaps/);
    expect(addEntity(entities, chars, 3, 4, 'x')).toMatch(/Select/);
    const segs = segments(chars, entities);
    expect(segs.map((s) => s.text).join('')).toBe(text);
    expect(segs.find((s) => s.entity)?.text).toBe('Bob');
  });
});

describe('review diff', () => {
  const box = (id: string, x: number, label = 'car'): Shape => ({ id, kind: 'box', x, y: 0, w: 100, h: 100, label, attributes: {}, origin: 'drawn' });

  it('lists the shapes only one annotator drew and the ones labelled differently', () => {
    const diff = diffAnswers([
      { who: 'a', shapes: [box('a1', 0), box('a2', 500)] },
      { who: 'b', shapes: [box('b1', 5), box('b2', 1000, 'truck')] },
      { who: 'c', shapes: [box('c1', 3, 'truck')] },
    ]);
    expect(diff[0]!.unmatched.map((s) => s.id)).toEqual(['a2']);
    expect(diff[1]!.unmatched.map((s) => s.id)).toEqual(['b2']);
    expect(diff[2]!.relabelled.map((s) => s.id)).toEqual(['c1']);
    expect(diffAnswers([{ who: 'a', shapes: [box('a1', 0)] }, { who: 'b', shapes: [box('b1', 2, 'truck')] }])[0]!.relabelled.map((s) => s.id)).toEqual(['a1']);
  });
});

describe('routes', () => {
  it('round-trips the hash routes', () => {
    for (const r of [{ page: 'home' as const }, { page: 'dev' as const }, { page: 'work' as const, projectId: 'p/1', stage: 'review' as const }]) {
      expect(parseRoute(routeHash(r))).toEqual(r);
    }
    expect(parseRoute('#/dev?boxes=10')).toEqual({ page: 'dev' });
    expect(parseRoute('')).toEqual({ page: 'home' });
  });
});
