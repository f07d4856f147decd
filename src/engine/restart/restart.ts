import { fail, ok, type KError, type KResult } from '../errno';
import type { EngineLog } from '../events';
import { cloneContainer, newContainer } from '../kernel/world';
import type { World } from '../kernel/types';
import type { Schedule, Variant } from '../scenario/types';
import { activeTaskPid } from './ctx';
import { emitterFor, type Emit } from './emit';
import { allTasksSettled, refreshOne } from './runnable';
import { RunQueue } from './runqueue';
import { append, toArray } from './trail';
import { pick, pickerFor, type Picker } from './schedule';
import { stepCoordinator } from './coordinator';
import { stepTask } from './task';
import { parsePartId, type PartId } from '../part-id';
import type { Part, Pc, RestartState } from './types';

/** A restart in progress: its state, the world it builds into, and how the next step is chosen. */
export interface RestartRun {
  s: RestartState;
  world: World;
  emit: Emit;
  picker: Picker;
  /** RestartOptions.afterStep. */
  readonly afterStep?: (stepped: Part, broadcast: boolean) => void;
}

export interface RestartOptions {
  imageName: string;
  bytes: Uint8Array;
  variant: Variant;
  schedule?: Schedule;
  /** Where events go; null keeps none (the explorer). */
  log: EngineLog | null;
  /**
   * Called when a step has fully finished, with the participant that stepped and whether the
   * step may have woken every participant (the session records the world there).
   */
  afterStep?: (stepped: Part, broadcast: boolean) => void;
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
    ownsContainer: true,
    ctx: null,
    coord: {
      kind: 'coord',
      id: 'coord',
      slot: 0,
      pc: 'restart',
      nextClone: 0,
      result: null,
      hasPtr: false,
      hasAlloc: false,
    },
    tasks: [],
    byPid: new Map(),
    pids: [],
    userOps: [],
    uflags: 0,
    order: [],
    completion: null,
    spurious: null,
    sigchldFromRestarting: 0,
    finished: false,
    tasksDone: 0,
    hung: 0,
    runqueue: initialQueue(),
    taken: null,
    events: 0,
  };
  const run: RestartRun = {
    s,
    world,
    picker: pickerFor(o.schedule),
    emit: () => {},
    afterStep: o.afterStep,
  };
  run.emit = emitterFor(o.log, () => {
    run.s.events++;
  });
  return run;
}

function initialQueue(): RunQueue {
  const q = new RunQueue();
  q.add(0);
  return q;
}

export function participant(s: RestartState, id: PartId): Part | undefined {
  const pid = parsePartId(id);
  if (pid === undefined) return undefined;
  return pid === null ? s.coord : s.byPid.get(pid);
}

/** Steps that only read the container; every other step may write to it. */
const READ_ONLY_PCS: ReadonlySet<Pc> = new Set<Pc>([
  'ckpt_ctx_alloc',
  'restore_read_header',
  'restore_read_tree',
  'init_restart_ctx',
  'set_task_ctx',
  'prepare_descendants',
  'wait_all_tasks_finish',
  'restore_read_tail',
  'do_restore_coord',
  'ckpt_ctx_put',
  'kill_tree',
  'destroy_descendants',
  'xchg_checkpoint_ctx',
  'wait_task_active',
  'restore_activate_next',
  'restore_task_done',
  'ghost_put_local',
  'wait_task_sync',
  'ckpt_ctx_put_local',
  'exit_checkpoint',
  'clear_task_ctx',
  'restore_notify_error',
]);

function writesContainer(p: Part): boolean {
  return !READ_ONLY_PCS.has(p.pc);
}

function partAt(s: RestartState, slot: number): Part {
  return slot === 0 ? s.coord : s.tasks[slot - 1];
}

/** Ids of the runnable participants, in the order they became runnable. */
export function runnableIds(s: RestartState): PartId[] {
  return s.runqueue.slots().map((slot) => partAt(s, slot).id);
}

/**
 * Runs one step: of `choice` when given (a click in the UI, the explorer), else of the
 * participant the schedule picks. An id that is not runnable is an error naming it.
 */
export function stepRestart(run: RestartRun, choice?: PartId): KResult<PartId> {
  const s = run.s;
  if (s.finished) return fail('EINVAL', 'the restart has finished');
  if (s.runqueue.size === 0) return fail('EAGAIN', 'deadlock: no participant can run');
  let p: Part;
  if (choice !== undefined) {
    const chosen = participant(s, choice);
    if (!chosen || !s.runqueue.has(chosen.slot)) {
      return fail('EINVAL', `${choice} is not runnable (runnable: ${runnableIds(s).join(', ')})`);
    }
    p = chosen;
  } else {
    const picked = pick(run.picker, s.runqueue, (id) => participant(s, id)?.slot);
    if ('error' in picked) {
      return fail('EINVAL', `${picked.error} (runnable: ${runnableIds(s).join(', ') || 'none'})`);
    }
    p = partAt(s, picked.slot);
  }
  if (!s.ownsContainer && s.container && writesContainer(p)) {
    s.container = cloneContainer(s.container);
    s.ownsContainer = true;
  }
  const { broadcast } =
    p.kind === 'coord'
      ? stepCoordinator(s, run.world, run.emit)
      : stepTask(s, p, run.world, run.emit);
  s.taken = append(s.taken, p.id);
  if (p.kind === 'task' && p.pc === 'done') {
    s.tasksDone++;
    // A dying container init may be waiting in zap_pid_ns_processes for the others to die.
    const init = s.container ? s.byPid.get(s.container.init) : undefined;
    if (init && init !== p) refreshOne(s, init);
  }
  refreshOne(s, p);
  refreshOne(s, s.coord);
  const activePid = s.ctx ? activeTaskPid(s.ctx) : null;
  const active = activePid === null ? undefined : s.byPid.get(activePid);
  if (active) refreshOne(s, active);
  if (broadcast) for (const t of s.tasks) refreshOne(s, t);
  s.finished = s.coord.pc === 'done' && allTasksSettled(s);
  run.afterStep?.(p, broadcast);
  return ok(p.id);
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
export function runRestart(
  run: RestartRun,
  maxSteps = Number.MAX_SAFE_INTEGER,
): KResult<RestartOutcome> {
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
    schedule: toArray(s.taken),
  };
}
