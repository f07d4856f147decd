import { useMemo } from 'react';
import { selectCursor, selectNotices, selectRecording } from '../store/selectors';
import { noticeShown } from '../store/stepResult';
import { useDebugger, useDebuggerState } from './context';
import { StaleResult } from './StaleResult';

/**
 * Errors and warnings: failed actions (errno and message), engine restarts. A notice about a
 * step's result ("checkpoint failed: EBUSY") belongs to that step: it shows while the cursor is
 * on it, not after a later step or elsewhere on the timeline.
 */
export function Notices() {
  const { store } = useDebugger();
  const all = useDebuggerState(selectNotices);
  const recording = useDebuggerState(selectRecording);
  const cursor = useDebuggerState(selectCursor);
  const notices = useMemo(
    () => all.filter((n) => noticeShown(n, recording, cursor)),
    [all, recording, cursor],
  );
  return (
    <>
      <div className="notices" role="alert" aria-label="Notices">
        {notices.map((n) => (
          <div key={n.id} className={`notice ${n.kind}`}>
            <span className="notice-kind" aria-hidden="true">
              {n.kind === 'error' ? '✖' : n.kind === 'warning' ? '⚠' : 'ℹ'}
            </span>
            <span className="notice-text">{n.text}</span>
            <button
              type="button"
              className="small"
              onClick={() => store.getState().dismiss(n.id)}
              aria-label={`Dismiss: ${n.text}`}
            >
              ✕
            </button>
          </div>
        ))}
      </div>
      <StaleResult />
    </>
  );
}
