import { describe, expect, it } from 'vitest';
import { ZOMBIE_MID_TREE } from '../scenario/testing';
import { runScenario } from '../scenario/runner';
import type { Step } from '../scenario/types';
import { exploreScenario } from './explore';

const MID = ZOMBIE_MID_TREE;

function walks(variant: 'v18-28' | 'v19', n: number, seed: string) {
  const r = exploreScenario(MID, { variant, walks: n, seed });
  if ('unsupported' in r) throw new Error(r.unsupported);
  return r.json;
}

describe('random walks', () => {
  it('runs N seeded walks, reproducibly, and counts the distinct final states', () => {
    const a = walks('v18-28', 200, 's');
    expect(a.walks).toBe(200);
    expect(a.schedules).toBe(200);
    expect(a.complete).toBe(false);
    // Some walks fail in the xchg window and some succeed: at least two final states.
    expect(a.distinct).toBeGreaterThanOrEqual(2);
    expect(walks('v18-28', 200, 's')).toEqual(a);
    expect(walks('v18-28', 200, 't').distinct).toBeGreaterThanOrEqual(1);
  });

  it('reports the xchg window under v18-28 with a schedule that fails through run, and nothing under v19', () => {
    const v = walks('v18-28', 200, 's').violations.find(
      (x) => x.invariant === 'no-spurious-failure',
    );
    expect(v).toBeDefined();
    expect(v!.events[v!.event!].fn).toBe('restore_activate_next');
    const steps = MID.steps.map((s) =>
      s.op === 'restart' ? ({ ...s, schedule: v!.schedule } as Step) : s,
    );
    const run = runScenario({ ...MID, steps }, { baseDir: '.', readFile: () => null });
    if ('unsupported' in run) throw new Error(run.unsupported);
    expect(run.events.some((e) => e.fn === 'restore_activate_next' && e.errno === 'ESRCH')).toBe(
      true,
    );
    expect(walks('v19', 200, 's').violations).toEqual([]);
  });
});
