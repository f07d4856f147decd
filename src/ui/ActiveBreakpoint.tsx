import { selectBreakpoints } from '../store/selectors';
import { runAction } from './actions/run';
import { useDebugger, useDebuggerState } from './context';

/** Toggles the breakpoint "when pid N becomes active" (gets the active_pid baton). */
export function ActiveBreakpoint({ pid }: { pid: number }) {
  const instance = useDebugger();
  const bps = useDebuggerState(selectBreakpoints);
  const on = bps.some((b) => b.kind === 'active' && b.pid === pid);
  return (
    <label className="check bp-active">
      <input
        type="checkbox"
        checked={on}
        onChange={() => runAction(instance, 'break-when-active', 'button', pid)}
      />
      Break when pid {pid} becomes active
    </label>
  );
}
