import type { EngineLog } from '../events';
import type { PartId } from '../part-id';
import { stepRestart, type RestartRun } from '../restart/restart';
import type { RestartState } from '../restart/types';
import type { Variant } from '../scenario/types';
import { exploreReducedSteps } from './dpor';
import { replayEvents, replayFrom } from './replay';
import type { ExploreResult, FoundViolation, Searched } from './result';
import { drive, type ExploreTick, type ProgressCallback } from './tick';

/**
 * The same exploration under partial-order reduction (dpor.ts): one schedule per class of
 * interleavings that differ only in the order of independent steps, and for each violated
 * invariant the shortest schedule found, cut after the step at which it broke where the
 * invariant is about a moment rather than the end.
 */
export function exploreRestartReduced(
  start: (log: EngineLog | null) => RestartRun,
  variant: Variant,
  maxStates: number,
  onProgress?: ProgressCallback,
  onFinal?: (s: RestartState) => void,
): ExploreResult {
  return drive(exploreRestartReducedSteps(start, variant, maxStates, onFinal), onProgress).result;
}

/** The reduced search as a generator: a tick every TICK_STATES states (true cancels). */
export function* exploreRestartReducedSteps(
  start: (log: EngineLog | null) => RestartRun,
  variant: Variant,
  maxStates: number,
  onFinal?: (s: RestartState) => void,
  maxBytes?: number,
): Generator<ExploreTick, Searched, boolean | undefined> {
  const r = yield* exploreReducedSteps(start, { maxStates, onFinal, maxBytes });
  const ids = (slots: number[]): PartId[] => {
    const run = start(null);
    const out: PartId[] = [];
    for (const slot of slots) {
      const id = slot === 0 ? 'coord' : run.s.tasks[slot - 1].id;
      out.push(id);
      stepRestart(run, id);
    }
    return out;
  };
  const violations: FoundViolation[] = [];
  for (const c of r.found.values()) {
    const short = c.ids ?? ids(c.schedule);
    const replay = replayFrom(start, short, c.violation.invariant, c.step);
    if (replay) {
      violations.push({
        invariant: c.violation.invariant,
        message: c.violation.message,
        schedule: short,
        events: replay.events,
        step: c.step,
        event: replay.event,
      });
      continue;
    }
    // Not expected: the causal prefix should reproduce it. The whole path does.
    if (c.ids) continue; // a probe's schedule replays by construction; not reached
    const whole = ids(c.path);
    violations.push({
      invariant: c.violation.invariant,
      message: c.violation.message,
      schedule: whole,
      events: replayEvents(start, whole),
      step: whole.length - 1,
      event: whole.length - 1,
    });
  }
  const result: ExploreResult = {
    format: 'crviz-explore/1',
    variant,
    states: r.states,
    schedules: r.schedules,
    complete: r.complete,
    violations,
    reduction: 'dpor',
    ...(r.cancelled ? { cancelled: true } : {}),
  };
  return { result, limit: r.limit };
}
