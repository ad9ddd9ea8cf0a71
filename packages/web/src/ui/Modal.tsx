import { useEffect, type ReactNode } from 'react';

/** A dialog over the page; Escape or a click outside closes it. */
export function Modal(props: { title: string; onClose(): void; children: ReactNode; wide?: boolean; testId?: string }) {
  useEffect(() => {
    const key = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        e.stopPropagation();
        props.onClose();
      }
    };
    window.addEventListener('keydown', key, true);
    return () => window.removeEventListener('keydown', key, true);
  }, [props]);
  return (
    <div className="modal-backdrop" onPointerDown={(e) => e.target === e.currentTarget && props.onClose()}>
      <div className={props.wide ? 'modal wide' : 'modal'} role="dialog" aria-label={props.title} data-testid={props.testId}>
        <header>
          <h2>{props.title}</h2>
          <button className="ghost" onClick={props.onClose} aria-label="Close">
            ×
          </button>
        </header>
        <div className="modal-body">{props.children}</div>
      </div>
    </div>
  );
}
