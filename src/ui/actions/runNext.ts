import { activePid } from '../../engine/restart/view';
import type { ParticipantView, RestartView } from '../../engine/snapshot';
import { stepIndexAt } from '../../store/scenarioEdit';
import { noticeStep } from '../../store/stepResult';
import type { DebuggerState } from '../../store/types';
import { enabledStates } from './run';

/**
 * Why a restart participant cannot take the next step, in the words of the wait it sleeps in
 * (the conditions of `canRun`, src/engine/restart/runnable.ts).
 */
export function whyNotRunnable(r: RestartView, p: ParticipantView): string {
  const who = p.pid === null ? 'the coordinator' : `pid ${p.pid}`;
  if (p.done) return `${who} has finished its part of the restart`;
  if (p.hung) return `${who} waits for a ctx the coordinator will never give it (hung)`;
  const active = activePid(r);
  switch (p.pc) {
    case 'wait_checkpoint_ctx':
      return `${who} sleeps in wait_checkpoint_ctx until the coordinator hands it the ctx`;
    case 'wait_task_active':
      return `${who} sleeps in wait_task_active until active_pid is its turn (now ${
        active === null ? 'no task' : `pid ${active}`
      })`;
    case 'wait_task_sync':
      return `${who} sleeps in wait_task_sync until the coordinator reports the restart succeeded`;
    case 'wait_ghostq':
      return `${who} sleeps in wait_ghostq until every task has had its turn`;
    case 'wait_all_tasks_finish':
      return `${who} sleeps in wait_all_tasks_finish until the last task completes the restart`;
    case 'zap_pid_ns_processes':
    case 'zap_pid_ns_wait':
      return `${who} waits in ${p.pc} until every other task has settled`;
    default:
      return `${who} is not runnable in ${p.pc}`;
  }
}

/**
 * Says why Run next cannot run (a double click on a task that cannot run next), as a notice of
 * the step on screen: it goes when the cursor moves on.
 */
export function sayWhyNotRunNext(state: DebuggerState): void {
  const why = enabledStates(state)['run-next'];
  if (why === true || !state.recording) return;
  const step = stepIndexAt(state.recording, state.cursor);
  state.notify(
    'info',
    `Cannot run next: ${why}`,
    step >= 0 ? noticeStep(state.recording, step) : undefined,
  );
}
