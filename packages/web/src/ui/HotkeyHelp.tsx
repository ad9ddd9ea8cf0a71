import { useEffect, useState } from 'react';
import { allHotkeyActions, chordOf, displayChord, hotkeyActions, type HotkeyAction } from '../workspace/hotkeys.js';
import { useHotkeyMap } from './hotkeys-context.js';
import { Modal } from './Modal.js';

const isMac = typeof navigator !== 'undefined' && /Mac/.test(navigator.platform);

/** The shortcut map (`?`): every action, its keys, and a way to change them. */
export function HotkeyHelp(props: { onClose(): void }) {
  const { map, rebind, reset } = useHotkeyMap();
  const [editing, setEditing] = useState<HotkeyAction | undefined>();
  const [note, setNote] = useState<string>();

  useEffect(() => {
    if (!editing) return;
    const capture = (e: KeyboardEvent) => {
      if (['Shift', 'Control', 'Alt', 'Meta'].includes(e.key)) return;
      e.preventDefault();
      e.stopPropagation();
      if (e.key === 'Escape') return setEditing(undefined);
      const chord = chordOf(e);
      const displaced = rebind(editing, chord);
      setNote(displaced ? `${displayChord(chord, isMac)} was taken from “${hotkeyActions[displaced].title}”.` : undefined);
      setEditing(undefined);
    };
    window.addEventListener('keydown', capture, true);
    return () => window.removeEventListener('keydown', capture, true);
  }, [editing, rebind]);

  return (
    <Modal title="Keyboard shortcuts" onClose={props.onClose} wide testId="hotkey-help">
      <p className="muted">
        Click a key to change it, then press the new one. Hold <kbd>Space</kbd> and drag to pan; the mouse wheel zooms. Double-click an edge to add a
        vertex, Alt-click a vertex to remove it.
      </p>
      {note && <p className="note">{note}</p>}
      <table className="hotkeys">
        <tbody>
          {allHotkeyActions.map((a) => (
            <tr key={a}>
              <td>{hotkeyActions[a].title}</td>
              <td>
                <button className="key" onClick={() => setEditing(a)} data-action={a}>
                  {editing === a ? 'press a key…' : map[a].length ? map[a].map((k) => displayChord(k, isMac)).join(' / ') : '—'}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button onClick={reset}>Restore defaults</button>
    </Modal>
  );
}
