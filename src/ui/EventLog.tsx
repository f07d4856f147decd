import { memo, useCallback, useEffect, useRef, useState } from 'react';
import type { Frame } from '../engine/timeline/changes';
import { selectCursor, selectFrames } from '../store/selectors';
import { useDebugger, useDebuggerState } from './context';

/** Row height in px (kept in sync with .events button in app.css); rows are virtualised. */
const ROW_H = 19;
const OVERSCAN = 20;

interface RowProps {
  frame: Frame | null;
  index: number;
  current: boolean;
  onJump: (i: number) => void;
}

const Row = memo(function Row({ frame, index, current, onJump }: RowProps) {
  const e = frame?.event;
  return (
    <li
      className={`${current ? 'current' : ''}${e?.errno ? ' err' : ''}`}
      aria-current={current ? 'step' : undefined}
      style={{ top: (index + 1) * ROW_H }}
    >
      <button type="button" tabIndex={current ? 0 : -1} onClick={() => onJump(index)}>
        <span className="n">{index + 1}</span>
        <span className="actor">{e ? e.actor : '—'}</span>
        <span className="fn">{e ? e.fn : '(initial)'}</span>
        <span className="what">
          {e ? e.what : 'the scenario’s tree before any step'}
          {e?.errno ? <strong className="errno"> {e.errno}</strong> : null}
        </span>
      </button>
    </li>
  );
});

/**
 * Every event: actor, kernel function, what happened; the current one highlighted and kept in
 * view; click to jump. Only the rows in view are rendered, so long restarts stay fast.
 */
export function EventLog() {
  const { store } = useDebugger();
  const frames = useDebuggerState(selectFrames);
  const cursor = useDebuggerState(selectCursor);
  const list = useRef<HTMLOListElement>(null);
  const [view, setView] = useState({ top: 0, height: 400 });
  // Where the list is scrolled and how tall it is, as scroll and resize events last said:
  // reading them from the DOM at every step would force a layout while the tree is drawing.
  const pos = useRef({ top: 0, height: 400 });
  const count = (frames?.length ?? 0) + 1;

  useEffect(() => {
    const el = list.current;
    if (!el) return;
    pos.current = { top: el.scrollTop, height: el.clientHeight };
    const ro = new ResizeObserver(([entry]) => {
      pos.current = { ...pos.current, height: entry.contentRect.height };
      setView(pos.current);
    });
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  useEffect(() => {
    const el = list.current;
    if (!el) return;
    // Keep the current row in view (row -1 is the initial state at the top).
    const { top, height } = pos.current;
    const y = (cursor + 1) * ROW_H;
    const next = y < top ? y : y + ROW_H > top + height ? y + ROW_H - height : top;
    if (next !== top) {
      el.scrollTop = next;
      pos.current = { top: next, height };
    }
    setView(pos.current);
  }, [cursor, frames]);

  const onJump = useCallback((i: number) => store.getState().setCursor(i), [store]);
  const first = Math.max(0, Math.floor(view.top / ROW_H) - OVERSCAN);
  const last = Math.min(count, Math.ceil((view.top + view.height) / ROW_H) + OVERSCAN);
  const rows = [];
  for (let r = first; r < last; r++) {
    const i = r - 1;
    rows.push(
      <Row
        key={i}
        frame={i < 0 ? null : (frames?.[i] ?? null)}
        index={i}
        current={i === cursor}
        onJump={onJump}
      />,
    );
  }
  return (
    <section className="panel event-log" aria-label="Event log">
      <div className="panel-head">
        <h2>Event log</h2>
        <span className="dim">{frames ? `${frames.length} events` : ''}</span>
      </div>
      <ol
        ref={list}
        className="events"
        onScroll={(e) => {
          pos.current = { ...pos.current, top: e.currentTarget.scrollTop };
          setView(pos.current);
        }}
      >
        <li className="events-spacer" style={{ height: count * ROW_H }} aria-hidden="true" />
        {rows}
      </ol>
    </section>
  );
}
