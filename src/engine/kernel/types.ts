import type { EngineLog } from '../events';

/**
 * One task_struct of the simulated 2.6.31 kernel, as far as Linux-CR's task record and the
 * task tree need it. Pids are virtual pids in the container's pid namespace.
 */
export interface Task {
  pid: number;
  tgid: number;
  /** real_parent's pid; 0 when the parent is outside the container (the root, its siblings). */
  parent: number;
  pgid: number;
  sid: number;
  /** At most TASK_COMM_LEN - 1 = 15 bytes. */
  comm: string;
  /** TASK_* value (spec 1.1). */
  state: number;
  /** 0, EXIT_ZOMBIE or EXIT_DEAD. */
  exit_state: number;
  /** Wait status of a zombie; the uncollected stop signal of a stopped task; else 0. */
  exit_code: number;
  /** 17 (SIGCHLD) for leaders by default, -1 for non-leader threads. */
  exit_signal: number;
  pdeath_signal: number;
  set_child_tid: number;
  clear_child_tid: number;
  /** PF_* flags (PF_RESTARTING, PF_EXITING). */
  flags: number;
  /** Pid of the ptrace tracer, 0 when not traced. */
  ptracer: number;
  /** How many tasks this task traces, so an exit looks for tracees only when there are some. */
  tracees: number;
  /** Member of the container's freezer cgroup (false after leave_freezer). */
  inFreezer: boolean;
  /** Signals sent while frozen, delivered at thaw, in order. */
  pending: number[];
  /** SIGCHLD is SIG_IGN for this thread group (kept on every thread of the group). */
  ignoreSigchld: boolean;
  /** Identity of the task's nsproxy; differs from the container's only in tests of check 7. */
  nsproxy: number;
  /** Pids of tasks whose real_parent is this task, in list order (creation or reparenting). */
  children: number[];
}

export type FreezerState = 'THAWED' | 'FROZEN';

/** A pid namespace with its freezer cgroup: the unit that is checkpointed and restarted. */
export interface Container {
  id: number;
  destroyed: boolean;
  tasks: Map<number, Task>;
  /** The children list of the parent outside the container: the root, then later siblings. */
  outer: number[];
  /**
   * The kernel's thread_group list without its leader: for each tgid that has threads, their
   * pids in the order they were created. Kept so that finding a task's group costs the size of
   * the group, not a scan of its parent's children (which made exits quadratic in siblings).
   */
  threads: Map<number, number[]>;
  /**
   * The highest pid in `tasks`, or -1 when the task that held it has been removed and it must be
   * looked up again. Kept so that a fork's default pid is not a scan of every task (100,000
   * forks were quadratic).
   */
  pidHigh: number;
  /** Pid of the tree's root. */
  root: number;
  /** Pid of the container init (child reaper), or 0 when the root is not an init. */
  init: number;
  freezer: FreezerState;
  nsproxy: number;
}

/** Everything the simulated machine holds: containers and named images. */
export interface World {
  containers: Container[];
  /** Id of the current container (pids in scenario steps name its tasks). */
  current: number;
  images: Map<string, Uint8Array>;
  log: EngineLog;
}
