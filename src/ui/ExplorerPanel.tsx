import { VARIANTS, type Variant } from '../engine/scenario/types';
import { selectBusy, selectExploreResult, selectParams } from '../store/selectors';
import { ExploreProgressStatus } from './ExploreProgressStatus';
import { ActionButton } from './ActionButton';
import { explorerVariant } from './actions/explorerActions';
import { useDebugger, useDebuggerState } from './context';

/** 4630 -> "4,630"; 2.96e23 -> "≈3.0e23". */
export function count(n: number): string {
  return n < 1e9 ? n.toLocaleString('en-US') : `≈${n.toExponential(1).replace('+', '')}`;
}

const SCHEDULES = ['fifo', 'random:1', 'random:2', 'random:3', 'random:42'];

/** Restart options (variant, schedule) and the interleaving explorer with its violations. */
export function ExplorerPanel() {
  const { store } = useDebugger();
  const params = useDebuggerState(selectParams);
  const exploring = useDebuggerState(selectBusy) === 'explore';
  const result = useDebuggerState(selectExploreResult);
  const variant = useDebuggerState(explorerVariant);
  return (
    <section className="panel explorer" aria-label="Explorer">
      <div className="panel-head">
        <h2>Restart and explorer</h2>
      </div>
      <div className="panel-body">
        <div className="row">
          <label>
            Variant
            <select
              value={variant}
              onChange={(e) => store.getState().setParams({ variant: e.target.value as Variant })}
            >
              {VARIANTS.map((v) => (
                <option key={v} value={v}>
                  {v}
                </option>
              ))}
            </select>
          </label>
          <label>
            Schedule
            <select
              value={params.schedule}
              onChange={(e) => store.getState().setParams({ schedule: e.target.value })}
            >
              {SCHEDULES.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </select>
          </label>
        </div>
        <div className="row">
          {exploring ? (
            <>
              <ExploreProgressStatus />
              <ActionButton id="cancel-run" className="small" label="Cancel" />
            </>
          ) : (
            <ActionButton id="explore" className="small" />
          )}
        </div>
        {result ? (
          <div className="explore-result">
            {result.cancelled ? (
              <p role="status" aria-label="Exploration cancelled">
                Cancelled after {count(result.states)} states and {count(result.schedules)}{' '}
                schedules: what it found so far is below.
              </p>
            ) : null}
            <p className={result.violations.length ? 'bad' : 'good'}>
              {result.violations.length
                ? `✖ ${result.violations.length} invariant(s) violated`
                : result.complete
                  ? '✓ no invariant violated'
                  : '✓ no invariant violated in the states explored'}{' '}
              <span className="dim">
                ({result.variant}: {count(result.states)} states, {count(result.schedules)}{' '}
                schedules
                {result.cancelled ? ', cancelled' : result.complete ? '' : ', incomplete'})
              </span>
            </p>
            <ul>
              {result.violations.map((v) => (
                <li key={v.invariant}>
                  <strong>{v.invariant}</strong> <span className="dim">{v.message}</span>{' '}
                  <ActionButton
                    id="open-counterexample"
                    args={[v]}
                    className="small"
                    label="Open"
                    name={`Open ${v.invariant} counterexample`}
                  />
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </div>
    </section>
  );
}
