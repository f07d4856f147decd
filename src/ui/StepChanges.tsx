import { useMemo } from 'react';
import { describeChanges } from '../store/diff';
import { selectCursor, selectTimeline } from '../store/selectors';
import { useDebuggerState } from './context';

const MAX = 40;

/** What the current step changed compared with the step before it. */
export function StepChanges() {
  const timeline = useDebuggerState(selectTimeline);
  const cursor = useDebuggerState(selectCursor);
  const changes = useMemo(() => {
    if (!timeline || cursor < 0 || cursor >= timeline.length) return null;
    return describeChanges(timeline.at(cursor - 1), timeline.at(cursor));
  }, [timeline, cursor]);
  if (!changes) return null;
  return (
    <div className="changes">
      <h3>This step changed</h3>
      {changes.length === 0 ? (
        <p className="dim">nothing visible in the snapshot</p>
      ) : (
        <ul>
          {changes.slice(0, MAX).map((c) => (
            <li key={c}>{c}</li>
          ))}
          {changes.length > MAX ? <li className="dim">… and {changes.length - MAX} more</li> : null}
        </ul>
      )}
    </div>
  );
}
