import { useState } from 'react';
import type { Lines } from '../store/diff';
import './virtualLines.css';

/** Row height in px, kept in sync with .virtual-lines li in virtualLines.css. */
const ROW_H = 18;
/** Rows drawn above and below the visible ones, so a fast scroll shows no gap. */
const OVERSCAN = 8;
/** Visible rows before the list scrolls. */
const VISIBLE = 14;

/**
 * A long list of text lines, all reachable but only the visible ones in the DOM: a step of a
 * 100,000-task restart can change every task, and a list that stopped at 40 hid the rest.
 * Each row says its place (aria-posinset of aria-setsize) for a screen reader.
 */
export function VirtualLines({ lines, label }: { lines: Lines; label: string }) {
  const [top, setTop] = useState(0);
  const height = Math.min(lines.length, VISIBLE) * ROW_H;
  const first = Math.max(0, Math.floor(top / ROW_H) - OVERSCAN);
  const last = Math.min(lines.length, Math.ceil((top + height) / ROW_H) + OVERSCAN);
  const rows = [];
  for (let i = first; i < last; i++) {
    // Made once per row: a step's task lines are built when read (store/diff.ts).
    const line = lines.at(i);
    rows.push(
      <li
        key={i}
        style={{ top: i * ROW_H }}
        title={line}
        aria-setsize={lines.length}
        aria-posinset={i + 1}
      >
        {line}
      </li>,
    );
  }
  return (
    <div
      className="virtual-lines"
      style={{ height }}
      tabIndex={0}
      role="region"
      aria-label={label}
      onScroll={(e) => setTop(e.currentTarget.scrollTop)}
    >
      <ul style={{ height: lines.length * ROW_H }}>{rows}</ul>
    </div>
  );
}
