import type { TaskView } from '../../engine/snapshot';
import type { ActionState } from './types';

/** Shared enabled-when checks; each returns true or the reason the action cannot run. */

export function notBusy(ctx: ActionState): true | string {
  return ctx.state.busy ? 'The engine is busy' : ctx.end ? true : 'No scenario loaded yet';
}

export function liveContainer(ctx: ActionState) {
  const end = ctx.end;
  const c = end?.containers.find((x) => x.id === end.current);
  return c && !c.destroyed ? c : null;
}

/**
 * The container a container action applies to, or why there is none: the engine is busy, or
 * it is destroyed (`destroyed` says so in the action's words).
 */
export function actableContainer(ctx: ActionState, destroyed = 'The container is destroyed') {
  const b = notBusy(ctx);
  if (b !== true) return b;
  return liveContainer(ctx) ?? destroyed;
}

/** Enabled when the container's freezer is not already `state` (`already` says it is). */
export function freezerNot(ctx: ActionState, state: 'FROZEN' | 'THAWED', already: string) {
  const c = actableContainer(ctx);
  if (typeof c === 'string') return c;
  return c.freezer === state ? already : true;
}

/** The selected task as it is at the end of the timeline. */
export function selectedTask(ctx: ActionState): TaskView | string {
  const busy = notBusy(ctx);
  if (busy !== true) return busy;
  const c = liveContainer(ctx);
  if (!c) return 'The container is destroyed: restart an image first';
  const pid = ctx.state.selection;
  if (pid === null || pid === 0) return 'Select a task first (click it in the tree)';
  const t = c.tasks.find((x) => x.pid === pid);
  if (!t) return `pid ${pid} no longer exists at the end of the timeline`;
  return t;
}

/** The selected task, which must still be alive (not a zombie or EXIT_DEAD). */
export function selectedLiveTask(ctx: ActionState): TaskView | string {
  const t = selectedTask(ctx);
  if (typeof t === 'string') return t;
  if (t.state === 'zombie' || t.state === 'dead') return `pid ${t.pid} has exited (${t.state})`;
  return t;
}

/** A guard's answer as an enabled state: a reason stays, anything found means enabled. */
export function check(result: object | string | true): true | string {
  return typeof result === 'string' ? result : true;
}
