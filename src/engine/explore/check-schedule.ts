import { stepRestart } from '../restart/restart';
import type { PartId } from '../part-id';
import type { Scenario, Variant } from '../scenario/types';
import { restartStarter } from './explore';
import { endViolations, stateViolations, type InvariantName, type Violation } from './invariants';

/** One schedule of a scenario's first restart, run to its end with every invariant checked. */
export interface ScheduleCheck {
  /** Every participant step as it ran: `schedule`'s, then the fifo picks after it. */
  schedule: PartId[];
  /** The invariants it breaks (the first time each breaks), none for a passing schedule. */
  violations: Violation[];
}

/**
 * Runs the first restart of `scenario` under `variant`, taking `schedule`'s steps first (none:
 * fifo from the start) and fifo after them, checking the invariants the explorer checks
 * (CONTRACTS.md section 6) after every step and at the end. The counterexample view uses it to
 * say whether the schedule shown beside a counterexample passes.
 */
export function checkSchedule(
  scenario: Scenario,
  variant: Variant,
  schedule: readonly PartId[] = [],
): ScheduleCheck | { unsupported: string } {
  const prep = restartStarter(scenario, { variant });
  if ('unsupported' in prep) return prep;
  const run = prep.start(null);
  const ran: PartId[] = [];
  const found = new Map<InvariantName, Violation>();
  const note = (vs: Violation[]) => {
    for (const v of vs) if (!found.has(v.invariant)) found.set(v.invariant, v);
  };
  while (!run.s.finished && run.s.runqueue.size > 0) {
    const r = stepRestart(run, schedule[ran.length]);
    if (!r.ok) break;
    ran.push(r.value);
    note(stateViolations(run.s));
  }
  note(stateViolations(run.s));
  if (run.s.finished) note(endViolations(run.s));
  return { schedule: ran, violations: [...found.values()] };
}

/** How many schedules `findPassingSchedule` tries before it says none was found. */
const PASSING_TRIES = 48;

/**
 * A schedule of the first restart that breaks no invariant, to show beside a counterexample:
 * fifo first, then the counterexample's own steps up to a shorter and shorter prefix, each
 * continued by fifo (a passing schedule that shares most of the counterexample's past is the
 * easiest to compare with it). Null when none of those passes (v17 leaks on every schedule).
 */
export function findPassingSchedule(
  scenario: Scenario,
  variant: Variant,
  near: readonly PartId[],
): ScheduleCheck | null | { unsupported: string } {
  const tries: number[] = [0];
  const stride = Math.max(1, Math.ceil(near.length / PASSING_TRIES));
  for (let k = near.length - 1; k > 0; k -= stride) tries.push(k);
  for (const k of tries) {
    const r = checkSchedule(scenario, variant, near.slice(0, k));
    if ('unsupported' in r) return r;
    if (r.violations.length === 0) return r;
  }
  return null;
}
