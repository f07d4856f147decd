import { EXIT_DEAD, EXIT_ZOMBIE, PF_EXITING, TASK_STOPPED, TASK_TRACED } from './constants';
import type { Container, Task } from './types';
import { kerror, type KError } from '../errno';

/** PID_MAX_LIMIT on 64-bit (4 * 1024 * 1024): the largest pid a namespace can hand out. */
export const PID_MAX_LIMIT = 4 * 1024 * 1024;

/** Not yet exiting: it can still run, take signals and be chosen as a reaper. */
export function alive(t: Task): boolean {
  return t.exit_state === 0 && (t.flags & PF_EXITING) === 0;
}

export function isLeader(t: Task): boolean {
  return t.pid === t.tgid;
}

/** Parked by the container's freezer cgroup; zombies cannot be frozen (spec 1.2). */
export function isFrozen(c: Container, t: Task): boolean {
  return c.freezer === 'FROZEN' && t.inFreezer && t.exit_state === 0;
}

/** The children list a task sits on: its parent's, or the outside parent's (c.outer). */
export function siblingList(c: Container, parent: number): number[] | undefined {
  return parent === 0 ? c.outer : c.tasks.get(parent)?.children;
}

export function unlinkChild(c: Container, t: Task): void {
  const list = siblingList(c, t.parent);
  if (!list) return;
  const i = list.lastIndexOf(t.pid);
  if (i >= 0) list.splice(i, 1);
}

export function linkChild(c: Container, t: Task, parent: number): void {
  t.parent = parent;
  siblingList(c, parent)?.push(t.pid);
}

/**
 * Every task of t's thread group, leader first, then the others in the order they were created,
 * as the kernel's thread_group list has them (list_add_tail_rcu in copy_process, 2.6.31
 * kernel/fork.c). Costs the size of the group: `c.threads` keeps each group's pids.
 */
export function threadGroup(c: Container, t: Task): Task[] {
  const leader = c.tasks.get(t.tgid);
  const out: Task[] = leader ? [leader] : [];
  const threads = c.threads.get(t.tgid);
  if (!threads) return out;
  for (const pid of threads) {
    const x = c.tasks.get(pid);
    if (x) out.push(x);
  }
  return out;
}

/** thread_group_empty(): no task of the group other than the leader is left. */
export function groupEmpty(c: Container, leader: Task): boolean {
  return threadGroup(c, leader).length <= 1;
}

/** delay_group_leader(): a zombie leader whose threads still exist is not reported to wait. */
export function delayedLeader(c: Container, t: Task): boolean {
  return t.exit_state === EXIT_ZOMBIE && isLeader(t) && !groupEmpty(c, t);
}

/** First pid above the highest one in use (pids are never reused while their task exists). */
export function nextPid(c: Container): number {
  if (c.pidHigh < 0) {
    let max = 0;
    for (const pid of c.tasks.keys()) if (pid > max) max = pid;
    c.pidHigh = max;
  }
  return Math.max(c.pidHigh, c.root) + 1;
}

/**
 * May this task execute a system call now? A simulator choice: a task parked by the freezer or
 * stopped (job control or ptrace) cannot act, so its ops fail with EBUSY instead of blocking;
 * a zombie or exiting task no longer exists as a runnable process, hence ESRCH.
 */
export function cannotRun(c: Container, t: Task): KError | null {
  if (t.exit_state === EXIT_DEAD) return kerror('ESRCH', `task ${t.pid} is dead (EXIT_DEAD)`);
  if (t.exit_state !== 0) return kerror('ESRCH', `task ${t.pid} is a zombie`);
  if (t.flags & PF_EXITING) return kerror('ESRCH', `task ${t.pid} is exiting`);
  if (isFrozen(c, t)) return kerror('EBUSY', `task ${t.pid} is frozen and cannot run`);
  if (t.state & TASK_TRACED)
    return kerror('EBUSY', `task ${t.pid} is traced-stopped and cannot run`);
  if (t.state & TASK_STOPPED) return kerror('EBUSY', `task ${t.pid} is stopped and cannot run`);
  return null;
}

/** A pid as a user could type it: a positive integer below PID_MAX_LIMIT. */
export function validPid(n: unknown): n is number {
  return typeof n === 'number' && Number.isInteger(n) && n > 0 && n <= PID_MAX_LIMIT;
}
