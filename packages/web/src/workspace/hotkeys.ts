/**
 * Every action of the workspace and its default key. Annotators can rebind any of them (shown with `?`);
 * the overrides live in localStorage, since they are one person's habit on one machine.
 */
export const hotkeyActions = {
  'tool.select': { keys: ['v'], title: 'Select / move tool' },
  'tool.box': { keys: ['b'], title: 'Box tool' },
  'tool.polygon': { keys: ['p'], title: 'Polygon tool' },
  'tool.line': { keys: ['l'], title: 'Line tool' },
  'tool.point': { keys: ['o'], title: 'Point tool' },
  'tool.ellipse': { keys: ['e'], title: 'Ellipse tool' },
  'tool.cuboid': { keys: ['c'], title: 'Cuboid tool' },
  'label.1': { keys: ['1'], title: 'Label 1' },
  'label.2': { keys: ['2'], title: 'Label 2' },
  'label.3': { keys: ['3'], title: 'Label 3' },
  'label.4': { keys: ['4'], title: 'Label 4' },
  'label.5': { keys: ['5'], title: 'Label 5' },
  'label.6': { keys: ['6'], title: 'Label 6' },
  'label.7': { keys: ['7'], title: 'Label 7' },
  'label.8': { keys: ['8'], title: 'Label 8' },
  'label.9': { keys: ['9'], title: 'Label 9' },
  'label.search': { keys: ['/'], title: 'Search labels' },
  'edit.undo': { keys: ['mod+z'], title: 'Undo' },
  'edit.redo': { keys: ['mod+shift+z', 'mod+y'], title: 'Redo' },
  'edit.delete': { keys: ['delete', 'backspace'], title: 'Delete selected shape (or the last vertex while drawing)' },
  'edit.finish': { keys: ['enter'], title: 'Finish the polygon or line being drawn' },
  'edit.cancel': { keys: ['escape'], title: 'Cancel drawing / deselect' },
  'edit.copyPrevious': { keys: ['shift+c'], title: 'Copy shapes from the previous task' },
  'select.next': { keys: ['tab'], title: 'Select next shape' },
  'select.prev': { keys: ['shift+tab'], title: 'Select previous shape' },
  'shape.hide': { keys: ['h'], title: 'Hide / show selected shape' },
  'shape.showAll': { keys: ['shift+h'], title: 'Show all shapes' },
  'shape.lock': { keys: ['k'], title: 'Lock / unlock selected shape' },
  'shape.nudgeLeft': { keys: ['alt+arrowleft'], title: 'Move selected shape 1 px left' },
  'shape.nudgeRight': { keys: ['alt+arrowright'], title: 'Move selected shape 1 px right' },
  'shape.nudgeUp': { keys: ['alt+arrowup'], title: 'Move selected shape 1 px up' },
  'shape.nudgeDown': { keys: ['alt+arrowdown'], title: 'Move selected shape 1 px down' },
  'view.zoomIn': { keys: ['=', 'plus'], title: 'Zoom in' },
  'view.zoomOut': { keys: ['-'], title: 'Zoom out' },
  'view.fit': { keys: ['f'], title: 'Fit image to screen' },
  'view.panLeft': { keys: ['arrowleft'], title: 'Pan left (hold space and drag to pan freely)' },
  'view.panRight': { keys: ['arrowright'], title: 'Pan right' },
  'view.panUp': { keys: ['arrowup'], title: 'Pan up' },
  'view.panDown': { keys: ['arrowdown'], title: 'Pan down' },
  'view.instruction': { keys: ['i'], title: 'Show the instruction' },
  'view.help': { keys: ['shift+?', '?'], title: 'Show this list of shortcuts' },
  'task.submit': { keys: ['mod+enter'], title: 'Submit (or accept, when reviewing)' },
  'task.skip': { keys: ['mod+shift+s'], title: 'Skip this task with a reason' },
  'review.reject': { keys: ['mod+shift+r'], title: 'Reject (when reviewing)' },
  'review.fix': { keys: ['mod+shift+f'], title: 'Fix: edit the answer (when reviewing)' },
} as const satisfies Record<string, { keys: readonly string[]; title: string }>;

export type HotkeyAction = keyof typeof hotkeyActions;
export type HotkeyMap = Readonly<Record<HotkeyAction, readonly string[]>>;

export const allHotkeyActions = Object.keys(hotkeyActions) as HotkeyAction[];

export const defaultHotkeys: HotkeyMap = Object.fromEntries(allHotkeyActions.map((a) => [a, hotkeyActions[a].keys])) as unknown as HotkeyMap;

/** The parts of a keyboard event a shortcut depends on (a subset of KeyboardEvent). */
export interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

/**
 * A key event as a chord string: `mod+shift+z`. `mod` is Ctrl, or Cmd on a Mac, so one map serves
 * both. Shift is part of the chord except for keys whose character already says it (`?`, `+`).
 */
export function chordOf(e: KeyLike): string {
  // `+` separates a chord's parts, so the key itself is spelt `plus`.
  const key = e.key === ' ' ? 'space' : e.key === '+' ? 'plus' : e.key.toLowerCase();
  const parts: string[] = [];
  if (e.ctrlKey || e.metaKey) parts.push('mod');
  if (e.altKey) parts.push('alt');
  const printable = (key.length === 1 && !/[a-z0-9]/.test(key)) || key === 'plus';
  if (e.shiftKey && (!printable || key === '?')) parts.push('shift');
  parts.push(key);
  return parts.join('+');
}

/** Normalizes a chord typed by hand: modifier order, `ctrl`/`cmd` as `mod`. */
export function normalizeChord(chord: string): string {
  const parts = chord.toLowerCase().split('+').filter(Boolean);
  const key = parts.pop() ?? '';
  const mods = new Set(parts.map((p) => (p === 'ctrl' || p === 'cmd' || p === 'meta' ? 'mod' : p)));
  return [...['mod', 'alt', 'shift'].filter((m) => mods.has(m)), key].join('+');
}

/** Builds the lookup from chord to action; later entries do not override earlier ones. */
export function chordIndex(map: HotkeyMap): Map<string, HotkeyAction> {
  const index = new Map<string, HotkeyAction>();
  for (const action of allHotkeyActions) {
    for (const chord of map[action]) {
      const c = normalizeChord(chord);
      if (!index.has(c)) index.set(c, action);
    }
  }
  return index;
}

export function actionFor(index: ReadonlyMap<string, HotkeyAction>, e: KeyLike): HotkeyAction | undefined {
  return index.get(chordOf(e));
}

/**
 * Binds `chord` to `action` alone: the chord is taken from whichever action had it, so no key ever
 * does two things. Returns the new map and the action that lost the chord, if any.
 */
export function rebind(map: HotkeyMap, action: HotkeyAction, chord: string): { map: HotkeyMap; displaced?: HotkeyAction } {
  const c = normalizeChord(chord);
  let displaced: HotkeyAction | undefined;
  const next = { ...map } as Record<HotkeyAction, readonly string[]>;
  for (const a of allHotkeyActions) {
    if (a !== action && next[a].some((k) => normalizeChord(k) === c)) {
      next[a] = next[a].filter((k) => normalizeChord(k) !== c);
      displaced = a;
    }
  }
  next[action] = [c];
  return displaced ? { map: next, displaced } : { map: next };
}

const STORAGE_KEY = 'tessera.hotkeys.v1';

/** Minimal storage interface, so tests can pass a Map-backed one. */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** The person's map: defaults, with their overrides on top (unknown or broken entries ignored). */
export function loadHotkeys(store: KeyValueStore | undefined): HotkeyMap {
  const raw = store?.getItem(STORAGE_KEY);
  if (!raw) return defaultHotkeys;
  try {
    const saved = JSON.parse(raw) as Record<string, unknown>;
    const map = { ...defaultHotkeys } as Record<HotkeyAction, readonly string[]>;
    for (const a of allHotkeyActions) {
      const v = saved[a];
      if (Array.isArray(v) && v.every((k) => typeof k === 'string')) map[a] = v as string[];
    }
    return map;
  } catch {
    return defaultHotkeys;
  }
}

/** Saves only what differs from the defaults, so new defaults still reach people later. */
export function saveHotkeys(store: KeyValueStore | undefined, map: HotkeyMap): void {
  if (!store) return;
  const diff = Object.fromEntries(allHotkeyActions.filter((a) => map[a].join() !== defaultHotkeys[a].join()).map((a) => [a, map[a]]));
  if (Object.keys(diff).length === 0) store.removeItem(STORAGE_KEY);
  else store.setItem(STORAGE_KEY, JSON.stringify(diff));
}

/** `mod+shift+z` as people read it on this machine: `Ctrl+Shift+Z`. */
export function displayChord(chord: string, mac = false): string {
  return normalizeChord(chord)
    .split('+')
    .map((p) => (p === 'mod' ? (mac ? '⌘' : 'Ctrl') : p === 'plus' ? '+' : p.length === 1 ? p.toUpperCase() : p[0]!.toUpperCase() + p.slice(1)))
    .join('+');
}
