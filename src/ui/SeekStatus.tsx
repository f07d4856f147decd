import { selectSeeking } from '../store/selectors';
import { useDebuggerState } from './context';
import './SeekStatus.css';

/** "Going to step N…" while a far cursor move is made in slices (the cursor lands after). */
export function seekText(seeking: number): string {
  return `Going to step ${seeking + 1}…`;
}

/**
 * A polite status that says where a far move goes while it is under way; always in the page,
 * empty otherwise, so that a screen reader hears it when it starts.
 */
export function SeekStatus() {
  const seeking = useDebuggerState(selectSeeking);
  return (
    <span className="seek-status" role="status" aria-live="polite">
      {seeking !== null ? seekText(seeking) : ''}
    </span>
  );
}
