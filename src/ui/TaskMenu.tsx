import { useEffect, useRef } from 'react';
import { actionById, type ActionId } from './actions/registry';
import { useEnabledStates, useRunAction } from './actions/run';

const ITEMS: ActionId[] = [
  'fork',
  'thread',
  'exit',
  'kill',
  'wait',
  'ignore-sigchld',
  'pdeathsig',
  'ptrace',
  'run-next',
];

/** The context menu of a task: the registry's process actions, disabled ones with their reason. */
export function TaskMenu({
  pid,
  x,
  y,
  onClose,
}: {
  pid: number;
  x: number;
  y: number;
  onClose: () => void;
}) {
  const states = useEnabledStates();
  const run = useRunAction();
  const menu = useRef<HTMLDivElement>(null);
  useEffect(() => {
    menu.current?.querySelector<HTMLElement>('[role=menuitem]:not([aria-disabled=true])')?.focus();
    const away = (e: MouseEvent) => {
      if (!menu.current?.contains(e.target as Node)) onClose();
    };
    document.addEventListener('mousedown', away);
    return () => document.removeEventListener('mousedown', away);
  }, [onClose]);
  const onKey = (e: React.KeyboardEvent) => {
    const items = Array.from(menu.current?.querySelectorAll<HTMLElement>('[role=menuitem]') ?? []);
    const i = items.indexOf(document.activeElement as HTMLElement);
    if (e.key === 'Escape') onClose();
    else if (e.key === 'ArrowDown') items[(i + 1) % items.length]?.focus();
    else if (e.key === 'ArrowUp') items[(i - 1 + items.length) % items.length]?.focus();
    else return;
    e.preventDefault();
    e.stopPropagation();
  };
  return (
    <div
      ref={menu}
      className="task-menu"
      role="menu"
      aria-label={`Actions on pid ${pid}`}
      style={{ left: x, top: y }}
      onKeyDown={onKey}
    >
      {ITEMS.map((id) => {
        const a = actionById(id);
        const enabled = states[id];
        return (
          <button
            key={id}
            type="button"
            role="menuitem"
            tabIndex={-1}
            aria-disabled={enabled !== true}
            title={enabled === true ? a.help : enabled}
            onClick={() => {
              if (enabled !== true) return;
              onClose();
              run(id, 'menu');
            }}
          >
            <span>{a.label}</span>
            <kbd>{a.shortcut}</kbd>
          </button>
        );
      })}
    </div>
  );
}
