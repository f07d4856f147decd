import { EngineLog, type EngineEvent } from '../events';
import type { PartId } from '../part-id';
import { stepRestart, type RestartRun } from '../restart/restart';
import { endViolations, stateViolations, type InvariantName } from './invariants';

/**
 * Replays a schedule as `run` does (the rest under fifo) and checks that the invariant fails
 * after step `step`; returns the events and the index of that step's event, or null.
 */
export function replayFrom(
  start: (log: EngineLog | null) => RestartRun,
  schedule: PartId[],
  invariant: InvariantName,
  step: number,
): { events: EngineEvent[]; event: number } | null {
  const log = new EngineLog();
  const run = start(log);
  let event = -1;
  let broke = false;
  for (let i = 0; i < schedule.length; i++) {
    if (!stepRestart(run, schedule[i]).ok) return null;
    if (i === step) {
      event = log.events.length - 1;
      broke = stateViolations(run.s).some((v) => v.invariant === invariant);
    }
  }
  while (!run.s.finished && run.s.runqueue.size > 0) stepRestart(run);
  if (!broke)
    broke = [...stateViolations(run.s), ...endViolations(run.s)].some(
      (v) => v.invariant === invariant,
    );
  return broke && event >= 0 ? { events: log.events, event } : null;
}

/** The events of one schedule, replayed from the start with a real log. */
export function replayEvents(
  start: (log: EngineLog | null) => RestartRun,
  schedule: PartId[],
): EngineEvent[] {
  const log = new EngineLog();
  const run = start(log);
  for (const id of schedule) if (!stepRestart(run, id).ok) break;
  return log.events;
}
