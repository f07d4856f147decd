import { selectBusy, selectProgress } from '../store/selectors';
import { ActionButton } from './ActionButton';
import { useDebuggerState } from './context';
import { progressFraction, progressText } from './progressText';

/**
 * While the engine runs: what it is doing, how far it is, and a way to stop it. It is a row of
 * its own above the notices, not part of the toolbar: in the toolbar its words pushed Cancel
 * out of a 1,440-pixel window and moved it at every change of step, so a click aimed at it
 * could land beside it. Here the words have a fixed width, and Cancel stays where it is.
 */
export function EngineProgress() {
  // The explorer shows its own progress in its panel.
  const busy = useDebuggerState(selectBusy) === 'load';
  const progress = useDebuggerState(selectProgress);
  const text = progressText(progress);
  const fraction = progressFraction(progress);
  return (
    <div className={`engine-run${busy ? ' on' : ''}`}>
      {/* Only "running" is announced: a screen reader should not read every progress tick. */}
      <span role="status" aria-live="polite" className="sr-only">
        {busy ? 'engine running' : ''}
      </span>
      {busy ? (
        <>
          <progress
            aria-label="Engine progress"
            aria-valuetext={text}
            max={1}
            {...(fraction === null ? {} : { value: fraction })}
          />
          <span className="engine-run-text" title={text}>
            {text}
          </span>
          <ActionButton id="cancel-run" label="Cancel" />
        </>
      ) : null}
    </div>
  );
}
