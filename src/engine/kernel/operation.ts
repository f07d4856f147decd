import { kerror, type KError, type KResult } from '../errno';
import type { EngineEvent, EngineLog } from '../events';
import type { KernelFn } from '../kernel-fns';
import { partId, type Actor } from '../part-id';
import type { Container, Task, World } from './types';
import { currentContainer } from './world';
import { cannotRun } from './tree';

/** A signal waiting to be delivered once the step that raised it has finished. */
export interface Delivery {
  pid: number;
  sig: number;
  actor: Actor;
  why: string;
  /** Sent from inside the pid namespace: the container init ignores it (SIGNAL_UNKILLABLE). */
  internal: boolean;
}

/**
 * The state of one kernel operation. Signals raised while a task exits are queued and delivered
 * after that exit has finished, as the kernel delivers them asynchronously; this also keeps the
 * exit path free of re-entrancy.
 */
export interface K {
  world: World;
  c: Container;
  log: EngineLog;
  queue: Delivery[];
  /** zap_pid_ns_processes ran: the container goes away when this operation ends. */
  zapped: boolean;
}

export function kctx(world: World, c: Container): K {
  return { world, c, log: world.log, queue: [], zapped: false };
}

export function emit(
  k: { log: EngineLog },
  actor: Actor,
  fn: KernelFn,
  what: string,
  pid?: number,
  data?: EngineEvent['data'],
): void {
  const e: Omit<EngineEvent, 'seq'> = { actor, fn, what };
  if (pid !== undefined) e.pid = pid;
  if (data) e.data = data;
  k.log.emit(e);
}

/** A failed operation changes nothing but leaves one event carrying the errno. */
export function refuse<T>(
  world: World,
  actor: Actor,
  fn: KernelFn,
  err: KError,
  pid?: number,
): KResult<T> {
  const e: Omit<EngineEvent, 'seq'> = { actor, fn, what: err.message, errno: err.errno };
  if (pid !== undefined) e.pid = pid;
  world.log.emit(e);
  return { ok: false, error: err };
}

/** The live current container, or ESRCH naming the pid the operation was about. */
export function containerFor(world: World, pid?: number): KError | Container {
  const c = currentContainer(world);
  if (c) return c;
  const who = pid === undefined ? '' : `pid ${pid}: `;
  const why = world.current === 0 ? 'there is no container' : 'the container has been destroyed';
  return kerror('ESRCH', `${who}${why}`);
}

export function taskFor(c: Container, pid: number): KError | Task {
  const t = typeof pid === 'number' ? c.tasks.get(pid) : undefined;
  return t ?? kerror('ESRCH', `no task with pid ${String(pid)}`);
}

export function isError(x: unknown): x is KError {
  return typeof x === 'object' && x !== null && 'errno' in x && 'code' in x;
}

export type Begun = { ok: true; c: Container; t: Task } | { ok: false; error: KError };

/**
 * Looks up the current container and the task `pid` for an operation; with `mustRun` the task
 * must also be able to execute (tree.cannotRun). Failures are logged once, under `fn`.
 */
export function begin(
  world: World,
  pid: number,
  fn: KernelFn,
  mustRun: boolean,
  actor?: Actor,
): Begun {
  const who = actor ?? partId(pid);
  const c = containerFor(world, pid);
  if (isError(c)) return refuse(world, who, fn, c, pid) as Begun;
  const t = taskFor(c, pid);
  if (isError(t)) return refuse(world, who, fn, t, pid) as Begun;
  const why = mustRun ? cannotRun(c, t) : null;
  if (why) return refuse(world, who, fn, why, pid) as Begun;
  return { ok: true, c, t };
}
