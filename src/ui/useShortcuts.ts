import { useEffect } from 'react';
import { actionForKey } from './actions/registry';
import { enabledStates, runAction } from './actions/run';
import { shortcutOf } from './actions/types';
import { useDebugger } from './context';

function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return (
    target.isContentEditable ||
    target instanceof HTMLInputElement ||
    target instanceof HTMLSelectElement ||
    target instanceof HTMLTextAreaElement
  );
}

/** Global keyboard shortcuts from the action registry. */
export function useShortcuts(): void {
  const instance = useDebugger();
  useEffect(() => {
    const onKey = (ev: KeyboardEvent) => {
      if (ev.defaultPrevented || ev.altKey) return;
      if (isEditable(ev.target)) return;
      const onButton = ev.target instanceof HTMLButtonElement;
      if (onButton && (ev.key === ' ' || ev.key === 'Enter')) return;
      if (ev.key === 'Escape' && instance.store.getState().helpOpen) {
        instance.store.getState().setHelpOpen(false);
        return;
      }
      // Ctrl+key is the browser's unless an action claims it (Undo's Ctrl+Z does).
      const action = actionForKey(shortcutOf(ev));
      if (!action) return;
      // Escape is everyone's key: it is taken only when there is a run to cancel.
      const enabled = enabledStates(instance.store.getState())[action.id];
      if (ev.key === 'Escape' && enabled !== true) return;
      ev.preventDefault();
      runAction(instance, action.id, 'shortcut');
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [instance]);
}
