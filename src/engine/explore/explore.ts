import { EngineLog, type EngineEvent } from '../events';
import type { PartId } from '../part-id';
import { cloneRun } from '../restart/clone';
import { beginRestart, runnableIds, stepRestart, type RestartRun } from '../restart/restart';
import type { RestartState } from '../restart/types';
import type { Scenario, Variant } from '../scenario/types';
import { prepareRestart } from '../scenario/runner';
import { toArray } from '../restart/trail';
import { stateKey } from './hash';
import { endViolations, stateViolations, type InvariantName, type Violation } from './invariants';

export interface ExploreOptions {
  variant?: Variant;
  maxStates?: number;
}

export interface FoundViolation {
  invariant: InvariantName;
  message: string;
  schedule: PartId[];
  events: EngineEvent[];
}

export interface ExploreResult {
  format: 'crviz-explore/1';
  variant: Variant;
  states: number;
  schedules: number;
  complete: boolean;
  violations: FoundViolation[];
}

/** How the explorer walks; the defaults are what `crviz explore` and the UI use. */
export interface ExploreWalk {
  /**
   * States with equal keys are explored once; `stateKey` by default. null walks every path to
   * its end (exponentially slower): with a key that leaves nothing out, the oracles that check
   * `stateKey` leaves out only what cannot change what a restart can still do.
   */
  key?: ((s: RestartState) => string) | null;
  /** Called with every end state the walk reaches (finished, or no participant can run). */
  onEnd?: (s: RestartState) => void;
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
  const keyOf = walk.key === undefined ? stateKey : walk.key;
  let states = 0;
  const seen = new Map<string, number>();
  const found = new Map<InvariantName, { v: Violation; schedule: PartId[] }>();
  let stopped = false;

  const record = (vs: Violation[], run: RestartRun) => {
    for (const v of vs)
      if (!found.has(v.invariant)) found.set(v.invariant, { v, schedule: toArray(run.s.taken) });
  };

  // Iterative DFS (no recursion limit on long restarts); each frame counts the paths below it.
  interface Frame {
    run: RestartRun;
    key: string;
    ids: PartId[];
    next: number;
    paths: number;
  }
  const root = start(null);
  const enter = (run: RestartRun, key: string): Frame | number => {
    states++;
    record(stateViolations(run.s), run);
    if (run.s.finished) record(endViolations(run.s), run);
    if (run.s.finished || run.s.runqueue.size === 0) {
      walk.onEnd?.(run.s);
      return 1;
    }
    return { run, key, ids: runnableIds(run.s), next: 0, paths: 0 };
  };
  const first = enter(root, keyOf ? keyOf(root.s) : '');
  let total = typeof first === 'number' ? first : 0;
  const stack: Frame[] = typeof first === 'number' ? [] : [first];
  if (typeof first !== 'number' && keyOf) seen.set(first.key, -1);
  while (stack.length > 0) {
    const f = stack[stack.length - 1];
    if (f.next >= f.ids.length) {
      stack.pop();
      if (keyOf) seen.set(f.key, f.paths);
      if (stack.length > 0) stack[stack.length - 1].paths += f.paths;
      else total = f.paths;
      continue;
    }
    // The last choice steps the frame's own state in place: depth first, every earlier branch
    // is finished by now and the frame keeps only its key and path count.
    const last = f.next === f.ids.length - 1;
    const child = last ? f.run : cloneRun(f.run);
    stepRestart(child, f.ids[f.next++]);
    if (!keyOf) {
      if (states >= maxStates) {
        stopped = true;
        continue;
      }
      const e = enter(child, '');
      if (typeof e === 'number') f.paths += e;
      else stack.push(e);
      continue;
    }
    const key = keyOf(child.s);
    const known = seen.get(key);
    if (known !== undefined && known >= 0) {
      f.paths += known;
      continue;
    }
    if (seen.size >= maxStates) {
      stopped = true;
      continue;
    }
    const e = enter(child, key);
    if (typeof e === 'number') {
      seen.set(key, e);
      f.paths += e;
    } else {
      seen.set(key, -1);
      stack.push(e);
    }
  }

  const violations: FoundViolation[] = [...found.values()].map(({ v, schedule }) => ({
    invariant: v.invariant,
    message: v.message,
    schedule,
    events: replayEvents(start, schedule),
  }));
  return {
    format: 'crviz-explore/1',
    variant,
    states: keyOf ? seen.size : states,
    schedules: total,
    complete: !stopped,
    violations,
  };
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

/** `crviz explore`: prepare the world up to the first restart, then explore that restart. */
export function exploreScenario(
  scenario: Scenario,
  opts: ExploreOptions & {
    baseDir?: string;
    readFile?: (path: string) => Uint8Array | null;
    walk?: ExploreWalk;
  },
): { json: ExploreResult; violated: boolean } | { unsupported: string } {
  const prep = prepareRestart(scenario, {
    variant: opts.variant,
    baseDir: opts.baseDir ?? '.',
    readFile: opts.readFile ?? (() => null),
  });
  if ('unsupported' in prep) return prep;
  const start = (log: EngineLog | null) =>
    beginRestart(prep.freshWorld(), {
      imageName: prep.image,
      bytes: prep.bytes,
      variant: prep.variant,
      log,
    });
  const json = exploreRestart(start, prep.variant, opts.maxStates ?? 1_000_000, opts.walk);
  return { json, violated: json.violations.length > 0 };
}
