import { memo, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { EngineEvent } from '../engine/events';
import { parseEventQuery } from '../store/eventQuery';
import { useEventFilter } from './useEventFilter';
import { selectCursor, selectFrames } from '../store/selectors';
import { useDebugger, useDebuggerState } from './context';
import { EventFilter } from './EventFilter';
import { scrollScale, type ScrollScale } from './scaledScroll';

/** Row height in px (kept in sync with .events button in app.css); rows are virtualised. */
const ROW_H = 19;
const OVERSCAN = 20;

interface RowProps {
  event: EngineEvent | null;
  index: number;
  /** The row's top in the scrolled list, px. */
  y: number;
  current: boolean;
  onJump: (i: number) => void;
}

const Row = memo(function Row({ event: e, index, y, current, onJump }: RowProps) {
  return (
    <li
      className={`${current ? 'current' : ''}${e?.errno ? ' err' : ''}`}
      aria-current={current ? 'step' : undefined}
      style={{ top: y }}
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
 * view; click to jump. Only the rows in view are rendered, so long restarts stay fast. The
 * search box keeps only the events matching its query (store/eventQuery.ts).
 */
export function EventLog() {
  const { store } = useDebugger();
  const frames = useDebuggerState(selectFrames);
  const cursor = useDebuggerState(selectCursor);
  const list = useRef<HTMLOListElement>(null);
  // Where the list is scrolled (top: the rows' px shown first; scroll: the scrollTop that shows
  // them, which differs past scaledScroll's cap) and how tall it is, as scroll and resize events
  // last said: reading them from the DOM at every step would force a layout while the tree draws.
  const [view, setView] = useState({ top: 0, scroll: 0, height: 400 });
  const pos = useRef({ top: 0, scroll: 0, height: 400 });
  const [filter, setFilter] = useState('');
  const query = useMemo(() => parseEventQuery(filter), [filter]);
  // The frames shown, by index (-1 is the initial state); null when nothing is filtered out.
  const { shown, reading } = useEventFilter(frames, query);
  const count = shown ? shown.length : (frames?.length ?? 0) + 1;
  const frameAt = (r: number) => (shown ? shown[r] : r - 1);
  const scale = scrollScale(count * ROW_H, view.height);
  // The wheel handler, added once, reads the scale the last render drew with.
  const scaleRef = useRef<ScrollScale>(scale);
  useEffect(() => {
    scaleRef.current = scale;
  });

  useEffect(() => {
    const el = list.current;
    if (!el) return;
    pos.current = { top: el.scrollTop, scroll: el.scrollTop, height: el.clientHeight };
    const ro = new ResizeObserver(([entry]) => {
      pos.current = { ...pos.current, height: entry.contentRect.height };
      setView(pos.current);
    });
    ro.observe(el);
    // Past the cap a scroll px is several rows' px: the wheel moves the rows by its own px, as
    // it does in a short list, instead of by scaled-up ones.
    const onWheel = (e: WheelEvent) => {
      const sc = scaleRef.current;
      if (sc.factor === 1 || e.deltaY === 0) return;
      e.preventDefault();
      const { height } = pos.current;
      const unit = e.deltaMode === 1 ? ROW_H : e.deltaMode === 2 ? height : 1;
      const top = sc.toContent((pos.current.top + e.deltaY * unit) / sc.factor);
      const scroll = sc.toScroll(top);
      el.scrollTop = scroll;
      pos.current = { top, scroll, height };
      setView(pos.current);
    };
    el.addEventListener('wheel', onWheel, { passive: false });
    return () => {
      ro.disconnect();
      el.removeEventListener('wheel', onWheel);
    };
  }, []);

  useEffect(() => {
    const el = list.current;
    if (!el) return;
    // Keep the current row in view (row -1 is the initial state at the top).
    const { top, height } = pos.current;
    const y = (shown ? lowerBound(shown, cursor) : cursor + 1) * ROW_H;
    const next = y < top ? y : y + ROW_H > top + height ? y + ROW_H - height : top;
    // The scale changes with the shown rows' count, so the scrollTop can change at the same top.
    const scroll = scrollScale(count * ROW_H, height).toScroll(next);
    if (next !== top || Math.abs(scroll - pos.current.scroll) >= 1) {
      pos.current = { top: next, scroll, height };
      // Written at the next frame, whose own layout it then uses: written here, right after a
      // big commit, it forced that layout inside the commit's task (41 ms of a 2,000-task
      // restart's open). The rows are placed for it already; nothing is painted in between.
      // The latest wanted scrollTop is written, so two moves within a frame land on the second.
      requestAnimationFrame(() => {
        el.scrollTop = pos.current.scroll;
      });
    }
    setView(pos.current);
  }, [cursor, frames, shown, count]);

  const onJump = useCallback((i: number) => store.getState().setCursor(i), [store]);
  const first = Math.max(0, Math.floor(view.top / ROW_H) - OVERSCAN);
  const last = Math.min(count, Math.ceil((view.top + view.height) / ROW_H) + OVERSCAN);
  const rows = [];
  for (let r = first; r < last; r++) {
    const i = frameAt(r);
    rows.push(
      <Row
        key={i}
        event={i < 0 ? null : (frames?.eventAt(i) ?? null)}
        index={i}
        y={view.scroll + r * ROW_H - view.top}
        current={i === cursor}
        onJump={onJump}
      />,
    );
  }
  return (
    <section className="panel event-log" aria-label="Event log">
      <div className="panel-head">
        <h2>Event log</h2>
        <span className="dim" aria-live="polite">
          {!frames
            ? ''
            : reading
              ? `filtering… ${Math.round((100 * reading.done) / reading.of)}%`
              : shown
                ? `${shown.length} of ${frames.length} events`
                : `${frames.length} events`}
        </span>
      </div>
      <EventFilter value={filter} onChange={setFilter} />
      {shown && shown.length === 0 ? <p className="dim events-none">No event matches.</p> : null}
      <ol
        ref={list}
        className="events"
        onScroll={(e) => {
          const scroll = e.currentTarget.scrollTop;
          // Our own scrollTop coming back (rounded to what the screen can show) keeps its top.
          if (scale.factor !== 1 && Math.abs(scroll - pos.current.scroll) < 1) return;
          pos.current = { ...pos.current, top: scale.toContent(scroll), scroll };
          setView(pos.current);
        }}
      >
        <li className="events-spacer" style={{ height: scale.height }} aria-hidden="true" />
        {rows}
      </ol>
    </section>
  );
}

/** The row of frame `i` in the sorted `shown`: its own, or where it would be. */
function lowerBound(shown: number[], i: number): number {
  let lo = 0;
  let hi = shown.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (shown[mid] < i) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
