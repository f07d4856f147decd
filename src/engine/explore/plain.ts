import type { EngineLog } from '../events';
import type { PartId } from '../part-id';
import { cloneRun, restartCopyBytes } from '../restart/clone';
import { runnableIds, stepRestart, type RestartRun } from '../restart/restart';
import { toArray } from '../restart/trail';
import type { Variant } from '../scenario/types';
import { stateKey, type StateEntry } from './hash';
import { endViolations, stateViolations, type InvariantName, type Violation } from './invariants';
import { replayEvents } from './replay';
import type { ExploreResult, ExploreWalk, FoundViolation, Limit, Searched } from './result';
import { CompactSeen, KeyedSeen, type Seen } from './seen';
import { drive, TICK_STATES, type ExploreTick } from './tick';

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
