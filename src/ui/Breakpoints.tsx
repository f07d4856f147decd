import { selectBreakpoints, selectCurrentEvent } from '../store/selectors';
import type { Breakpoint } from '../store/types';
import { ActionButton } from './ActionButton';
import { runAction } from './actions/run';
import { useDebugger, useDebuggerState } from './context';

function describe(bp: Breakpoint): string {
  if (bp.kind === 'fn') return `on ${bp.fn}`;
  if (bp.kind === 'active') return `when pid ${bp.pid} becomes active`;
  return 'on any error';
}

/** Breakpoint controls: on any error, on the current event's kernel function, and the list. */
export function Breakpoints() {
  const instance = useDebugger();
  const bps = useDebuggerState(selectBreakpoints);
  const event = useDebuggerState(selectCurrentEvent);
  const onError = bps.some((b) => b.kind === 'error');
  return (
    <span className="breakpoints">
      <label className="check">
        <input
          type="checkbox"
          checked={onError}
          onChange={() => runAction(instance, 'break-on-errors', 'button')}
        />
        Break on errors
      </label>
      <ActionButton
        id="break-on-function"
        args={event ? [event.fn] : []}
        className="small"
        label={
          event && bps.some((b) => b.kind === 'fn' && b.fn === event.fn)
            ? `Remove breakpoint on ${event.fn}`
            : `Break on ${event?.fn ?? 'function'}`
        }
      />
      {bps.length > 0 ? (
        <span className="bp-list dim" aria-label="Breakpoints">
          {bps.map((b) => (
            <button
              key={describe(b)}
              type="button"
              className="chip"
              onClick={() => runAction(instance, 'delete-breakpoint', 'button', b)}
              aria-label={`Delete breakpoint ${describe(b)}`}
            >
              ● {describe(b)} ✕
            </button>
          ))}
        </span>
      ) : null}
    </span>
  );
}
