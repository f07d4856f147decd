import type { Part, RestartState } from './types';

/** Whether a participant can take its next step now (false = done, or asleep in a wait). */
export function canRun(s: RestartState, p: Part): boolean {
  const ctx = s.ctx;
  if (p.kind === 'coord') {
    switch (p.pc) {
      case 'done':
        return false;
      case 'wait_all_tasks_finish':
        return !!ctx?.completed;
      case 'zap_pid_ns_processes':
        return allTasksSettled(s);
      default:
        return true;
    }
  }
  switch (p.pc) {
    case 'done':
      return false;
    case 'wait_checkpoint_ctx':
      return p.hasPtr || p.killed;
    case 'wait_task_active':
      return p.killed || !!ctx?.error || ctx?.active === p.index;
    case 'wait_ghostq':
      return p.killed || !!ctx?.error || (!!ctx && ctx.active >= ctx.nrPids);
    case 'wait_task_sync':
      return p.killed || !!ctx?.error || !!ctx?.success;
    case 'zap_pid_ns_wait':
      return s.tasksDone >= s.tasks.length - 1;
    default:
      return true;
  }
}

/**
 * Re-evaluates a participant a step may have woken or put to sleep, keeping the run queue in
 * the order participants became runnable (the `fifo` order).
 */
export function refreshOne(s: RestartState, p: Part): void {
  if (canRun(s, p)) s.runqueue.add(p.slot);
  else s.runqueue.delete(p.slot);
}

/**
 * A task still waiting for a ctx after the coordinator's sys_restart has returned: nothing will ever set its
 * checkpoint_ctx (v17's changelog: the call "may block indefinitely"; it sleeps interruptibly,
 * so a signal from outside can still end it).
 */
export function isHung(s: RestartState, p: Part): boolean {
  return (
    p.kind === 'task' &&
    p.pc === 'wait_checkpoint_ctx' &&
    !p.hasPtr &&
    !p.killed &&
    (s.coord.pc === 'zap_pid_ns_processes' || s.coord.pc === 'done')
  );
}

/**
 * Every restarting task has ended or is blocked for good. The blocked ones are counted once,
 * when the coordinator returns (markReturned): nothing can change them afterwards.
 */
export function allTasksSettled(s: RestartState): boolean {
  return s.tasksDone + s.hung >= s.tasks.length;
}

/** The coordinator's sys_restart has returned: count the tasks left waiting for a ctx. */
export function markReturned(s: RestartState): void {
  let n = 0;
  for (const t of s.tasks) if (t.pc === 'wait_checkpoint_ctx' && !t.hasPtr && !t.killed) n++;
  s.hung = n;
}
