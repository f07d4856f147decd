import { describe, expect, it } from 'vitest';
import { CHECKPOINT_RESTART_STEPS, scenario } from '../scenario/testing';
import { checkSchedule, findPassingSchedule } from './check-schedule';
import { exploreScenario } from './explore';

const sc = scenario({
  tree: [
    { pid: 1, ppid: 0, comm: 'init' },
    { pid: 2, ppid: 1, comm: 'sh' },
    { pid: 3, ppid: 2, comm: 'z', state: 'zombie', exit_code: 256 },
  ],
  steps: [...CHECKPOINT_RESTART_STEPS],
});

describe('checkSchedule', () => {
  it('finds the explorer’s violation on its counterexample schedule, none on fifo', () => {
    const r = exploreScenario(sc, { variant: 'naive', maxStates: 100_000 });
    if ('unsupported' in r) throw new Error(r.unsupported);
    const v = r.json.violations[0];
    expect(v).toBeDefined();
    const bad = checkSchedule(sc, 'naive', v.schedule);
    if ('unsupported' in bad) throw new Error(bad.unsupported);
    expect(bad.violations.map((x) => x.invariant)).toContain(v.invariant);
    expect(bad.schedule.slice(0, v.schedule.length)).toEqual(v.schedule);
    const fifo = checkSchedule(sc, 'naive');
    if ('unsupported' in fifo) throw new Error(fifo.unsupported);
    expect(fifo.violations).toEqual([]);
    expect(fifo.schedule.length).toBeGreaterThan(v.schedule.length / 2);
  });

  it('is deterministic and says why a scenario without a restart cannot be checked', () => {
    expect(checkSchedule(sc, 'v19')).toEqual(checkSchedule(sc, 'v19'));
    const none = checkSchedule(
      scenario({ tree: [{ pid: 1, ppid: 0, comm: 'init' }], steps: [] }),
      'v19',
    );
    expect('unsupported' in none).toBe(true);
  });
});

describe('findPassingSchedule', () => {
  it('gives fifo when it passes, and null where every schedule breaks (v17 leaks)', () => {
    const r = exploreScenario(sc, { variant: 'v17', maxStates: 100_000 });
    if ('unsupported' in r) throw new Error(r.unsupported);
    const leak = r.json.violations.find((v) => v.invariant === 'no-ctx-leak')!;
    expect(findPassingSchedule(sc, 'v17', leak.schedule)).toBeNull();
    const naive = exploreScenario(sc, { variant: 'naive', maxStates: 100_000 });
    if ('unsupported' in naive) throw new Error(naive.unsupported);
    const passing = findPassingSchedule(sc, 'naive', naive.json.violations[0].schedule);
    expect(passing).toEqual(checkSchedule(sc, 'naive'));
  });
});
