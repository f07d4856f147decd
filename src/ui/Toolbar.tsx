import { ActionButton } from './ActionButton';
import { ExitParams, SignalParams } from './ActionParams';
import { EngineProgress } from './EngineProgress';
import { actionById } from './actions/registry';
import { useActionState } from './actions/useActions';

const PROCESS = ['fork', 'thread', 'wait'];
const PROCESS_MORE = ['ignore-sigchld', 'pdeathsig', 'ptrace'];
const CONTAINER = ['freeze', 'thaw', 'checkpoint', 'destroy'];
const RESTART = ['restart', 'run-next'];

/** The top toolbar, generated from the action registry. */
export function Toolbar() {
  const { ctx, run } = useActionState();
  const button = (id: string) => (
    <ActionButton key={id} action={actionById(id)} ctx={ctx} run={run} />
  );
  return (
    <div className="toolbar" role="toolbar" aria-label="Actions">
      <span className="brand" aria-hidden="true">
        crviz
      </span>
      <div className="group" aria-label="Process">
        {PROCESS.map(button)}
        <span className="combo">
          {button('exit')}
          <ExitParams />
        </span>
        <span className="combo">
          {button('kill')}
          <SignalParams />
        </span>
        {PROCESS_MORE.map(button)}
      </div>
      <div className="group" aria-label="Container">
        {CONTAINER.map(button)}
      </div>
      <div className="group" aria-label="Restart">
        {RESTART.map(button)}
      </div>
      <span className="spacer" />
      {button('lessons')}
      {button('share')}
      <EngineProgress ctx={ctx} run={run} />
      <ActionButton
        action={actionById('help')}
        ctx={ctx}
        run={run}
        label="Keyboard shortcuts"
        icon="?"
      />
    </div>
  );
}
