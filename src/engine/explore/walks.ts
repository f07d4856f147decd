import type { PartId } from '../part-id';
import { EngineLog } from '../events';
import { stepRestart, type RestartRun } from '../restart/restart';
import { toArray } from '../restart/trail';
import type { RestartState } from '../restart/types';
import type { Schedule, Variant } from '../scenario/types';
import type { ExploreResult, FoundViolation } from './result';
import { drive, type ExploreTick } from './tick';
import { stateKey } from './hash';
import { endViolations, stateViolations, type InvariantName, type Violation } from './invariants';

/*
 * Random walks for trees too big to explore exhaustively: N schedules, each step chosen
 * uniformly among the runnable participants by the engine's own seeded `random:` schedule
 * (walk i uses `random:SEED/i`), so every walk replays through `run`. The invariants are checked
 * at the end of each walk: the state invariants are sticky (restart/types.ts: order, completion,
 * spurious and the SIGCHLD count only grow), so a violation anywhere on a walk is still there at
 * its end. Only the walk that reports a violation is replayed step by step to find where it broke.
 */

export interface WalkOptions {
  walks: number;
  seed: string;
}

type WalksResult = ExploreResult & { walks: number; seed: string; distinct: number };

/** Runs the walks to the end; `onProgress` gets the walks done after each, true cancels. */
export function randomWalks(
  start: (log: EngineLog | null, schedule: Schedule) => RestartRun,
  variant: Variant,
  o: WalkOptions & { onProgress?: (walks: number) => boolean | void },
): WalksResult {
  return drive(randomWalksSteps(start, variant, o), o.onProgress);
}

/** The walks as a generator (the worker's slices): a tick after each walk, `states` = walks done. */
export function* randomWalksSteps(
  start: (log: EngineLog | null, schedule: Schedule) => RestartRun,
  variant: Variant,
  o: WalkOptions,
): Generator<ExploreTick, WalksResult, boolean | undefined> {
  const finals = new Set<string>();
  const found = new Map<InvariantName, { v: Violation; schedule: PartId[] }>();
  let steps = 0;
  let done = 0;
  let cancelled = false;
  for (let i = 0; i < o.walks; i++) {
    const run = start(null, `random:${o.seed}/${i}`);
    while (!run.s.finished && run.s.runqueue.size > 0) {
      stepRestart(run);
      steps++;
    }
    finals.add(fingerprint(run.s));
    for (const v of [...stateViolations(run.s), ...endViolations(run.s)]) {
      const schedule = toArray(run.s.taken);
      const best = found.get(v.invariant);
      if (!best || schedule.length < best.schedule.length) found.set(v.invariant, { v, schedule });
    }
    done++;
    if ((yield { states: done, depth: 0, violated: [...found.keys()] }) === true) {
      cancelled = true;
      break;
    }
  }
  const violations: FoundViolation[] = [...found.values()].map(({ v, schedule }) => ({
    invariant: v.invariant,
    message: v.message,
    schedule,
    ...whereItBroke(start, schedule, v.invariant),
  }));
  return {
    format: 'crviz-explore/1',
    variant,
    states: steps,
    schedules: done,
    complete: false,
    violations,
    walks: done,
    seed: o.seed,
    distinct: finals.size,
    ...(cancelled ? { cancelled: true } : {}),
  };
}

/** Replays a walk's schedule with a log, checking the invariant after every step. */
function whereItBroke(
  start: (log: EngineLog | null, schedule: Schedule) => RestartRun,
  schedule: PartId[],
  invariant: InvariantName,
): { events: FoundViolation['events']; step: number; event: number } {
  const log = new EngineLog();
  const run = start(log, 'fifo');
  let step = schedule.length - 1;
  let event = -1;
  for (let i = 0; i < schedule.length; i++) {
    stepRestart(run, schedule[i]);
    if (event < 0 && stateViolations(run.s).some((v) => v.invariant === invariant)) {
      step = i;
      event = log.events.length - 1;
    }
  }
  if (event < 0) event = log.events.length - 1;
  return { events: log.events, step, event };
}

/** A final state as a short string: the state key's length and two 32-bit hashes of it. */
export function fingerprint(s: RestartState): string {
  const k = stateKey(s);
  let a = 0x811c9dc5;
  let b = 0x01000193;
  for (let i = 0; i < k.length; i++) {
    const c = k.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995) ^ (b >>> 15);
  }
  return `${k.length}:${(a >>> 0).toString(36)}:${(b >>> 0).toString(36)}`;
}
