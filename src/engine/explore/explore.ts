import { EngineLog, type EngineEvent } from '../events';
import type { PartId } from '../part-id';
import { cloneRun, restartCopyBytes } from '../restart/clone';
import { beginRestart, runnableIds, stepRestart, type RestartRun } from '../restart/restart';
import type { Scenario, Schedule, Variant } from '../scenario/types';
import { prepareRestart } from '../scenario/runner';
import { toArray } from '../restart/trail';
import type { RestartState } from '../restart/types';
import { exploreReducedSteps } from './dpor';
import { drive, TICK_STATES, type ExploreTick, type ProgressCallback } from './tick';
import { randomWalksSteps } from './walks';
import { stateKey, type StateEntry } from './hash';
import { CompactSeen, KeyedSeen, type Seen } from './seen';
import { endViolations, stateViolations, type InvariantName, type Violation } from './invariants';

export interface ExploreOptions {
  variant?: Variant;
  maxStates?: number;
  /** Memory budget of the search in MB (estimated: the seen states and the copies it holds). */
  maxMemoryMb?: number;
  /** `dpor` (default): partial-order reduction; `none`: every interleaving, equal states merged. */
  reduction?: 'dpor' | 'none';
  /**
   * Called now and then with the states explored so far and the depth of the search (walks:
   * walks done, 0); true cancels.
   */
  onProgress?: ProgressCallback;
  /** Instead of exhausting: this many seeded random schedules. */
  walks?: number;
  seed?: string;
}

export interface FoundViolation {
  invariant: InvariantName;
  message: string;
  schedule: PartId[];
  events: EngineEvent[];
  /** Index in `schedule` of the step after which the invariant first fails. */
  step?: number;
  /** Index in `events` of that step's event. */
  event?: number;
}

export interface ExploreResult {
  format: 'crviz-explore/1';
  variant: Variant;
  states: number;
  schedules: number;
  complete: boolean;
  violations: FoundViolation[];
  /** How the interleavings were reduced. */
  reduction?: 'dpor' | 'none';
  /** The search stopped because it was cancelled. */
  cancelled?: boolean;
  /** `--walks`: how many random schedules ran, their seed, and the distinct final states. */
  walks?: number;
  seed?: string;
  distinct?: number;
}

/** How the explorer walks; the defaults are what `crviz explore` and the UI use. */
export interface ExploreWalk {
  /**
   * States with equal keys are explored once; `stateKey` by default. null walks every path to
   * its end (exponentially slower): with a key that leaves nothing out, the oracles that check
   * `stateKey` leaves out only what cannot change what a restart can still do.
   */
  key?: ((s: RestartState) => string) | null;
  /** Stop when the seen states and the copies on the path would hold more than this. */
  maxBytes?: number;
  /** Called with every end state the walk reaches (finished, or no participant can run). */
  onEnd?: (s: RestartState) => void;
  /** Called now and then with the states explored so far; returning true cancels. */
  onProgress?: ProgressCallback;
}

/**
 * Every interleaving of the scenario's first restart, depth first, with equal states explored
 * once. `schedules` counts the distinct complete schedules (paths) the merged graph stands for.
 */
export function exploreRestart(
  start: (log: EngineLog | null) => RestartRun,
  variant: Variant,
  maxStates: number,
  walk: ExploreWalk = {},
): ExploreResult {
  return drive(exploreRestartSteps(start, variant, maxStates, walk), walk.onProgress).result;
}

/** Which bound stopped a search: `--max-states` or the memory budget (`--max-memory`). */
export type Limit = 'states' | 'memory';

/** A search's result, and the bound that stopped it, if one did (said on stderr, not in the JSON). */
export interface Searched {
  result: ExploreResult;
  limit: Limit | null;
}

/** The plain search as a generator: a tick every TICK_STATES states (true cancels). */
export function* exploreRestartSteps(
  start: (log: EngineLog | null) => RestartRun,
  variant: Variant,
  maxStates: number,
  walk: ExploreWalk = {},
): Generator<ExploreTick, Searched, boolean | undefined> {
  const keyOf = walk.key === undefined ? stateKey : walk.key;
  let states = 0;
  let cancelled = false;
  const seen: Seen | null =
    keyOf === stateKey ? new CompactSeen() : keyOf ? new KeyedSeen(keyOf) : null;
  const maxBytes = walk.maxBytes ?? Infinity;
  let limit: Limit | null = null;
  const found = new Map<InvariantName, { v: Violation; schedule: PartId[] }>();
  let stopped = false;

  const record = (vs: Violation[], run: RestartRun) => {
    for (const v of vs)
      if (!found.has(v.invariant)) found.set(v.invariant, { v, schedule: toArray(run.s.taken) });
  };

  // Iterative DFS (no recursion limit on long restarts); each frame counts the paths below it.
  interface Frame {
    run: RestartRun;
    entry: StateEntry | null;
    ids: PartId[];
    next: number;
    paths: number;
  }
  const root = start(null);
  const enter = (run: RestartRun, entry: StateEntry | null): Frame | number => {
    states++;
    record(stateViolations(run.s), run);
    if (run.s.finished) record(endViolations(run.s), run);
    if (run.s.finished || run.s.runqueue.size === 0) {
      walk.onEnd?.(run.s);
      return 1;
    }
    return { run, entry, ids: runnableIds(run.s), next: 0, paths: 0 };
  };
  seen?.find(root.s);
  const rootEntry = seen ? seen.addFound(-1) : null;
  const first = enter(root, rootEntry);
  let total = typeof first === 'number' ? first : 0;
  const stack: Frame[] = typeof first === 'number' ? [] : [first];
  if (typeof first === 'number' && rootEntry) rootEntry.value = first;
  const copyBytes = restartCopyBytes(root.s);
  while (stack.length > 0) {
    const f = stack[stack.length - 1];
    if (f.next >= f.ids.length) {
      stack.pop();
      if (f.entry) f.entry.value = f.paths;
      if (stack.length > 0) stack[stack.length - 1].paths += f.paths;
      else total = f.paths;
      continue;
    }
    // The last choice steps the frame's own state in place: depth first, every earlier branch
    // is finished by now and the frame keeps only its key and path count.
    const last = f.next === f.ids.length - 1;
    const child = last ? f.run : cloneRun(f.run);
    stepRestart(child, f.ids[f.next++]);
    if (!seen) {
      if (states >= maxStates) {
        stopped = true;
        limit = 'states';
        continue;
      }
      const e = enter(child, null);
      if (typeof e === 'number') f.paths += e;
      else stack.push(e);
      continue;
    }
    const hit = seen.find(child.s);
    if (hit && hit.value >= 0) {
      f.paths += hit.value;
      continue;
    }
    if (seen.size >= maxStates || seen.bytes + stack.length * copyBytes > maxBytes || cancelled) {
      if (!cancelled) limit ??= seen.size >= maxStates ? 'states' : 'memory';
      stopped = true;
      continue;
    }
    const entry = hit ?? seen.addFound(-1);
    if (
      states % TICK_STATES === 0 &&
      (yield { states, depth: stack.length, violated: [...found.keys()] }) === true
    )
      cancelled = true;
    const e = enter(child, entry);
    if (typeof e === 'number') {
      entry.value = e;
      f.paths += e;
    } else stack.push(e);
  }

  const violations: FoundViolation[] = [...found.values()].map(({ v, schedule }) => ({
    invariant: v.invariant,
    message: v.message,
    schedule,
    events: replayEvents(start, schedule),
  }));
  const result: ExploreResult = {
    format: 'crviz-explore/1',
    variant,
    states: seen ? seen.size : states,
    schedules: total,
    complete: !stopped,
    violations,
    reduction: 'none',
    ...(cancelled ? { cancelled: true } : {}),
  };
  return { result, limit };
}

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

/**
 * Replays a schedule as `run` does (the rest under fifo) and checks that the invariant fails
 * after step `step`; returns the events and the index of that step's event, or null.
 */
function replayFrom(
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
function replayEvents(
  start: (log: EngineLog | null) => RestartRun,
  schedule: PartId[],
): EngineEvent[] {
  const log = new EngineLog();
  const run = start(log);
  for (const id of schedule) if (!stepRestart(run, id).ok) break;
  return log.events;
}

/** How to start the scenario's first restart afresh, as often as the explorer needs. */
export function restartStarter(
  scenario: Scenario,
  opts: { variant?: Variant; baseDir?: string; readFile?: (path: string) => Uint8Array | null },
):
  | { start: (log: EngineLog | null, schedule?: Schedule) => RestartRun; variant: Variant }
  | { unsupported: string } {
  const prep = prepareRestart(scenario, {
    variant: opts.variant,
    baseDir: opts.baseDir ?? '.',
    readFile: opts.readFile ?? (() => null),
  });
  if ('unsupported' in prep) return prep;
  const start = (log: EngineLog | null, schedule?: Schedule) =>
    beginRestart(prep.freshWorld(), {
      imageName: prep.image,
      bytes: prep.bytes,
      variant: prep.variant,
      log,
      schedule,
    });
  return { start, variant: prep.variant };
}

type ScenarioExploreOptions = ExploreOptions & {
  baseDir?: string;
  readFile?: (path: string) => Uint8Array | null;
  /** The plain search with this walk (the merge oracles). */
  walk?: ExploreWalk;
};

type ScenarioExplored =
  { json: ExploreResult; violated: boolean; limit?: Limit | null } | { unsupported: string };

/** `crviz explore`: prepare the world up to the first restart, then explore that restart. */
export function exploreScenario(
  scenario: Scenario,
  opts: ScenarioExploreOptions,
): ScenarioExplored {
  return drive(exploreScenarioSteps(scenario, opts), opts.onProgress);
}

/**
 * The same as a generator, for the worker, which runs it in slices so that messages (a cancel)
 * get in between: it yields a tick now and then; answering one with true cancels the search,
 * which then returns what it found so far (`cancelled`).
 */
export function* exploreScenarioSteps(
  scenario: Scenario,
  opts: Omit<ScenarioExploreOptions, 'onProgress'>,
): Generator<ExploreTick, ScenarioExplored, boolean | undefined> {
  const prep = restartStarter(scenario, opts);
  if ('unsupported' in prep) return prep;
  const maxStates = opts.maxStates ?? 1_000_000;
  const maxBytes = opts.maxMemoryMb === undefined ? undefined : opts.maxMemoryMb * 1e6;
  if (opts.walks) {
    const json = yield* randomWalksSteps(prep.start, prep.variant, {
      walks: opts.walks,
      seed: opts.seed ?? '0',
    });
    return { json, violated: json.violations.length > 0, limit: null };
  }
  const { result: json, limit } =
    opts.reduction === 'none' || opts.walk
      ? yield* exploreRestartSteps(prep.start, prep.variant, maxStates, {
          ...opts.walk,
          maxBytes,
        })
      : yield* exploreRestartReducedSteps(prep.start, prep.variant, maxStates, undefined, maxBytes);
  return { json, violated: json.violations.length > 0, limit };
}
