/**
 * The exit path: do_exit split into the three parts the restart engine steps through one by one
 * (beginExit, exitNotify, finishExit), plus exit_group for a whole thread group.
 */
import { describeWaitStatus } from './signals';
import { PF_EXITING, TASK_DEAD } from './constants';
import type { Container, Task, World } from './types';
import { emit, kctx, type K } from './operation';
import { partId, type Actor } from '../part-id';
import { alive, isLeader, threadGroup } from './tree';
import { exitNotifyK } from './notify';
import { settle } from './deliver';

/** do_exit's start: PF_EXITING and the wait status. Silent: the caller names the step. */
export function beginExit(_world: World, c: Container, pid: number, exitCode: number): void {
  const t = c.tasks.get(pid);
  if (!t) return;
  t.flags |= PF_EXITING;
  t.exit_code = exitCode;
}

/** exit_notify(): reparent the children, orphaned pgrps, tell the parent or self-reap. */
export function exitNotify(world: World, c: Container, pid: number): void {
  const k = kctx(world, c);
  exitNotifyK(k, pid);
  settle(k);
}

/** do_exit's end: the last schedule() leaves the task TASK_DEAD. Silent, like beginExit. */
export function finishExit(_world: World, c: Container, pid: number): void {
  const t = c.tasks.get(pid);
  if (t) t.state = TASK_DEAD;
}

/** The whole of do_exit for one task (the thread_exit op, and the restart engine's shortcut). */
export function doExit(
  world: World,
  c: Container,
  pid: number,
  exitCode: number,
  actor?: Actor,
): void {
  const k = kctx(world, c);
  doExitK(k, pid, exitCode, actor);
  settle(k);
}

export function doExitK(k: K, pid: number, exitCode: number, actor?: Actor): void {
  const t = k.c.tasks.get(pid);
  if (!t || !alive(t)) return;
  exitEvent(k, t, exitCode, actor);
  beginExit(k.world, k.c, pid, exitCode);
  exitNotifyK(k, pid);
  finishExit(k.world, k.c, pid);
}

function exitEvent(k: K, t: Task, code: number, actor?: Actor): void {
  const what = `do_exit(0x${code.toString(16)}): ${describeWaitStatus(code)}`;
  emit(k, actor ?? partId(t.pid), 'do_exit', what, t.pid, { exit_code: code });
}

/**
 * exit_group / a fatal signal: every live thread exits with the same wait status. All of them
 * are marked PF_EXITING first (zap_other_threads), so no dying thread is picked as a reaper; the
 * other threads finish before the leader, which therefore is not left as a delayed leader.
 */
export function groupExitK(k: K, t: Task, code: number): void {
  const live = threadGroup(k.c, t).filter(alive);
  for (const x of live) {
    exitEvent(k, x, code);
    beginExit(k.world, k.c, x.pid, code);
  }
  const order = live.filter((x) => !isLeader(x)).concat(live.filter(isLeader));
  for (const x of order) {
    if (k.zapped && !k.c.tasks.has(x.pid)) continue;
    exitNotifyK(k, x.pid);
    finishExit(k.world, k.c, x.pid);
  }
}
