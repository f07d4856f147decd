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

export function check(result: TaskView | string | true): true | string {
  return typeof result === 'string' ? result : true;
}
