/** do_wait(): a parent collects the state changes of its children; release finishes a held reap. */
import { kerror, ok, type KResult } from '../errno';
import { EXIT_DEAD, EXIT_ZOMBIE, SIGCHLD, TASK_STOPPED } from './constants';
import { describeWaitStatus } from './signals';
import type { Container, Task, World } from './types';
import { begin, emit, kctx, refuse } from './operation';
import { partId } from '../part-id';
import { delayedLeader, threadGroup } from './tree';
import { releaseTask } from './notify';
import { settle } from './deliver';

export interface WaitArgs {
  pid: number;
  child?: number;
  untraced?: boolean;
  /** Stop after the EXIT_ZOMBIE -> EXIT_DEAD exchange; `release` does the rest. */
  hold?: boolean;
}

export interface WaitResult {
  child: number;
  status: number;
}

/** eligible_child() without __WCLONE/__WALL: only children that die with SIGCHLD. */
function eligible(t: Task, want: number | undefined): boolean {
  return (want === undefined || t.pid === want) && t.exit_signal === SIGCHLD;
}

/** The children of every thread of the waiter's group, leader first, in list order. */
function candidates(c: Container, waiter: Task, want: number | undefined): Task[] {
  const out: Task[] = [];
  for (const th of threadGroup(c, waiter)) {
    for (const pid of th.children) {
      const x = c.tasks.get(pid);
      if (x && eligible(x, want)) out.push(x);
    }
  }
  return out;
}

export function wait(world: World, args: WaitArgs): KResult<WaitResult> {
  const b = begin(world, args.pid, 'do_wait', true);
  if (!b.ok) return b;
  const { c, t } = b;
  const actor = partId(t.pid);
  const want = args.child;
  if (want !== undefined && (typeof want !== 'number' || !Number.isInteger(want))) {
    return refuse(
      world,
      actor,
      'do_wait',
      kerror('EINVAL', `child ${String(want)} is not a pid`),
      t.pid,
    );
  }
  let any = false;
  for (const x of candidates(c, t, want)) {
    // EXIT_DEAD is someone else's reap in progress; it does not count as a child any more.
    if (x.exit_state === EXIT_DEAD) continue;
    any = true;
    // A child traced by someone else is hidden from its parent until the tracer lets go.
    if (x.ptracer && x.ptracer !== t.pid) continue;
    if (x.exit_state === EXIT_ZOMBIE && !delayedLeader(c, x))
      return reapZombie(world, c, t, x, args.hold === true);
    if (args.untraced && x.state & TASK_STOPPED && x.exit_code !== 0)
      return reportStopped(world, c, t, x);
  }
  if (!any) {
    const what =
      want === undefined
        ? `${t.pid} has no children to wait for`
        : `${want} is not a child of ${t.pid}`;
    return refuse(world, actor, 'do_wait', kerror('ECHILD', what), t.pid);
  }
  emit(world, actor, 'do_wait', 'WNOHANG: children exist but none has changed state', t.pid, {
    child: 0,
  });
  return ok({ child: 0, status: 0 });
}

/** wait_task_zombie(): exchange EXIT_ZOMBIE for EXIT_DEAD, then release_task unless held. */
function reapZombie(
  world: World,
  c: Container,
  waiter: Task,
  x: Task,
  hold: boolean,
): KResult<WaitResult> {
  const actor = partId(waiter.pid);
  const status = x.exit_code;
  x.exit_state = EXIT_DEAD;
  emit(world, actor, 'wait_task_zombie', `reaps ${x.pid}: ${describeWaitStatus(status)}`, x.pid, {
    status,
    hold,
  });
  if (!hold) {
    const k = kctx(world, c);
    releaseTask(k, x, actor);
    settle(k);
  }
  return ok({ child: x.pid, status });
}

/** wait_task_stopped() with WUNTRACED: report the stop once, then the code is collected. */
function reportStopped(world: World, c: Container, waiter: Task, x: Task): KResult<WaitResult> {
  const status = ((x.exit_code & 0xff) << 8) | 0x7f;
  for (const th of threadGroup(c, x)) if (th.state & TASK_STOPPED) th.exit_code = 0;
  emit(
    world,
    partId(waiter.pid),
    'wait_task_stopped',
    `${x.pid} ${describeWaitStatus(status)}`,
    x.pid,
    {
      status,
    },
  );
  return ok({ child: x.pid, status });
}

/** The rest of release_task for a child a wait left in EXIT_DEAD. */
export function release(world: World, args: { pid: number }): KResult<{ pid: number }> {
  const b = begin(world, args.pid, 'release_task', false, 'user');
  if (!b.ok) return b;
  const { c, t } = b;
  const actor = t.parent ? partId(t.parent) : 'user';
  if (t.exit_state !== EXIT_DEAD) {
    return refuse(
      world,
      actor,
      'release_task',
      kerror('EINVAL', `task ${t.pid} is not held in EXIT_DEAD`),
      t.pid,
    );
  }
  const k = kctx(world, c);
  releaseTask(k, t, actor);
  settle(k);
  return ok({ pid: t.pid });
}
