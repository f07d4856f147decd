import { useCallback } from 'react';
import {
  selectBusy,
  selectCursor,
  selectHelpOpen,
  selectParams,
  selectPlaying,
  selectRecording,
  selectSelection,
} from '../../store/selectors';
import { selectEndSnapshot, selectSnapshot } from '../../store/selectors';
import { useDebugger, useDebuggerState } from '../context';
import type { DebuggerInstance } from '../instance';
import type { Action, ActionContext } from './types';

/** A fresh context read from the store at call time (what `perform` gets). */
export function actionContext(instance: DebuggerInstance): ActionContext {
  const state = instance.store.getState();
  return {
    state,
    end: selectEndSnapshot(state),
    here: selectSnapshot(state),
    app: instance.app,
  };
}

/**
 * Re-renders when anything an enabled-when check reads changes, and returns the state of actions
 * plus a `run` that performs one with a fresh context.
 */
export function useActionState(): {
  ctx: ActionContext;
  run: (action: Action) => void;
} {
  const instance = useDebugger();
  // Each subscription is a small slice; together they cover every enabledWhen input.
  useDebuggerState(selectRecording);
  useDebuggerState(selectCursor);
  useDebuggerState(selectSelection);
  useDebuggerState(selectBusy);
  useDebuggerState(selectParams);
  useDebuggerState(selectPlaying);
  useDebuggerState(selectHelpOpen);
  const run = useCallback(
    (action: Action) => {
      const ctx = actionContext(instance);
      if (action.enabledWhen(ctx) !== true) return;
      void action.perform(ctx);
    },
    [instance],
  );
  return { ctx: actionContext(instance), run };
}
