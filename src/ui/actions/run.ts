import { useShallow } from 'zustand/react/shallow';
import type { DebuggerState } from '../../store/types';
import { useDebugger, useDebuggerState } from '../context';
import type { DebuggerInstance } from '../instance';
import { ACTIONS, REGISTRY, type ActionArgs, type ActionId } from './registry';
import type { ActionContext, ActionSource, ActionState } from './types';

export type Enabled = true | string;

/** What the enabled-when checks read, from the store state as a whole. */
export function actionState(state: DebuggerState): ActionState {
  return { state, end: state.endSnapshot, here: state.snapshot };
}

/**
 * Pure memo: each store state is checked once, however many buttons, menus and sheets read it.
 * (States are immutable snapshots, so the state object is the key; old ones are collected.)
 */
const checked = new WeakMap<DebuggerState, Record<ActionId, Enabled>>();

/** Whether each action can run in `state`, or why not. */
export function enabledStates(state: DebuggerState): Record<ActionId, Enabled> {
  let all = checked.get(state);
  if (!all) {
    const s = actionState(state);
    all = {} as Record<ActionId, Enabled>;
    for (const a of ACTIONS) all[a.id] = a.enabledWhen(s);
    checked.set(state, all);
  }
  return all;
}

/** Runs action `id` if it is enabled now; returns whether it ran. The one way actions run. */
export function runAction<Id extends ActionId>(
  instance: DebuggerInstance,
  id: Id,
  source: ActionSource,
  ...arg: ActionArgs<Id>
): boolean {
  const state = instance.store.getState();
  if (enabledStates(state)[id] !== true) return false;
  const ctx: ActionContext = {
    ...actionState(state),
    app: instance.app,
    store: instance.store,
    handles: instance.handles,
    source,
  };
  const perform = REGISTRY[id].perform as (ctx: ActionContext, arg?: unknown) => unknown;
  void perform(ctx, arg[0]);
  return true;
}

/** Whether action `id` can run now; re-renders only when that answer changes. */
export function useEnabled(id: ActionId): Enabled {
  return useDebuggerState((s) => enabledStates(s)[id]);
}

/** Every action's enabled state; re-renders when any of them changes. */
export function useEnabledStates(): Record<ActionId, Enabled> {
  return useDebuggerState(useShallow(enabledStates));
}

/** `runAction` bound to this debugger. */
export function useRunAction(): <Id extends ActionId>(
  id: Id,
  source: ActionSource,
  ...arg: ActionArgs<Id>
) => boolean {
  const instance = useDebugger();
  return (id, source, ...arg) => runAction(instance, id, source, ...arg);
}
