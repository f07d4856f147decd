import { memo, useCallback, useEffect, useRef } from 'react';
import type { Frame } from '../engine/snapshot';
import { selectCursor, selectFrames } from '../store/selectors';
import { useDebugger, useDebuggerState } from './context';

const Row = memo(function Row({
  frame,
  index,
  current,
  onJump,
}: {
  frame: Frame;
  index: number;
  current: boolean;
  onJump: (i: number) => void;
}) {
  const e = frame.event;
  return (
    <li
      className={`${current ? 'current' : ''}${e.errno ? ' err' : ''}`}
      aria-current={current ? 'step' : undefined}
    >
      <button type="button" tabIndex={current ? 0 : -1} onClick={() => onJump(index)}>
        <span className="n">{index + 1}</span>
        <span className="actor">{e.actor}</span>
        <span className="fn">{e.fn}</span>
        <span className="what">
          {e.what}
          {e.errno ? <strong className="errno"> {e.errno}</strong> : null}
        </span>
      </button>
    </li>
  );
});

/** Every event: actor, kernel function, what happened; the current one highlighted and in view. */
export function EventLog() {
  const { store } = useDebugger();
  const frames = useDebuggerState(selectFrames);
  const cursor = useDebuggerState(selectCursor);
  const list = useRef<HTMLOListElement>(null);

  useEffect(() => {
    const el = list.current?.querySelector('li.current');
    if (el && 'scrollIntoView' in el) el.scrollIntoView({ block: 'nearest' });
  }, [cursor, frames]);

  const onJump = useCallback((i: number) => store.getState().setCursor(i), [store]);
  return (
    <section className="panel event-log" aria-label="Event log">
      <div className="panel-head">
        <h2>Event log</h2>
        <span className="dim">{frames ? `${frames.length} events` : ''}</span>
      </div>
      <ol ref={list} className="events">
        <li
          className={cursor === -1 ? 'current' : ''}
          aria-current={cursor === -1 ? 'step' : undefined}
        >
          <button type="button" tabIndex={cursor === -1 ? 0 : -1} onClick={() => onJump(-1)}>
            <span className="n">0</span>
            <span className="actor">—</span>
            <span className="fn">(initial)</span>
            <span className="what">the scenario’s tree before any step</span>
          </button>
        </li>
        {(frames ?? []).map((f, i) => (
          <Row key={i} frame={f} index={i} current={i === cursor} onJump={onJump} />
        ))}
      </ol>
    </section>
  );
}
