import { selectBusy, selectProgress } from '../store/selectors';
import { ActionButton } from './ActionButton';
import { actionById } from './actions/registry';
import type { ActionContext, Action } from './actions/types';
import { useDebuggerState } from './context';
import { progressFraction, progressText } from './progressText';

interface Props {
  ctx: ActionContext;
  run: (action: Action) => void;
}

/** While the engine runs: what it is doing, how far it is, and a way to stop it. */
export function EngineProgress({ ctx, run }: Props) {
  const busy = useDebuggerState(selectBusy);
  const progress = useDebuggerState(selectProgress);
  const text = progressText(progress);
  const fraction = progressFraction(progress);
  return (
    <span className={`busy${busy ? ' on' : ''}`}>
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
          <span className="busy-text">{text}</span>
          <ActionButton action={actionById('cancel-run')} ctx={ctx} run={run} label="Cancel" />
        </>
      ) : null}
    </span>
  );
}
