import { EngineLog } from '../events';
import { SIGCHLD, TASK_RUNNING } from './constants';
import type { Container, Task, World } from './types';

/** An empty machine: no containers, no images, a fresh event log. */
export function createWorld(): World {
  return { containers: [], current: 0, images: new Map(), log: new EngineLog() };
}

/** The container that scenario pids name, unless it has been destroyed. */
export function currentContainer(world: World): Container | undefined {
  const c = world.containers[world.current - 1];
  return c && c.id === world.current && !c.destroyed ? c : undefined;
}

/** A new, empty pid namespace; it becomes the current container. */
export function newContainer(world: World, root: number, init: boolean): Container {
  const id = world.containers.length + 1;
  const c: Container = {
    id,
    destroyed: false,
    tasks: new Map(),
    outer: [],
    threads: new Map(),
    pidHigh: 0,
    root,
    init: init ? root : 0,
    freezer: 'THAWED',
    nsproxy: id,
  };
  world.containers.push(c);
  world.current = id;
  return c;
}

export function cloneTask(t: Task): Task {
  return {
    pid: t.pid,
    tgid: t.tgid,
    parent: t.parent,
    pgid: t.pgid,
    sid: t.sid,
    comm: t.comm,
    state: t.state,
    exit_state: t.exit_state,
    exit_code: t.exit_code,
    exit_signal: t.exit_signal,
    pdeath_signal: t.pdeath_signal,
    set_child_tid: t.set_child_tid,
    clear_child_tid: t.clear_child_tid,
    flags: t.flags,
    ptracer: t.ptracer,
    tracees: t.tracees,
    inFreezer: t.inFreezer,
    pending: t.pending.length ? t.pending.slice() : [],
    ignoreSigchld: t.ignoreSigchld,
    nsproxy: t.nsproxy,
    children: t.children.length ? t.children.slice() : [],
  };
}

/** A deep copy: the explorer and the UI timeline keep many of these, so it stays one pass. */
export function cloneContainer(c: Container): Container {
  const tasks = new Map<number, Task>();
  for (const [pid, t] of c.tasks) tasks.set(pid, cloneTask(t));
  const threads = new Map<number, number[]>();
  for (const [tgid, pids] of c.threads) threads.set(tgid, pids.slice());
  return { ...c, tasks, outer: c.outer.slice(), threads };
}

export type NewTask = Partial<Task> & Pick<Task, 'pid' | 'tgid' | 'parent' | 'comm'>;

/**
 * Inserts a task and links it at the end of its parent's children list (c.outer for parent 0).
 * The caller has checked that the pid is free and the parent exists.
 */
export function createTask(c: Container, f: NewTask): Task {
  // Written out field by field (no spreads): building 100,000 tasks must stay cheap.
  const t: Task = {
    pid: f.pid,
    tgid: f.tgid,
    parent: f.parent,
    pgid: f.pgid ?? f.pid,
    sid: f.sid ?? f.pid,
    comm: f.comm,
    state: f.state ?? TASK_RUNNING,
    exit_state: f.exit_state ?? 0,
    exit_code: f.exit_code ?? 0,
    exit_signal: f.exit_signal ?? (f.tgid === f.pid ? SIGCHLD : -1),
    pdeath_signal: f.pdeath_signal ?? 0,
    set_child_tid: f.set_child_tid ?? 0,
    clear_child_tid: f.clear_child_tid ?? 0,
    flags: f.flags ?? 0,
    ptracer: f.ptracer ?? 0,
    tracees: f.tracees ?? 0,
    inFreezer: f.inFreezer ?? true,
    pending: f.pending ? f.pending.slice() : [],
    ignoreSigchld: f.ignoreSigchld ?? false,
    nsproxy: f.nsproxy ?? c.nsproxy,
    children: f.children ? f.children.slice() : [],
  };
  c.tasks.set(t.pid, t);
  if (c.pidHigh >= 0 && t.pid > c.pidHigh) c.pidHigh = t.pid;
  const list = t.parent === 0 ? c.outer : c.tasks.get(t.parent)?.children;
  list?.push(t.pid);
  if (t.pid !== t.tgid) {
    const group = c.threads.get(t.tgid);
    if (group) group.push(t.pid);
    else c.threads.set(t.tgid, [t.pid]);
  }
  return t;
}

/** Takes a task out of the container's task table and its thread group (not its parent's list). */
export function removeTask(c: Container, t: Task): void {
  c.tasks.delete(t.pid);
  if (t.pid === c.pidHigh) c.pidHigh = -1;
  if (t.pid === t.tgid) return;
  const group = c.threads.get(t.tgid);
  if (!group) return;
  const i = group.indexOf(t.pid);
  if (i >= 0) group.splice(i, 1);
  if (group.length === 0) c.threads.delete(t.tgid);
}
