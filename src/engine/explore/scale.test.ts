import { describe, expect, it } from 'vitest';
import { largeRestart } from '../scenario/large-tree';
import { runScenario } from '../scenario/runner';
import type { Step, Variant } from '../scenario/types';
import { exploreScenario } from './explore';
import type { InvariantName } from './invariants';

/**
 * Explores until `invariant` is found (the bench measures how long that takes), then replays
 * its schedule through `run`: the run's restart ends as the counterexample's events do, and
 * the event the counterexample points at is the breaking step's.
 */
function findsAndReplays(variant: Variant, invariant: InvariantName) {
  const s = largeRestart(50, variant);
  const r = exploreScenario(s, {
    variant,
    maxStates: 50_000,
    onProgress: (_states, _depth, violated) => violated.includes(invariant),
  });
  if ('unsupported' in r) throw new Error(r.unsupported);
  const v = r.json.violations.find((x) => x.invariant === invariant);
  expect(v, `${variant}: ${invariant} found`).toBeDefined();
  expect(v!.step).toBeLessThan(v!.schedule.length);
  expect(v!.events[v!.event!].actor).toBe(v!.schedule[v!.step!]);
  const steps = s.steps.map((x) =>
    x.op === 'restart' ? ({ ...x, schedule: v!.schedule, variant } as Step) : x,
  );
  const replay = runScenario({ ...s, steps }, { baseDir: '.', readFile: () => null });
  if ('unsupported' in replay) throw new Error(replay.unsupported);
  const restartEvents = replay.events.filter(
    (e) => e.actor === 'coord' || e.actor.startsWith('pid:'),
  );
  const tail = (xs: { actor: string; fn: string }[]) =>
    xs.slice(-5).map((e) => `${e.actor} ${e.fn}`);
  expect(tail(restartEvents)).toEqual(tail(v!.events));
  return v!;
}

describe('the explorer on the 50-task tree', () => {
  it('finds naive’s zombie race, with a schedule that replays through run', () => {
    const v = findsAndReplays('naive', 'zombies-before-completion');
    expect(v.events.some((e) => e.fn === 'wait_all_tasks_finish')).toBe(true);
  }, 120_000);

  it('finds v18-28’s xchg window, with a schedule that replays through run', () => {
    findsAndReplays('v18-28', 'no-spurious-failure');
  }, 120_000);
});
