import { actionById } from './actions/registry';
import { runAction } from './actions/run';
import { shortcutLabel } from './actions/types';
import { selectFollowActive } from '../store/selectors';
import { useDebugger, useDebuggerState } from './context';
import './FollowActiveToggle.css';

/** The tree panel's toggle for the registry's follow-active action: pressed while following. */
export function FollowActiveToggle() {
  const instance = useDebugger();
  const on = useDebuggerState(selectFollowActive);
  const action = actionById('follow-active');
  return (
    <button
      type="button"
      className="small follow-toggle"
      aria-pressed={on}
      title={`${action.help} (${shortcutLabel(action.shortcut)})`}
      onClick={() => runAction(instance, 'follow-active', 'button')}
    >
      {action.label}
    </button>
  );
}
