import { describe, expect, it } from 'vitest';
import { actionFor, chordIndex, chordOf, defaultHotkeys, loadHotkeys, rebind, saveHotkeys, type KeyValueStore } from '../src/workspace/hotkeys.js';
import { scrollToRow, visibleRange } from '../src/ui/virtual.js';

const key = (k: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean; shiftKey: boolean }> = {}) => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...mods,
});

function memoryStore(): KeyValueStore & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v), removeItem: (k) => void data.delete(k) };
}

describe('hotkeys', () => {
  const index = chordIndex(defaultHotkeys);

  it('maps key events to actions, Ctrl and Cmd alike', () => {
    expect(actionFor(index, key('z', { ctrlKey: true }))).toBe('edit.undo');
    expect(actionFor(index, key('Z', { metaKey: true, shiftKey: true }))).toBe('edit.redo');
    expect(actionFor(index, key('1'))).toBe('label.1');
    expect(actionFor(index, key('?', { shiftKey: true }))).toBe('view.help');
    expect(actionFor(index, key('+', { shiftKey: true }))).toBe('view.zoomIn');
    expect(actionFor(index, key('Tab', { shiftKey: true }))).toBe('select.prev');
    expect(chordOf(key(' '))).toBe('space');
  });

  it('gives every default chord to exactly one action', () => {
    const seen = new Map<string, string>();
    for (const [action, chords] of Object.entries(defaultHotkeys)) {
      for (const c of chords) {
        expect(seen.get(c), `${c} is bound to ${seen.get(c)} and ${action}`).toBeUndefined();
        seen.set(c, action);
      }
    }
  });

  it('rebinding takes the chord from its old action, and only the changes are stored', () => {
    const { map, displaced } = rebind(defaultHotkeys, 'tool.box', 'ctrl+B');
    expect(map['tool.box']).toEqual(['mod+b']);
    expect(displaced).toBeUndefined();
    const second = rebind(map, 'tool.polygon', 'v');
    expect(second.displaced).toBe('tool.select');
    expect(second.map['tool.select']).toEqual([]);
    const store = memoryStore();
    saveHotkeys(store, second.map);
    expect(JSON.parse([...store.data.values()][0]!)).toEqual({ 'tool.select': [], 'tool.box': ['mod+b'], 'tool.polygon': ['v'] });
    expect(loadHotkeys(store)).toEqual(second.map);
    saveHotkeys(store, defaultHotkeys);
    expect(store.data.size).toBe(0);
  });
});

describe('virtual list', () => {
  it('renders only the rows in view plus overscan', () => {
    expect(visibleRange(0, 280, 28, 5000, 5)).toEqual({ start: 0, end: 16 });
    expect(visibleRange(28 * 2500, 280, 28, 5000, 5)).toEqual({ start: 2495, end: 2516 });
    expect(visibleRange(28 * 4999, 280, 28, 5000, 5).end).toBe(5000);
    expect(scrollToRow(100, 0, 280, 28)).toBe(100 * 28 + 28 - 280);
    expect(scrollToRow(3, 0, 280, 28)).toBeUndefined();
  });
});
