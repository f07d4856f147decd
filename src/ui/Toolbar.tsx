import { ActionButton } from './ActionButton';
import { ExitParams, SignalParams } from './ActionParams';
import type { ActionId } from './actions/registry';
import { ToolbarMore } from './layout/ToolbarMore';
import { ThemeSwitch } from './theme/ThemeSwitch';

const PROCESS: ActionId[] = ['fork', 'wait'];
/** Less used process actions: in the More menu, so the toolbar keeps one row at 1280 px. */
const PROCESS_MORE: ActionId[] = ['thread', 'ignore-sigchld', 'pdeathsig', 'ptrace'];
const CONTAINER: ActionId[] = ['freeze', 'thaw', 'checkpoint', 'destroy'];
const RESTART: ActionId[] = ['restart', 'run-next'];

/** The top toolbar, generated from the action registry. */
export function Toolbar() {
  const button = (id: ActionId) => <ActionButton key={id} id={id} />;
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
        <ToolbarMore ids={PROCESS_MORE} />
      </div>
      <div className="group" aria-label="Container">
        {CONTAINER.map(button)}
      </div>
      <div className="group" aria-label="Restart">
        {RESTART.map(button)}
      </div>
      <span className="spacer" />
      {button('lessons')}
      {button('lesson-edit')}
      {button('share')}
      <ThemeSwitch />
      <ActionButton id="help" label="Keyboard shortcuts" icon="?" />
    </div>
  );
}
