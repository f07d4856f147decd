import type { EngineEvent } from '../events';
import type { KernelFn } from '../kernel-fns';
import { parsePartId } from '../part-id';

/**
 * Kernel sub-steps that change only the task they name (and what its parent's view shows of
 * it): exit_notify sets the exiting task's exit_state; do_notify_parent reports the named child
 * (a signal it queues is delivered as its own group_send_sig_info event, which is not here);
 * forget_original_parent empties the father's child list, and each child moved is named by its
 * reparent_thread; ptrace_detach names the tracee; release_task names the task removed
 * (kernel/notify.ts, kernel/reparent.ts).
 */
const NAMES_WHAT_IT_CHANGES: ReadonlySet<KernelFn> = new Set<KernelFn>([
  'exit_notify',
  'do_notify_parent',
  'forget_original_parent',
  'reparent_thread',
  'ptrace_detach',
  'release_task',
]);

/**
 * The tasks a restart step's kernel sub-steps (logged apart, so the step shows as one event)
 * acted on, for the timeline recorder; undefined when one of them may have changed others (a
 * signal delivered, an orphaned process group, a zapped namespace): then every task is compared.
 */
export function touchedBySubSteps(
  pid: number,
  events: readonly EngineEvent[],
): number[] | undefined {
  const touched = [pid];
  for (const e of events) {
    if (!NAMES_WHAT_IT_CHANGES.has(e.fn) || e.pid === undefined) return undefined;
    touched.push(e.pid);
    const actor = parsePartId(e.actor);
    if (typeof actor === 'number') touched.push(actor);
  }
  return touched;
}
