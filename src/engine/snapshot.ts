import type { PartId } from './part-id';
import type { Pc } from './restart/types';

/** Plain-data views of the world, shared by reports, the worker protocol and the UI. */

export type TaskStateName = 'running' | 'stopped' | 'traced' | 'zombie' | 'dead';

/** A task as crviz-report/1 lists it (CONTRACTS.md section 3). */
export interface TaskView {
  pid: number;
  tgid: number;
  ppid: number;
  pgid: number;
  sid: number;
  comm: string;
  state: TaskStateName;
  exit_code: number;
  exit_signal: number;
  pdeath_signal: number;
  frozen: boolean;
  traced: boolean;
}

export interface ContainerView {
  id: number;
  destroyed: boolean;
  tasks: TaskView[];
}

/** Where one restart participant is: the kernel function it is in and whether it sleeps. */
export interface ParticipantView {
  id: PartId;
  pid: number | null;
  pc: Pc;
  sleeping: boolean;
  runnable: boolean;
  done: boolean;
  zombie: boolean;
  /**
   * What its checkpoint_ctx holds: this restart's ctx, or NULL (not yet prepared, inside
   * do_restore_task's xchg window, or cleared on the way out).
   */
  checkpoint_ctx: 'ctx' | 'NULL';
  /** Blocked for good: it waits for a ctx and the coordinator has returned without giving one. */
  hung: boolean;
}

export interface RestartCtxView {
  active_pid: number;
  nr_pids: number;
  refcount: number;
  refcount_history: number[];
  error: string | null;
  completed: boolean;
  success: boolean;
  freed: boolean;
}

export interface RestartView {
  variant: string;
  image: string;
  container: number;
  pids: number[];
  order: number[];
  ctx: RestartCtxView | null;
  participants: ParticipantView[];
  finished: boolean;
}

export interface WorldSnapshot {
  current: number;
  containers: (ContainerView & { freezer: 'THAWED' | 'FROZEN'; root: number })[];
  images: string[];
  restart: RestartView | null;
}

/**
 * The container the debugger shows at a snapshot: the one a restart builds while there is one,
 * else the current one (or the current one, if the restart's is not in the snapshot).
 */
export function shownContainer(s: WorldSnapshot): WorldSnapshot['containers'][number] | undefined {
  const id = s.restart?.container ?? s.current;
  return s.containers.find((c) => c.id === id) ?? s.containers.find((c) => c.id === s.current);
}
