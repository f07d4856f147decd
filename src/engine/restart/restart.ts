import { fail, ok, type KError, type KResult } from '../errno';
import { NullLog, type EventLog } from '../events';
import { cloneContainer, newContainer } from '../kernel/world';
import type { World } from '../kernel/types';
import type { Schedule, Variant } from '../scenario/types';
import { emitterFor, type Emit } from './emit';
import { refresh } from './runnable';
import { pick, pickerFor, type Picker } from './schedule';
import { stepCoordinator } from './coordinator';
import { stepTask } from './task';
import type { Part, PartId, RestartState } from './types';

/** A restart in progress: its state, the world it builds into, and how the next step is chosen. */
export interface RestartRun {
  s: RestartState;
  world: World;
  emit: Emit;
  picker: Picker;
}

export interface RestartOptions {
  imageName: string;
  bytes: Uint8Array;
  variant: Variant;
  schedule?: Schedule;
  /** Where events go; null keeps none (the explorer). */
  log: EventLog | null;
}

/** The coordinator is forked outside a new, empty container; nothing runs until the first step. */
export function beginRestart(world: World, o: RestartOptions): RestartRun {
  const container = newContainer(world, 0, false);
  const s: RestartState = {
    variant: o.variant,
    imageName: o.imageName,
    bytes: o.bytes,
    offset: 0,
    container,
    ctx: null,
    coord: { kind: 'coord', id: 'coord', pc: 'restart', nextClone: 0, result: null, hasPtr: false, hasAlloc: false },
    tasks: [],
    byPid: new Map(),
    pids: [],
    uflags: 0,
    order: [],
    completion: null,
    sigchldFromRestarting: 0,
    finished: false,
    runqueue: new Set(['coord']),
    taken: [],
    events: 0,
  };
  const run: RestartRun = { s, world, picker: pickerFor(o.schedule), emit: () => {} };
  run.emit = emitterFor(o.log, () => {
    run.s.events++;
  });
  return run;
}

export function participant(s: RestartState, id: PartId): Part | undefined {
  if (id === 'coord') return s.coord;
  const pid = Number(id.slice(4));
  return id.startsWith('pid:') ? s.byPid.get(pid) : undefined;
}

/**
 * Runs one step: of `choice` when given (a click in the UI, the explorer), else of the
 * participant the schedule picks. An id that is not runnable is an error naming it.
 */
export function stepRestart(run: RestartRun, choice?: PartId): KResult<PartId> {
  const s = run.s;
  if (s.finished) return fail('EINVAL', 'the restart has finished');
  if (s.runqueue.size === 0) return fail('EAGAIN', 'deadlock: no participant can run');
  let id: PartId;
  if (choice !== undefined) {
    if (!s.runqueue.has(choice)) return fail('EINVAL', `${choice} is not runnable (runnable: ${[...s.runqueue].join(', ')})`);
    id = choice;
  } else {
    const picked = pick(run.picker, s.runqueue);
    if ('error' in picked) return fail('EINVAL', picked.error);
    id = picked.id;
  }
  const p = participant(s, id)!;
  const { broadcast } = p.kind === 'coord' ? stepCoordinator(s, run.emit) : stepTask(s, p, run.world, run.emit);
  s.taken.push(id);
  const touched: Part[] = [p, s.coord];
  const active = s.ctx && s.ctx.active >= 0 && s.ctx.active < s.ctx.nrPids ? s.byPid.get(s.ctx.pids[s.ctx.active].vpid) : undefined;
  if (active) touched.push(active);
  refresh(s, broadcast ? [...touched, ...s.tasks] : touched);
  // A newly cloned task is asleep until prepare_descendants; nothing to add to the queue.
  s.finished = s.coord.pc === 'done' && s.tasks.every((t) => t.pc === 'done');
  return ok(id);
}

export interface RestartOutcome {
  ok: boolean;
  error: KError | null;
  /** The pid whose record failed, when a task's record caused the failure. */
  pid: number | null;
  container: number;
  order: number[];
  events: number;
  ctx_refcount_end: number;
  schedule: PartId[];
}

/** Runs to the end under the run's schedule; a step that cannot be taken ends it with that error. */
export function runRestart(run: RestartRun, maxSteps = Number.MAX_SAFE_INTEGER): KResult<RestartOutcome> {
  let n = 0;
  while (!run.s.finished) {
    if (n++ >= maxSteps) return fail('EAGAIN', `restart did not finish within ${maxSteps} steps`);
    const r = stepRestart(run);
    if (!r.ok) return r;
  }
  return ok(outcome(run.s));
}

export function outcome(s: RestartState): RestartOutcome {
  const error = s.coord.result;
  return {
    ok: !error,
    error,
    pid: error ? (s.ctx?.errorPid ?? null) : null,
    container: s.container!.id,
    order: s.order.slice(),
    events: s.events,
    ctx_refcount_end: s.ctx ? s.ctx.refcount : 0,
    schedule: s.taken.slice(),
  };
}

/** A deep copy for the explorer: the container and every participant; the image bytes are shared. */
export function cloneRun(run: RestartRun): RestartRun {
  const s = run.s;
  const tasks = s.tasks.map((t) => ({ ...t }));
  const copy: RestartState = {
    ...s,
    container: s.container ? cloneContainer(s.container) : null,
    ctx: s.ctx ? { ...s.ctx, refHistory: s.ctx.refHistory.slice() } : null,
    coord: { ...s.coord },
    tasks,
    byPid: new Map(tasks.map((t) => [t.pid, t])),
    order: s.order.slice(),
    completion: s.completion ? { ...s.completion } : null,
    runqueue: new Set(s.runqueue),
    taken: s.taken.slice(),
  };
  const world: World = { ...run.world, log: new NullLog() };
  return { s: copy, world, picker: { kind: 'fifo' }, emit: emitterFor(null, () => copy.events++) };
}
