import { useMemo } from 'react';
import { describeChanges } from '../store/diff';
import {
  selectCursor,
  selectFrames,
  selectPreviousSnapshot,
  selectSnapshot,
} from '../store/selectors';
import { useDebuggerState } from './context';

const MAX = 40;

/** What the current step changed compared with the step before it. */
export function StepChanges() {
  const frames = useDebuggerState(selectFrames);
  const cursor = useDebuggerState(selectCursor);
  const before = useDebuggerState(selectPreviousSnapshot);
  const after = useDebuggerState(selectSnapshot);
  const changes = useMemo(() => {
    const frame = frames?.[cursor];
    if (!frame || !before || !after) return null;
    const tasks = frame.change?.tasks ?? null;
    const lines = describeChanges(before, after, tasks, MAX + 1);
    return { lines, tasks: tasks?.length ?? 0 };
  }, [frames, cursor, before, after]);
  if (!changes) return null;
  return (
    <div className="changes">
      <h3>This step changed</h3>
      {changes.lines.length === 0 ? (
        <p className="dim">nothing visible in the snapshot</p>
      ) : (
        <ul>
          {changes.lines.slice(0, MAX).map((c) => (
            <li key={c}>{c}</li>
          ))}
          {changes.lines.length > MAX ? (
            <li className="dim">… and more ({changes.tasks.toLocaleString('en')} tasks changed)</li>
          ) : null}
        </ul>
      )}
    </div>
  );
}
