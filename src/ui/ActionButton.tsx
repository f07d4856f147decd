import type { Action, ActionContext } from './actions/types';
import { shortcutLabel } from './actions/types';

interface Props {
  action: Action;
  ctx: ActionContext;
  run: (action: Action) => void;
  /** Overrides the label (Play becomes Pause while playing). */
  label?: string;
  icon?: string;
}

/** A button for one registry action: disabled actions say why in their tooltip. */
export function ActionButton({ action, ctx, run, label, icon }: Props) {
  const enabled = action.enabledWhen(ctx);
  const name = label ?? action.label;
  const key = shortcutLabel(action.shortcut);
  const title =
    enabled === true ? `${action.help}${key ? ` (${key})` : ''}` : `${name}: ${enabled}`;
  return (
    <button
      type="button"
      className="action"
      disabled={enabled !== true}
      title={title}
      aria-label={name}
      aria-keyshortcuts={action.shortcut === ' ' ? 'Space' : action.shortcut}
      onClick={() => run(action)}
    >
      {icon ? (
        <span className="icon" aria-hidden="true">
          {icon}
        </span>
      ) : null}
      <span className={icon ? 'sr-only' : undefined}>{name}</span>
    </button>
  );
}
