import { useEffect, useRef, useState, type ReactNode } from 'react';
import { scrollToRow, visibleRange } from './virtual.js';

export interface VirtualListProps<T> {
  items: readonly T[];
  rowHeight: number;
  /** Index to keep in view (the selected row). */
  activeIndex?: number | undefined;
  renderRow(item: T, index: number): ReactNode;
  className?: string;
  testId?: string;
}

/**
 * A list that renders only the rows in view: thousands of objects cost the same as thirty. Rows have
 * one fixed height so position is arithmetic, not measurement.
 */
export function VirtualList<T>(props: VirtualListProps<T>) {
  const { items, rowHeight, activeIndex } = props;
  const ref = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(400);

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const ro = new ResizeObserver(([e]) => e && setHeight(e.contentRect.height));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  useEffect(() => {
    const el = ref.current;
    if (!el || activeIndex === undefined || activeIndex < 0) return;
    const to = scrollToRow(activeIndex, el.scrollTop, el.clientHeight, rowHeight);
    if (to !== undefined) el.scrollTop = to;
  }, [activeIndex, rowHeight]);

  const { start, end } = visibleRange(scrollTop, height, rowHeight, items.length);
  const rows: ReactNode[] = [];
  for (let i = start; i < end; i++) {
    rows.push(
      <div key={i} style={{ position: 'absolute', top: i * rowHeight, left: 0, right: 0, height: rowHeight }}>
        {props.renderRow(items[i]!, i)}
      </div>,
    );
  }
  return (
    <div ref={ref} className={props.className} data-testid={props.testId} style={{ overflowY: 'auto', position: 'relative' }} onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}>
      <div style={{ height: items.length * rowHeight, position: 'relative' }}>{rows}</div>
    </div>
  );
}
