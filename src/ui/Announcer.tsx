import { selectCurrentEvent, selectCursor, selectFrameCount } from '../store/selectors';
import { useDebuggerState } from './context';
import { stepText } from './Timeline';

/** Announces each step to assistive technology: "Step 5 of 40: pid:3 exit_checkpoint …". */
export function Announcer() {
  const cursor = useDebuggerState(selectCursor);
  const frames = useDebuggerState(selectFrameCount);
  const event = useDebuggerState(selectCurrentEvent);
  const text = event
    ? `${stepText(cursor, frames)}: ${event.actor} ${event.fn} ${event.what}${event.errno ? ` (${event.errno})` : ''}`
    : frames > 0
      ? `${stepText(cursor, frames)}: initial state`
      : '';
  return (
    <div
      className="sr-only"
      role="status"
      aria-label="Step announcement"
      aria-live="polite"
      aria-atomic="true"
    >
      {text}
    </div>
  );
}
