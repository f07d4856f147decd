import { isHung } from '../restart/runnable';
import type { RestartState } from '../restart/types';
import { coordinatorReturnsEbusy } from '../restart/variant';

export type InvariantName =
  | 'activation-order'
  | 'restored-before-completion'
  | 'zombies-before-completion'
  | 'no-ctx-leak'
  | 'no-deadlock'
  | 'no-sigchld-during-restart'
  | 'error-kills-all'
  | 'no-spurious-failure';

export interface Violation {
  invariant: InvariantName;
  message: string;
}

/** Invariants that must hold in every reachable state (CONTRACTS.md section 6). */
export function stateViolations(s: RestartState): Violation[] {
  const out: Violation[] = [];
  const tasks = s.tasks;
  for (let i = 0; i < s.order.length; i++) {
    if (s.pids[i]?.vpid !== s.order[i]) {
      out.push({
        invariant: 'activation-order',
        message: `activation ${i} went to pid ${s.order[i]}, pids[${i}] is ${s.pids[i]?.vpid}`,
      });
      break;
    }
  }
  // Tasks are created in MakeForest's order, not the pids order: look at them by pids index.
  const byIndex: (typeof tasks)[number][] = [];
  for (const t of tasks) if (t.index >= 0) byIndex[t.index] = t;
  let gap = -1;
  for (const t of byIndex) {
    if (!t) continue;
    const done = t.restored;
    if (!done && gap < 0) gap = t.index;
    if (done && gap >= 0 && t.index > gap) {
      out.push({
        invariant: 'activation-order',
        message: `pid ${t.pid} (pids[${t.index}]) restored before pids[${gap}]`,
      });
      break;
    }
  }
  if (s.completion && s.completion.liveNotRestored.length > 0) {
    out.push({
      invariant: 'restored-before-completion',
      message: `the coordinator's wait returned success while pid ${s.completion.liveNotRestored.join(', ')} had not restored`,
    });
  }
  if (s.completion && s.completion.zombiesNotZombie.length > 0) {
    out.push({
      invariant: 'zombies-before-completion',
      message: `the coordinator's wait returned success while zombie pid ${s.completion.zombiesNotZombie.join(', ')} was not yet EXIT_ZOMBIE`,
    });
  }
  if (s.spurious) out.push({ invariant: 'no-spurious-failure', message: s.spurious });
  if (s.sigchldFromRestarting > 0) {
    out.push({
      invariant: 'no-sigchld-during-restart',
      message: `${s.sigchldFromRestarting} SIGCHLD sent by a task with PF_RESTARTING`,
    });
  }
  if (!s.finished && s.runqueue.size === 0) {
    const asleep = [s.coord, ...tasks]
      .filter((p) => p.pc !== 'done')
      .map((p) => `${p.id} in ${p.pc}`);
    out.push({ invariant: 'no-deadlock', message: `no participant can run: ${asleep.join(', ')}` });
  }
  return out;
}

/** Invariants checked once everything has finished. */
export function endViolations(s: RestartState): Violation[] {
  const out: Violation[] = [];
  if (s.ctx && s.ctx.refcount !== 0) {
    out.push({
      invariant: 'no-ctx-leak',
      message: `the ctx reference count is ${s.ctx.refcount} after the restart finished: it is never freed`,
    });
  }
  const result = s.coord.result;
  if (result) {
    const survivors = s.container ? [...s.container.tasks.keys()] : [];
    const first = s.ctx?.error ?? result;
    if (survivors.length > 0) {
      const hung = s.tasks.filter((t) => isHung(s, t)).map((t) => t.pid);
      out.push({
        invariant: 'error-kills-all',
        message:
          `restart failed (${result.errno}) but pid ${survivors.join(', ')} survived` +
          (hung.length ? ` (pid ${hung.join(', ')} blocked for good in wait_checkpoint_ctx)` : ''),
      });
    } else if (!coordinatorReturnsEbusy(s.variant) && first.errno !== result.errno) {
      // v17 answers -EBUSY to any ctx error (wait_all_tasks_finish); the others the first one.
      out.push({
        invariant: 'error-kills-all',
        message: `coordinator returned ${result.errno}, the first error was ${first.errno}`,
      });
    }
  }
  return out;
}
