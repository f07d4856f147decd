/** Plain-data views of tasks and containers (CONTRACTS.md section 3). */
import type { ContainerView, TaskStateName, TaskView } from '../snapshot';
import { EXIT_DEAD, EXIT_ZOMBIE, TASK_STOPPED, TASK_TRACED } from './constants';
import type { Container, Task } from './types';
import { isFrozen } from './tree';

export function stateName(t: Task): TaskStateName {
  if (t.exit_state === EXIT_DEAD) return 'dead';
  if (t.exit_state === EXIT_ZOMBIE) return 'zombie';
  if (t.state & TASK_TRACED) return 'traced';
  if (t.state & TASK_STOPPED) return 'stopped';
  return 'running';
}

/** Every state name, in the order packed task views number them (src/worker/pack.ts). */
export const TASK_STATE_NAMES: readonly TaskStateName[] = [
  'running',
  'stopped',
  'traced',
  'zombie',
  'dead',
];

/**
 * How a task view's field travels when long lists are packed into columns: a 32-bit integer,
 * a string column, the state name's number, or one bit.
 */
export type TaskViewWire = 'int' | 'text' | 'state' | 'flag';

export interface TaskViewField<K extends keyof TaskView> {
  wire: TaskViewWire;
  of: (c: Container, t: Task) => TaskView[K];
}

/**
 * The task view, one entry per field in the order reports list them: how each is read from the
 * kernel's task and how it travels packed. The worker's columns (src/worker/pack.ts) and view
 * copies are walks over this table; `taskView` and `sameTaskView` are written out, because a
 * walk over the table made recording a 2,000-task restart 2.7 times slower (they run for every
 * task an event may have changed), and view.test.ts checks both against the table.
 */
export const TASK_VIEW_FIELDS: { readonly [K in keyof TaskView]: TaskViewField<K> } = {
  pid: { wire: 'int', of: (_c, t) => t.pid },
  tgid: { wire: 'int', of: (_c, t) => t.tgid },
  ppid: { wire: 'int', of: (_c, t) => t.parent },
  pgid: { wire: 'int', of: (_c, t) => t.pgid },
  sid: { wire: 'int', of: (_c, t) => t.sid },
  comm: { wire: 'text', of: (_c, t) => t.comm },
  state: { wire: 'state', of: (_c, t) => stateName(t) },
  exit_code: { wire: 'int', of: (_c, t) => t.exit_code },
  exit_signal: { wire: 'int', of: (_c, t) => t.exit_signal },
  pdeath_signal: { wire: 'int', of: (_c, t) => t.pdeath_signal },
  frozen: { wire: 'flag', of: isFrozen },
  traced: { wire: 'flag', of: (_c, t) => t.ptracer !== 0 },
};

/** The task view's fields in table order (the order of keys in every view). */
export const TASK_VIEW_KEYS = Object.keys(TASK_VIEW_FIELDS) as (keyof TaskView)[];

export function taskView(c: Container, t: Task): TaskView {
  return {
    pid: t.pid,
    tgid: t.tgid,
    ppid: t.parent,
    pgid: t.pgid,
    sid: t.sid,
    comm: t.comm,
    state: stateName(t),
    exit_code: t.exit_code,
    exit_signal: t.exit_signal,
    pdeath_signal: t.pdeath_signal,
    frozen: isFrozen(c, t),
    traced: t.ptracer !== 0,
  };
}

/** Whether `v` still shows task `t` as it is (compares without building a view). */
export function sameTaskView(c: Container, t: Task, v: TaskView): boolean {
  return (
    v.pid === t.pid &&
    v.tgid === t.tgid &&
    v.ppid === t.parent &&
    v.pgid === t.pgid &&
    v.sid === t.sid &&
    v.comm === t.comm &&
    v.exit_code === t.exit_code &&
    v.exit_signal === t.exit_signal &&
    v.pdeath_signal === t.pdeath_signal &&
    v.traced === (t.ptracer !== 0) &&
    v.frozen === isFrozen(c, t) &&
    v.state === stateName(t)
  );
}

/** A copy of a task view with its keys in table order, whatever order `v` has them in. */
export function copyTaskView(v: TaskView): TaskView {
  const out = {} as Record<keyof TaskView, unknown>;
  for (const k of TASK_VIEW_KEYS) out[k] = v[k];
  return out as TaskView;
}

export function containerView(c: Container): ContainerView {
  const tasks = [...c.tasks.values()].sort((a, b) => a.pid - b.pid).map((t) => taskView(c, t));
  return { id: c.id, destroyed: c.destroyed, tasks };
}
