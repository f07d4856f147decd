import { useEffect } from 'react';
import { actionForKey } from './actions/registry';
import { actionContext } from './actions/useActions';
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
      if (ev.defaultPrevented || ev.ctrlKey || ev.metaKey || ev.altKey) return;
      if (isEditable(ev.target)) return;
      const onButton = ev.target instanceof HTMLButtonElement;
      if (onButton && (ev.key === ' ' || ev.key === 'Enter')) return;
      if (ev.key === 'Escape' && instance.store.getState().helpOpen) {
        instance.store.getState().setHelpOpen(false);
        return;
      }
      const action = actionForKey(ev.key);
      if (!action) return;
      const ctx = actionContext(instance);
      // Escape is everyone's key: it is taken only when there is a run to cancel.
      if (ev.key === 'Escape' && action.enabledWhen(ctx) !== true) return;
      ev.preventDefault();
      if (action.enabledWhen(ctx) === true) void action.perform(ctx);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [instance]);
}
