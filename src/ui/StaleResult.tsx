import { selectParams } from '../store/selectors';
import { selectStaleFindingsVariant, selectStaleTraceVariant } from '../store/stale';
import { ActionButton } from './ActionButton';
import { useDebuggerState } from './context';
import './staleResult.css';

/**
 * Says when what is on screen was made under another restart variant than the one picked now
 * (the trace, the explorer's findings), and offers to run it again.
 */
export function StaleResult() {
  const trace = useDebuggerState(selectStaleTraceVariant);
  const findings = useDebuggerState(selectStaleFindingsVariant);
  const chosen = useDebuggerState(selectParams).variant;
  if (!trace && !findings) return null;
  const what = [
    trace ? `this trace ran under ${trace}` : null,
    findings ? `the explorer’s findings are for ${findings}` : null,
  ]
    .filter(Boolean)
    .join(' and ');
  return (
    <div className="notice warning stale" role="status" aria-label="Stale result">
      <span className="notice-kind" aria-hidden="true">
        ⚠
      </span>
      <span className="notice-text">
        Stale: Variant is {chosen}, but {what}.
      </span>
      {trace ? <ActionButton id="rerun-variant" className="small" /> : null}
      {findings ? <ActionButton id="explore" className="small" label="Explore again" /> : null}
    </div>
  );
}
