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
        return s.tasksDone === s.tasks.length;
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
