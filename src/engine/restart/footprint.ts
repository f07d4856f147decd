import { EXIT_ZOMBIE, PF_RESTARTING, TASK_STOPPED } from '../kernel/constants';
import { activationFinds } from './ctx';
import { countsCompletion, hasXchgWindow } from './variant';
import type { CoordPc, Part, RestartState, TaskPart, TaskPc } from './types';

/*
 * The dependency relation of the explorer's partial-order reduction (explore/dpor.ts), declared
 * next to the step machines: for every program counter, what the step it stands for reads,
 * writes and adds to. Both tables are `Record`s over every program counter, so a new step does
 * not compile until it says what it touches.
 *
 * A step's footprint includes what its wait condition reads (runnable.ts canRun): a step that
 * writes what another's wait reads may enable or disable it, and is dependent on it. Reference
 * counts, the finished-task count and the SIGCHLD count are only added to (ctxGet/ctxPut,
 * tasksDone++, sigchld++): adds commute with adds and conflict only with reads and writes.
 * Footprints are taken in the state before the step (restore_activate_next's target is the
 * task of the next pids entry then). footprint.test.ts checks against the state's own changes
 * that every write a step makes is declared.
 */

/** Resources shared by the whole restart. */
export const G = {
  /** ctx->active_pid and the activation order. */
  active: 0,
  /** CKPT_CTX_ERROR: the first error, its pid, and the protocol's own failure (spurious). */
  error: 1,
  /** ctx->complete: only ever set, so setting it is an add (sets commute, reads do not). */
  completed: 2,
  /** CKPT_CTX_SUCCESS. */
  success: 3,
  /** 73/80's nr_total. */
  nrTotal: 4,
  /** The ctx reference count (added to only). */
  ref: 5,
  /** The image stream position. */
  offset: 6,
  /** Restarting tasks whose machine ended (added to only). */
  done: 7,
  /** SIGCHLDs from restarting tasks (added to only). */
  sigchld: 8,
  /** The coordinator's own state (isHung reads its pc). */
  coord: 9,
} as const;
const GLOBALS = 10;

/** Resources of each task (by its index in RestartState.tasks). */
export const T = {
  /** checkpoint_ctx: hasPtr and the xchg window. */
  ptr: 0,
  /** The task's machine as others see it: pc, restored, zombie. */
  pc: 1,
  /** A pending SIGKILL (killed). */
  kill: 2,
  /** The kernel task's fields other than PF_RESTARTING. */
  kernel: 3,
  /** The kernel task's PF_RESTARTING bit. */
  restarting: 4,
  /** The task is in the container (not reaped). */
  exists: 5,
  /** What restore_task_struct learnt: restored, zombie. */
  restored: 6,
  /** The kernel task's exit_state (what the completion snapshot reads). */
  exitState: 7,
  /** Its place in the tree: parent, children, pgid, sid, pending signals, whether stopped. */
  links: 8,
} as const;
const PER_TASK = 9;

export function taskResource(index: number, r: number): number {
  return GLOBALS + index * PER_TASK + r;
}

export interface Footprint {
  reads: number[];
  writes: number[];
  adds: number[];
  /** Conflicts with every step (user space building the tree, tearing down the namespace). */
  all: boolean;
}

class Builder {
  readonly f: Footprint = { reads: [], writes: [], adds: [], all: false };
  constructor(private readonly s: RestartState) {}
  r(...x: number[]): this {
    this.f.reads.push(...x);
    return this;
  }
  w(...x: number[]): this {
    this.f.writes.push(...x);
    return this;
  }
  a(...x: number[]): this {
    this.f.adds.push(...x);
    return this;
  }
  everything(): this {
    this.f.all = true;
    return this;
  }
  /** Resource r of the task with this pid (nothing when there is none). */
  pid(pid: number, r: number): number[] {
    const t = this.s.byPid.get(pid);
    return t ? [taskResource(t.slot - 1, r)] : [];
  }
  /** Resource r of every task. */
  each(...rs: number[]): number[] {
    const out: number[] = [];
    for (let i = 0; i < this.s.tasks.length; i++) for (const r of rs) out.push(taskResource(i, r));
    return out;
  }
}

type TaskStep = (b: Builder, s: RestartState, p: TaskPart, me: (r: number) => number) => void;
type CoordStep = (b: Builder, s: RestartState) => void;

/** restore_activate_next (ctx.ts activateNext): advances active_pid and looks at the next task. */
function activation(b: Builder, s: RestartState): void {
  b.r(G.active).w(G.active);
  const ctx = s.ctx;
  if (!ctx) return void b.everything();
  const next = ctx.active + 1;
  if (next >= ctx.nrPids) return void b.a(G.completed);
  const vpid = ctx.pids[next].vpid;
  b.r(...b.pid(vpid, T.ptr), ...b.pid(vpid, T.exists));
  // A failed activation records the error (whose first-wins test reads it).
  if (!activationFinds(s, vpid)) b.r(G.error).w(G.error).a(G.completed);
}

/**
 * exit_notify (kernel/notify.ts, reparent.ts): reparents its children (their links, exit_signal
 * and PF_RESTARTING), signals or is reaped by its parent, and for orphaned process groups reads
 * every task's links and signals the stopped ones. Reads PF_EXITING of its relatives to find a
 * reaper.
 */
function exiting(b: Builder, s: RestartState, p: TaskPart, me: (r: number) => number): void {
  b.r(...b.each(T.links));
  b.w(me(T.kernel), me(T.links), me(T.exists), me(T.restarting), me(T.exitState));
  b.a(G.sigchld);
  const c = s.container;
  const task = c?.tasks.get(p.pid);
  if (!c || !task) return;
  // Its parent is signalled (or not: PF_RESTARTING mutes SIGCHLD), never reaped by it; a child
  // may be released when its new reaper does not wait.
  const relative = (pid: number) => {
    b.w(...b.pid(pid, T.kernel), ...b.pid(pid, T.links));
    b.w(...b.pid(pid, T.exitState)).r(...b.pid(pid, T.restarting));
  };
  relative(task.parent);
  for (const child of task.children) {
    relative(child);
    b.w(...b.pid(child, T.exists));
  }
  for (const t of s.tasks) {
    const k = c.tasks.get(t.pid);
    if (!k) continue;
    if (k.tgid === task.tgid) relative(t.pid);
    if (k.state & TASK_STOPPED) b.w(...b.pid(t.pid, T.links), ...b.pid(t.pid, T.kernel));
  }
}

/**
 * restore_task_pgid (completion.ts restoreTaskPgid): its own task's ids, the pids entry that
 * active_pid names, and only when the pgid changes the owner of the new pgid (its ids, whether
 * it is a zombie, its checkpoint_ctx) or, for a zombie owner, its parent. Taken in the state
 * before the step: a step that changes who the owner is writes what this reads.
 */
function pgidStep(b: Builder, s: RestartState, p: TaskPart, me: (r: number) => number): void {
  b.r(G.active, me(T.kernel), me(T.links)).w(me(T.links));
  const c = s.container;
  const t = c?.tasks.get(p.pid);
  const ctx = s.ctx;
  if (!c || !t || !ctx || ctx.active < 0 || ctx.active >= ctx.nrPids) return void b.everything();
  const pgid = ctx.pids[ctx.active].vpgid;
  if (t.tgid !== t.pid || pgid === t.pgid || t.sid === t.pid) return;
  b.r(...b.pid(pgid, T.exists), ...b.pid(pgid, T.kernel), ...b.pid(pgid, T.exitState));
  b.r(...b.pid(pgid, T.links), ...b.pid(pgid, T.ptr));
  const owner = c.tasks.get(pgid);
  if (owner && owner.exit_state === EXIT_ZOMBIE) {
    b.r(...b.pid(owner.parent, T.exists), ...b.pid(owner.parent, T.kernel));
    b.r(...b.pid(owner.parent, T.ptr), ...b.pid(owner.parent, T.exitState));
  }
}

/** markKilled: the task dies by SIGKILL. */
function killed(b: Builder, me: (r: number) => number): void {
  b.w(me(T.kernel), me(T.links), me(T.restarting), me(T.exitState)).a(G.done);
}

const TASK_STEPS: Record<TaskPc, TaskStep> = {
  wait_checkpoint_ctx: (b, s, p, me) => {
    b.r(me(T.ptr), me(T.kill));
    if (!p.hasPtr) return killed(b, me);
    b.a(G.ref);
    if (hasXchgWindow(s.variant)) b.w(me(T.ptr));
  },
  xchg_checkpoint_ctx: (b, _s, _p, me) => void b.w(me(T.ptr)),
  set_PF_RESTARTING: (b, _s, _p, me) => void b.w(me(T.restarting)),
  wait_task_active: (b, _s, _p, me) => void b.r(me(T.kill), G.error, G.active),
  restore_task_struct: (b, _s, _p, me) =>
    void b.r(G.active).w(G.offset, me(T.kernel), me(T.restored)),
  restore_task_pgid: (b, s, p, me) => pgidStep(b, s, p, me),
  restore_activate_next: (b, s) => activation(b, s),
  // atomic_dec_and_test(&ctx->nr_total) and complete(): decrements commute.
  restore_task_done: (b) => void b.a(G.nrTotal, G.completed),
  wait_task_sync: (b, _s, _p, me) => void b.r(me(T.kill), G.error, G.success),
  wait_ghostq: (b, _s, _p, me) => void b.r(me(T.kill), G.error, G.active).w(me(T.kernel)),
  ghost_put_local: (b) => void b.a(G.ref),
  ckpt_ctx_put_local: (b) => void b.a(G.ref),
  // beginExit: PF_EXITING and the exit code of its own task.
  do_exit: (b, _s, _p, me) => void b.w(me(T.kernel)),
  exit_notify: (b, s, p, me) => {
    // A dying container init first zaps the namespace (unless the others are done already):
    // it kills every other task.
    if (s.container?.init === p.pid) b.r(G.done, ...b.each(T.pc, T.kill)).w(...b.each(T.kill));
    exiting(b, s, p, me);
  },
  exit_checkpoint: (b, s, p, me) => {
    // As task.ts decides it: 73/80 counts a restarting task done, naive and a task without
    // PF_RESTARTING touch nothing, the others hand the turn on.
    b.r(me(T.restarting));
    const flags = s.container?.tasks.get(p.pid)?.flags ?? PF_RESTARTING;
    if (countsCompletion(s.variant) && flags & PF_RESTARTING) b.a(G.nrTotal, G.completed);
    else if (s.variant !== 'naive' && flags & PF_RESTARTING) activation(b, s);
  },
  // finishExit: its own task goes from running to TASK_DEAD. No other step reads a task's state
  // but to ask whether it is stopped (orphaned process groups), which this does not change.
  exit_checkpoint_put: (b, _s, _p, me) => void b.a(G.ref, G.done).w(me(T.ptr)),
  clear_task_ctx: (b, _s, _p, me) => void b.r(G.error).w(me(T.ptr)).a(G.ref),
  restore_notify_error: (b) => void b.r(G.error).w(G.error).a(G.completed),
  out_put_local: (b, _s, _p, me) => void b.w(me(T.restarting)).a(G.ref),
  restore_retval: (b, _s, _p, me) => void b.w(me(T.links)).a(G.done),
  do_exit_sigkill: (b, _s, _p, me) => killed(b, me),
  zap_pid_ns_wait: (b) => void b.r(G.done),
  done: () => {},
};

const COORD_STEPS: Record<CoordPc, CoordStep> = {
  restart: (b) => void b.everything(),
  clone_with_pids: (b) => void b.everything(),
  ckpt_ctx_alloc: (b) => void b.everything(),
  set_task_ctx: (b) => void b.a(G.ref),
  restore_read_header: (b) => void b.everything(),
  restore_read_tree: (b) => void b.everything(),
  init_restart_ctx: (b) => void b.everything(),
  prepare_descendants: (b) => void b.everything(),
  restore_activate_next: (b, s) => activation(b, s),
  wait_all_tasks_finish: (b, s) => {
    b.r(G.completed, G.error);
    // On success it notes who has restored and which zombies are EXIT_ZOMBIE yet.
    if (!s.ctx?.error) b.r(...b.each(T.restored, T.exitState, T.exists));
  },
  restore_read_tail: (b) => void b.r(G.error).w(G.offset, G.error).a(G.completed),
  do_restore_coord: (b) => void b.r(G.error).w(G.success),
  destroy_descendants: (b) => void b.r(...b.each(T.pc, T.ptr, T.kill)).w(...b.each(T.kill)),
  clear_task_ctx: (b) => void b.a(G.ref),
  ckpt_ctx_put: (b) => void b.a(G.ref),
  kill_tree: (b) => void b.everything(),
  zap_pid_ns_processes: (b) => void b.everything(),
  done: () => {},
};

/** What the next step of participant p reads, writes and adds to, in state s. */
export function footprint(s: RestartState, p: Part): Footprint {
  const b = new Builder(s);
  if (p.kind === 'coord') {
    b.w(G.coord);
    COORD_STEPS[p.pc](b, s);
    return b.f;
  }
  const i = p.slot - 1;
  const me = (r: number) => taskResource(i, r);
  // Every task step first looks its task up (a reaped one drops what it holds and ends) and
  // moves its own machine on.
  b.r(me(T.exists), me(T.kill)).w(me(T.pc));
  if (!s.container?.tasks.has(p.pid)) b.w(me(T.ptr)).a(G.ref, G.done);
  TASK_STEPS[p.pc](b, s, p, me);
  return b.f;
}

const MODE_READ = 1;
const MODE_WRITE = 2;
const MODE_ADD = 4;

/**
 * Whether two steps are dependent: they cannot be swapped without changing the state reached or
 * whether either can run. Reads conflict with writes and adds; adds commute with adds.
 */
export class Dependence {
  private mark = new Uint8Array(64);
  private marked: number[] = [];

  /** Marks a's footprint; `conflicts(b)` then tests b against it. */
  load(a: Footprint): this {
    for (const x of this.marked) this.mark[x] = 0;
    this.marked.length = 0;
    this.loadedAll = a.all;
    this.put(a.reads, MODE_READ);
    this.put(a.writes, MODE_WRITE);
    this.put(a.adds, MODE_ADD);
    return this;
  }

  private loadedAll = false;

  private put(xs: number[], mode: number): void {
    for (const x of xs) {
      if (x >= this.mark.length) {
        const bigger = new Uint8Array(Math.max(x + 1, this.mark.length * 2));
        bigger.set(this.mark);
        this.mark = bigger;
      }
      if (this.mark[x] === 0) this.marked.push(x);
      this.mark[x] |= mode;
    }
  }

  conflicts(b: Footprint): boolean {
    if (this.loadedAll || b.all) return true;
    const m = this.mark;
    for (const x of b.writes) if (m[x]) return true;
    for (const x of b.reads) if (m[x] & (MODE_WRITE | MODE_ADD)) return true;
    for (const x of b.adds) if (m[x] & (MODE_WRITE | MODE_READ)) return true;
    return false;
  }
}

/** Whether two footprints are dependent (one-off; the explorer reuses a Dependence). */
export function dependent(a: Footprint, b: Footprint): boolean {
  return new Dependence().load(a).conflicts(b);
}

/** Every program counter, in a fixed order (the state key codes a pc by its place here). */
export const TASK_PCS = Object.keys(TASK_STEPS) as TaskPc[];
export const COORD_PCS = Object.keys(COORD_STEPS) as CoordPc[];
