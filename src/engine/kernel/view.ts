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

export function containerView(c: Container): ContainerView {
  const tasks = [...c.tasks.values()].sort((a, b) => a.pid - b.pid).map((t) => taskView(c, t));
  return { id: c.id, destroyed: c.destroyed, tasks };
}
