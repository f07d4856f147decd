import type { EngineLog } from '../events';
import type { PartId } from '../part-id';
import { cloneRun } from '../restart/clone';
import { stepRestart, type RestartRun } from '../restart/restart';
import { toArray } from '../restart/trail';
import type { Part, RestartState } from '../restart/types';
import { TICK_STATES, type ExploreTick } from './tick';
import { endViolations, stateViolations, type Violation } from './invariants';

/*
 * Preemption probes: a quick, directed hunt for violations before the exhaustive search, in the
 * spirit of CHESS's iterative context bounding (Musuvathi and Qadeer, "Iterative context
 * bounding for systematic testing of multithreaded programs", PLDI 2007): most concurrency bugs
 * need very few preemptions. Along the fifo schedule, at every step and for every other runnable
 * participant, one probe preempts the fifo choice for that participant and then runs without
 * another preemption: the participant that ran last goes on while it can, and when it blocks the
 * one that became runnable last takes over (the hand-off the step just made: an activation, a
 * completion). That is one preemption, on L x width schedules.
 *
 * The races this catches are the protocol's: naive's zombie hands the turn on before do_exit,
 * is preempted there, and the chain of activations it started reaches the coordinator's wait
 * first. The exhaustive search finds them too, but depth first on a large tree it reaches an
 * early preemption only after everything below it. Probes only add counterexamples (each is a
 * schedule that ran); what the search covers and whether it is complete is the search's.
 *
 * Each probe copies the state once, at its preemption point, and then steps that copy in place;
 * the invariants are checked at its end only: the state invariants are sticky (restart/types.ts),
 * so a violation on the way is still there. A probe that finds one is replayed to find the step.
 */

/** Found by a probe: the violation, the whole schedule, and the step after which it first held. */
export interface ProbeFinding {
  violation: Violation;
  ids: PartId[];
  step: number;
}

function partAt(s: RestartState, slot: number): Part {
  return slot === 0 ? s.coord : s.tasks[slot - 1];
}

/**
 * Runs the probes, handing each violation found to `found` (`better` says whether a schedule
 * of that length would improve on what is known for the invariant). Yields a tick every
 * TICK_STATES probe steps with `states` unchanged (probe steps are not states of the search);
 * a true answer stops the probes.
 */
export function* preemptionProbes(
  start: (log: EngineLog | null) => RestartRun,
  found: (f: ProbeFinding) => void,
  better: (v: Violation, length: number) => boolean,
  states: () => number,
): Generator<ExploreTick, boolean, boolean | undefined> {
  // The fifo path, a copy of the state before each step (what the depth-first search holds too).
  const path: RestartRun[] = [];
  const base = start(null);
  while (!base.s.finished && base.s.runqueue.size > 0) {
    path.push(cloneRun(base));
    stepRestart(base, partAt(base.s, base.s.runqueue.first()).id);
  }
  // Latest preemption points first: a probe costs the steps after its point, so the late ones
  // are cheap, and the protocol's races cluster around the completion at the end.
  let steps = 0;
  for (let i = path.length - 1; i >= 0; i--) {
    const at = path[i];
    path.pop();
    const slots = at.s.runqueue.slots();
    const fifo = slots[0];
    for (const q of slots) {
      if (q === fifo) continue;
      const run = cloneRun(at);
      let cur = q;
      while (!run.s.finished && run.s.runqueue.size > 0) {
        const rq = run.s.runqueue;
        const next = rq.has(cur) ? cur : rq.last();
        stepRestart(run, partAt(run.s, next).id);
        cur = next;
        if (
          ++steps % TICK_STATES === 0 &&
          (yield { states: states(), depth: 0, violated: [] }) === true
        )
          return false;
      }
      const vs = [...stateViolations(run.s), ...endViolations(run.s)];
      const ids = toArray(run.s.taken);
      for (const v of vs)
        if (better(v, ids.length)) found({ violation: v, ids, step: breakStep(start, ids, v) });
    }
  }
  return true;
}

/** Replays a probe's schedule with a check after every step: where the invariant first fails. */
function breakStep(
  start: (log: EngineLog | null) => RestartRun,
  ids: PartId[],
  v: Violation,
): number {
  const run = start(null);
  for (let i = 0; i < ids.length; i++) {
    stepRestart(run, ids[i]);
    if (stateViolations(run.s).some((x) => x.invariant === v.invariant)) return i;
  }
  return ids.length - 1;
}
