import type { KError } from '../errno';
import type { PidsEntry } from '../image/types';
import type { Container } from '../kernel/types';
import type { PartId, TaskPartId } from '../part-id';
import type { Variant } from '../scenario/types';
import type { RunQueue } from './runqueue';
import type { Trail } from './trail';
import type { UserOp } from './make-forest';

/**
 * The restart context (struct ckpt_ctx as restart uses it). Every get and put is an event and
 * is kept in `refHistory` so the UI can show how the count moved.
 */
export interface RestartCtx {
  refcount: number;
  refHistory: Trail<number>;
  pids: PidsEntry[];
  nrPids: number;
  /** Index into pids of the task whose turn it is; starts at -1. */
  active: number;
  /** 73/80's nr_total: tasks (ghosts included) that have not called restore_task_done yet. */
  nrTotal: number;
  /** CKPT_CTX_ERROR with the first errno recorded (restore_notify_error: first error wins). */
  error: KError | null;
  /** Pid of the record that failed, when a task's record caused the error. */
  errorPid: number | null;
  /** ctx->complete has fired. */
  completed: boolean;
  /** CKPT_CTX_SUCCESS. */
  success: boolean;
  freed: boolean;
}

/** Program counters: the kernel (or user-space) function a participant will run next. */
export type CoordPc =
  | 'restart'
  | 'clone_with_pids'
  | 'ckpt_ctx_alloc'
  | 'set_task_ctx'
  | 'restore_read_header'
  | 'restore_read_tree'
  | 'init_restart_ctx'
  | 'prepare_descendants'
  | 'restore_activate_next'
  | 'wait_all_tasks_finish'
  | 'restore_read_tail'
  | 'do_restore_coord'
  | 'destroy_descendants'
  | 'clear_task_ctx'
  | 'ckpt_ctx_put'
  | 'kill_tree'
  | 'zap_pid_ns_processes'
  | 'done';

export type TaskPc =
  | 'wait_checkpoint_ctx'
  | 'xchg_checkpoint_ctx'
  | 'set_PF_RESTARTING'
  | 'wait_task_active'
  | 'restore_task_struct'
  | 'restore_task_pgid'
  | 'restore_activate_next'
  | 'restore_task_done'
  | 'wait_task_sync'
  | 'wait_ghostq'
  | 'ghost_put_local'
  | 'ckpt_ctx_put_local'
  | 'do_exit'
  | 'exit_notify'
  | 'exit_checkpoint'
  | 'exit_checkpoint_put'
  | 'clear_task_ctx'
  | 'restore_notify_error'
  | 'out_put_local'
  | 'restore_retval'
  | 'do_exit_sigkill'
  | 'zap_pid_ns_wait'
  | 'done';

/** Where any participant is. */
export type Pc = CoordPc | TaskPc;

export interface CoordPart {
  kind: 'coord';
  id: 'coord';
  /** Run-queue slot: always 0. */
  slot: 0;
  pc: CoordPc;
  /** Next user-space step (RestartState.userOps) to run. */
  nextClone: number;
  /** First error of the coordinator's own work, or the ctx's first error at the end. */
  result: KError | null;
  /** The ctx pointer on the coordinator (one reference). */
  hasPtr: boolean;
  /** The syscall's own reference from ckpt_ctx_alloc. */
  hasAlloc: boolean;
}

export interface TaskPart {
  kind: 'task';
  id: TaskPartId;
  /** Run-queue slot: index + 1. */
  slot: number;
  pid: number;
  /** Index of this task's entry in the pids array; -1 for a ghost. */
  index: number;
  /** A ghost (73/80): created only to own a dead pgid; restart(RESTART_GHOST), do_ghost_task. */
  ghost: boolean;
  pc: TaskPc;
  /** task->checkpoint_ctx is set (holds one reference). */
  hasPtr: boolean;
  /**
   * Inside do_restore_task's xchg window: checkpoint_ctx reads NULL while the reference it
   * held sits in the local variable, until the second xchg puts it back.
   */
  ctxNull: boolean;
  /** The local reference taken in do_restore_task. */
  hasLocal: boolean;
  /** restore_task_struct read and applied this task's record. */
  restored: boolean;
  /** The record said zombie (known after restore_task_struct). */
  zombie: boolean;
  /** do_restore_task's result so far: 0 or an error. */
  ret: KError | null;
  /** SIGKILL is pending (user space killed the half-built tree). */
  killed: boolean;
}

export type Part = CoordPart | TaskPart;

/** What the coordinator saw when its wait returned success: the facts the invariants check. */
export interface CompletionSeen {
  liveNotRestored: number[];
  zombiesNotZombie: number[];
}

export interface RestartState {
  variant: Variant;
  imageName: string;
  bytes: Uint8Array;
  /** Position of the shared image stream (tasks read their records in turn). */
  offset: number;
  /** Container the restart builds; created by the first user-space step. */
  container: Container | null;
  /** False in an explorer copy until a step writes to the container (copy on write). */
  ownsContainer: boolean;
  ctx: RestartCtx | null;
  coord: CoordPart;
  tasks: TaskPart[];
  /** Tasks by pid, for restore_activate_next's lookup. */
  byPid: Map<number, TaskPart>;
  /** pids read by user space (to create the tree) before the kernel reads them again. */
  pids: PidsEntry[];
  /** The user-space steps that create the tree (MakeForest), run one per coordinator step. */
  userOps: UserOp[];
  uflags: number;
  /** Vpids in activation order. */
  order: number[];
  completion: CompletionSeen | null;
  /**
   * A failure the protocol made by itself (not the image): ESRCH from restore_activate_next for
   * a task that exists, or EAGAIN from do_restore_task's ctx checks. Null while there is none.
   */
  spurious: string | null;
  /** SIGCHLDs sent by a task while it had PF_RESTARTING (must stay 0). */
  sigchldFromRestarting: number;
  finished: boolean;
  /** Restarting tasks whose machine has ended (returned to user space, zombie, or dead). */
  tasksDone: number;
  /** Tasks left waiting for a ctx when the coordinator returned (they never run again). */
  hung: number;
  /** Runnable participants in the order they became runnable (the fifo order). */
  runqueue: RunQueue;
  /** Participant ids in the order they ran: the schedule that reproduces this run. */
  taken: Trail<PartId> | null;
  events: number;
}
