import { useMemo } from 'react';
import { stepChangeLines } from '../store/diff';
import {
  selectCursor,
  selectFrames,
  selectPreviousSnapshot,
  selectSnapshot,
} from '../store/selectors';
import { useDebuggerState } from './context';
import { VirtualLines } from './VirtualLines';

/** Up to this many lines are a plain list; more scroll in a virtualised one. */
const PLAIN = 40;

/** What the current step changed compared with the step before it. */
export function StepChanges() {
  const frames = useDebuggerState(selectFrames);
  const cursor = useDebuggerState(selectCursor);
  const before = useDebuggerState(selectPreviousSnapshot);
  const after = useDebuggerState(selectSnapshot);
  const changes = useMemo(() => {
    const frame = frames?.get(cursor);
    if (!frame || !before || !after) return null;
    const tasks = frame.change?.tasks ?? null;
    // The participants the frame changed, unless it replaced the whole list.
    const parts = frame.change?.participantsReset
      ? undefined
      : (frame.change?.participants?.map((p) => p.i) ?? []);
    return stepChangeLines(before, after, tasks, parts);
  }, [frames, cursor, before, after]);
  if (!changes) return null;
  return (
    <div className="changes">
      <h3>This step changed</h3>
      {changes.length === 0 ? (
        <p className="dim">nothing visible in the snapshot</p>
      ) : changes.length <= PLAIN ? (
        <ul>
          {Array.from({ length: changes.length }, (_, i) => (
            <li key={i}>{changes.at(i)}</li>
          ))}
        </ul>
      ) : (
        <VirtualLines
          lines={changes}
          label={`${changes.length.toLocaleString('en')} changes at this step`}
        />
      )}
    </div>
  );
}
