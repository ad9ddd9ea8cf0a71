import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { actionFor, chordIndex, loadHotkeys, rebind, saveHotkeys, defaultHotkeys, type HotkeyAction, type HotkeyMap } from '../workspace/hotkeys.js';

interface HotkeysValue {
  map: HotkeyMap;
  rebind(action: HotkeyAction, chord: string): HotkeyAction | undefined;
  reset(): void;
}

const HotkeysContext = createContext<HotkeysValue>({ map: defaultHotkeys, rebind: () => undefined, reset: () => undefined });

function storage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

export function HotkeysProvider(props: { children: ReactNode }) {
  const [map, setMap] = useState<HotkeyMap>(() => loadHotkeys(storage()));
  const value = useMemo<HotkeysValue>(
    () => ({
      map,
      rebind: (action, chord) => {
        const next = rebind(map, action, chord);
        saveHotkeys(storage(), next.map);
        setMap(next.map);
        return next.displaced;
      },
      reset: () => {
        saveHotkeys(storage(), defaultHotkeys);
        setMap(defaultHotkeys);
      },
    }),
    [map],
  );
  return <HotkeysContext.Provider value={value}>{props.children}</HotkeysContext.Provider>;
}

export function useHotkeyMap(): HotkeysValue {
  return useContext(HotkeysContext);
}

function typingIn(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
}

/**
 * Calls `handler` for shortcut actions it knows (returns true when it handled one). While typing in a
 * field only chords with Ctrl/Cmd, and Escape, count, so a label search for "b" does not pick a tool.
 */
export function useHotkeys(handler: (action: HotkeyAction, e: KeyboardEvent) => boolean, enabled = true): void {
  const { map } = useHotkeyMap();
  const index = useMemo(() => chordIndex(map), [map]);
  const ref = useRef(handler);
  ref.current = handler;
  const listener = useCallback(
    (e: KeyboardEvent) => {
      if (e.defaultPrevented) return;
      // An open dialog owns the keyboard (it handles its own Escape); the page under it must not react.
      if (document.querySelector('[role=dialog]')) return;
      if (typingIn(e.target) && !(e.ctrlKey || e.metaKey) && e.key !== 'Escape') return;
      const action = actionFor(index, e);
      if (action && ref.current(action, e)) e.preventDefault();
    },
    [index],
  );
  useEffect(() => {
    if (!enabled) return;
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, [listener, enabled]);
}
