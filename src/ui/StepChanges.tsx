import { useMemo } from 'react';
import { describeChanges } from '../store/diff';
import { selectCursor, selectRecording } from '../store/selectors';
import { useDebuggerState } from './context';

const MAX = 40;

/** What the current step changed compared with the step before it. */
export function StepChanges() {
  const recording = useDebuggerState(selectRecording);
  const cursor = useDebuggerState(selectCursor);
  const changes = useMemo(() => {
    if (!recording || cursor < 0) return null;
    const before = recording.frames[cursor - 1]?.snapshot ?? recording.initial;
    const after = recording.frames[cursor]?.snapshot;
    return after ? describeChanges(before, after) : null;
  }, [recording, cursor]);
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
