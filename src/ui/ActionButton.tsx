import { actionById, type ActionArgs, type ActionId } from './actions/registry';
import { runAction, useEnabled } from './actions/run';
import { ariaShortcut, shortcutLabel } from './actions/types';
import { useDebugger } from './context';

interface Props<Id extends ActionId> {
  id: Id;
  /** What the action acts on, for actions that take something (a counterexample). */
  args?: ActionArgs<Id>;
  /** Overrides the label (Play becomes Pause while playing). */
  label?: string;
  /** Overrides the accessible name when the label alone is ambiguous ("Open"). */
  name?: string;
  icon?: string;
  className?: string;
}

/** A button for one registry action: disabled actions say why in their tooltip. */
export function ActionButton<Id extends ActionId>({
  id,
  args,
  label,
  name,
  icon,
  className = 'action',
}: Props<Id>) {
  const instance = useDebugger();
  const enabled = useEnabled(id);
  const action = actionById(id);
  const text = label ?? action.label;
  const key = shortcutLabel(action.shortcut);
  const title =
    enabled === true ? `${action.help}${key ? ` (${key})` : ''}` : `${text}: ${enabled}`;
  return (
    <button
      type="button"
      className={className}
      disabled={enabled !== true}
      title={title}
      aria-label={name ?? text}
      aria-keyshortcuts={ariaShortcut(action.shortcut)}
      onClick={() => runAction(instance, id, 'button', ...(args ?? ([] as ActionArgs<Id>)))}
    >
      {icon ? (
        <span className="icon" aria-hidden="true">
          {icon}
        </span>
      ) : null}
      <span className={icon ? 'sr-only' : undefined}>{text}</span>
    </button>
  );
}
