import type { Task } from '../kernel/types';
import type { CoordPart, RestartCtx, RestartState, TaskPart } from './types';

/**
 * What each field of a restart is to the explorer, which copies a restart at every branch
 * (clone.ts) and merges states with equal keys (explore/hash.ts). One table per shape, checked
 * by the compiler to name every field once, so that a field cannot be added without saying
 * whether copies share it and whether the key holds it:
 *
 * - `fixed`: set when the object is made and never changed; copies share it, the key leaves it out.
 * - `state`: changed by steps; copied, and in the key.
 * - `implied`: changed by steps, but decided by the keyed fields; copied, left out of the key.
 * - `history`: how the state was reached (the schedule); copied, and left out of the key on
 *   purpose, so that interleavings reaching the same state merge.
 *
 * explore/merge-oracle.property.test.ts checks the claims: merged by this key, the explorer
 * finds what it finds merged by the whole state.
 */
export type FieldRole = 'fixed' | 'state' | 'implied' | 'history';

type Roles<T> = Record<keyof T, FieldRole>;

export const TASK_PART_FIELDS = {
  kind: 'fixed',
  id: 'fixed',
  slot: 'fixed',
  pid: 'fixed',
  index: 'fixed',
  ghost: 'fixed',
  pc: 'state',
  hasPtr: 'state',
  /** Inside do_restore_task's xchg window (restore_activate_next reads NULL). */
  ctxNull: 'state',
  hasLocal: 'state',
  restored: 'state',
  zombie: 'state',
  ret: 'state',
  killed: 'state',
} as const satisfies Roles<TaskPart>;

export const COORD_PART_FIELDS = {
  kind: 'fixed',
  id: 'fixed',
  slot: 'fixed',
  pc: 'state',
  nextClone: 'state',
  result: 'state',
  hasPtr: 'state',
  hasAlloc: 'state',
} as const satisfies Roles<CoordPart>;

export const RESTART_CTX_FIELDS = {
  refcount: 'state',
  refHistory: 'history',
  pids: 'fixed',
  nrPids: 'fixed',
  active: 'state',
  /** 73/80's count of tasks that have not called restore_task_done. */
  nrTotal: 'state',
  error: 'state',
  /** The first error's record: decided with the error itself. */
  errorPid: 'implied',
  completed: 'state',
  success: 'state',
  /** Freed when the last reference is put: the refcount and the program counters decide it. */
  freed: 'implied',
} as const satisfies Roles<RestartCtx>;

/**
 * The restart's own fields. Its parts, ctx and container are copied by their own tables (and
 * the container on write); `order` is keyed by its length, as activation follows pids order.
 */
export const RESTART_STATE_FIELDS = {
  variant: 'fixed',
  imageName: 'fixed',
  bytes: 'fixed',
  offset: 'state',
  container: 'state',
  ownsContainer: 'fixed',
  ctx: 'state',
  coord: 'state',
  tasks: 'state',
  byPid: 'implied',
  pids: 'implied',
  /** MakeForest's steps, decided by the image; nextClone says how far user space is. */
  userOps: 'implied',
  uflags: 'implied',
  order: 'state',
  completion: 'state',
  /** Whether the protocol failed a good image by itself (no-spurious-failure). */
  spurious: 'state',
  sigchldFromRestarting: 'state',
  finished: 'implied',
  tasksDone: 'implied',
  /** Counted when the coordinator returns, from the tasks' program counters. */
  hung: 'implied',
  runqueue: 'history',
  taken: 'history',
  events: 'history',
} as const satisfies Roles<RestartState>;

/**
 * The kernel task of a restarting participant: only what restart steps change is keyed; the
 * rest is the record restore_task_struct applied, decided by `restored` and the image.
 */
export const RESTARTING_TASK_FIELDS = {
  pid: 'fixed',
  tgid: 'fixed',
  parent: 'state',
  /** Set by MakeForest (inherited, setsid) and 73/80's restore_task_pgid: the pcs decide. */
  pgid: 'implied',
  sid: 'implied',
  comm: 'implied',
  state: 'state',
  exit_state: 'state',
  exit_code: 'implied',
  exit_signal: 'implied',
  pdeath_signal: 'implied',
  set_child_tid: 'implied',
  clear_child_tid: 'implied',
  flags: 'state',
  ptracer: 'implied',
  tracees: 'implied',
  inFreezer: 'implied',
  pending: 'implied',
  ignoreSigchld: 'implied',
  nsproxy: 'fixed',
  children: 'implied',
} as const satisfies Roles<Task>;
