import { selectNotices } from '../store/selectors';
import { useDebugger, useDebuggerState } from './context';

/** Errors and warnings: failed actions (errno and message), engine restarts. */
export function Notices() {
  const { store } = useDebugger();
  const notices = useDebuggerState(selectNotices);
  return (
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
  );
}
