import type { ParticipantView, TaskView, WorldSnapshot } from '../../engine/snapshot';
import type { Pc } from '../../engine/restart/types';

/** Snapshots for the tree model's tests: a task, a world of one container, a restart. */

export const task = (pid: number, ppid: number, extra: Partial<TaskView> = {}): TaskView => ({
  pid,
  tgid: pid,
  ppid,
  pgid: 1,
  sid: 1,
  comm: `t${pid}`,
  state: 'running',
  exit_code: 0,
  exit_signal: 17,
  pdeath_signal: 0,
  frozen: false,
  traced: false,
  ...extra,
});

export const world = (tasks: TaskView[]): WorldSnapshot => ({
  current: 1,
  containers: [{ id: 1, destroyed: false, tasks, freezer: 'THAWED', root: 1 }],
  images: [],
  restart: null,
});

/** `world(tasks)` during a restart of those participants. */
export const restarting = (tasks: TaskView[], participants: ParticipantView[]): WorldSnapshot => ({
  ...world(tasks),
  restart: {
    variant: 'v18-28',
    image: 'a',
    container: 1,
    pids: participants.map((p) => p.pid!),
    order: [],
    ctx: null,
    participants,
    finished: false,
  },
});

/** A restart participant of `pid` at `pc` (sleeping in wait_task_active, else runnable). */
export const part = (pid: number, pc: string): ParticipantView => ({
  id: `pid:${pid}`,
  pid,
  pc: pc as Pc,
  sleeping: pc === 'wait_task_active',
  runnable: pc !== 'wait_task_active',
  done: false,
  zombie: false,
  checkpoint_ctx: 'ctx',
  hung: false,
});
