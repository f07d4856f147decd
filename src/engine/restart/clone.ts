import { NullLog } from '../events';
import type { World } from '../kernel/types';
import { emitterFor } from './emit';
import type { RestartRun } from './restart';
import type { CoordPart, RestartCtx, RestartState, TaskPart } from './types';

/*
 * Deep copies for the explorer, which copies a restart at every branch. Object literals typed by
 * their shape, so the compiler asks for every field (what each is: fields.ts): object spread, or
 * a copy by walking the field tables, makes exploring about 1.5 times slower.
 */

function copyTask(t: TaskPart): TaskPart {
  return {
    kind: 'task',
    id: t.id,
    slot: t.slot,
    pid: t.pid,
    index: t.index,
    ghost: t.ghost,
    pc: t.pc,
    hasPtr: t.hasPtr,
    ctxNull: t.ctxNull,
    hasLocal: t.hasLocal,
    restored: t.restored,
    zombie: t.zombie,
    ret: t.ret,
    killed: t.killed,
  };
}

function copyCoord(c: CoordPart): CoordPart {
  return {
    kind: 'coord',
    id: 'coord',
    slot: 0,
    pc: c.pc,
    nextClone: c.nextClone,
    result: c.result,
    hasPtr: c.hasPtr,
    hasAlloc: c.hasAlloc,
  };
}

function copyCtx(x: RestartCtx): RestartCtx {
  return {
    refcount: x.refcount,
    refHistory: x.refHistory,
    pids: x.pids,
    nrPids: x.nrPids,
    active: x.active,
    nrTotal: x.nrTotal,
    error: x.error,
    errorPid: x.errorPid,
    completed: x.completed,
    success: x.success,
    freed: x.freed,
  };
}

/**
 * A private copy of a restart: participants and ctx; the image bytes are shared, and so is the
 * container, copy on write: after a copy neither the copy nor the original owns it, and the
 * first step of either that writes to it copies it (restart.ts stepRestart). The original may
 * go on stepping in place (the preemption probes walk the fifo path keeping a copy per step).
 */
export function cloneRun(run: RestartRun): RestartRun {
  const s = run.s;
  s.ownsContainer = false;
  const tasks: TaskPart[] = new Array(s.tasks.length);
  const byPid = new Map<number, TaskPart>();
  for (let i = 0; i < tasks.length; i++) {
    const t = copyTask(s.tasks[i]);
    tasks[i] = t;
    byPid.set(t.pid, t);
  }
  const copy: RestartState = {
    variant: s.variant,
    imageName: s.imageName,
    bytes: s.bytes,
    offset: s.offset,
    container: s.container,
    ownsContainer: false,
    ctx: s.ctx ? copyCtx(s.ctx) : null,
    coord: copyCoord(s.coord),
    tasks,
    byPid,
    pids: s.pids,
    userOps: s.userOps,
    uflags: s.uflags,
    order: s.order.slice(),
    completion: s.completion,
    spurious: s.spurious,
    sigchldFromRestarting: s.sigchldFromRestarting,
    finished: s.finished,
    tasksDone: s.tasksDone,
    hung: s.hung,
    runqueue: s.runqueue.clone(),
    taken: s.taken,
    events: s.events,
  };
  // Copies never log: the explorer replays the schedule it reports with a real log.
  const world: World =
    run.world.log instanceof NullLog ? run.world : { ...run.world, log: new NullLog() };
  return { s: copy, world, picker: { kind: 'fifo' }, emit: emitterFor(null, () => copy.events++) };
}

/**
 * About what one copy of this restart holds, in bytes: its participants, its ctx and, once a
 * step writes to it, its own container (a kernel task each). An estimate for the explorer's
 * memory budget: the engine has no heap to ask.
 */
export function restartCopyBytes(s: RestartState): number {
  return 600 + 500 * Math.max(s.tasks.length, s.container?.tasks.size ?? 0);
}
