import { readExample } from '../scenario/examples-on-disk';
import { describe, expect, it } from 'vitest';
import { scenario, ZOMBIE_MID_TREE } from '../scenario/testing';
import { runScenario } from '../scenario/runner';
import { exploreScenario } from './explore';
import type { Step, Variant } from '../scenario/types';

const MID = ZOMBIE_MID_TREE;

function explore(variant: Variant) {
  const r = exploreScenario(MID, { variant });
  if ('unsupported' in r) throw new Error(r.unsupported);
  return r.json;
}

describe('explorer', () => {
  it('proves the seed guarantee on the zombie-mid-tree example under v18-28: only the xchg window fails it', () => {
    const r = explore('v18-28');
    expect(r.complete).toBe(true);
    expect(r.violations.map((v) => v.invariant)).toEqual(['no-spurious-failure']);
  });

  it('proves the seed guarantee with the window closed under v19', () => {
    const r = explore('v19');
    expect(r.complete).toBe(true);
    expect(r.violations).toEqual([]);
    expect(r.reduction).toBe('dpor');
    // Every interleaving differs from the others only in the order of independent steps: the
    // reduced search needs one schedule where the full search counts many.
    const full = exploreScenario(MID, { variant: 'v19', reduction: 'none' });
    if ('unsupported' in full) throw new Error(full.unsupported);
    expect(full.json.complete).toBe(true);
    expect(full.json.violations).toEqual([]);
    expect(full.json.schedules).toBeGreaterThan(1);
    expect(r.states).toBeLessThan(full.json.states);
  });

  it('finds zombies-before-completion under naive, with a schedule that replays through run', () => {
    const r = explore('naive');
    const v = r.violations.find((x) => x.invariant === 'zombies-before-completion');
    expect(v).toBeDefined();
    expect(v!.events.some((e) => e.fn === 'wait_all_tasks_finish')).toBe(true);
    // Replaying the schedule puts the coordinator's success before pid 3's exit_notify.
    const steps = MID.steps.map((s) =>
      s.op === 'restart' ? ({ ...s, schedule: v!.schedule, variant: 'naive' } as Step) : s,
    );
    const replay = runScenario({ ...MID, steps }, { baseDir: '.', readFile: () => null });
    if ('unsupported' in replay) throw new Error(replay.unsupported);
    const fns = replay.events.map((e) => `${e.actor} ${e.fn}`);
    expect(fns.indexOf('coord wait_all_tasks_finish')).toBeLessThan(
      fns.indexOf('pid:3 exit_notify'),
    );
  });

  it('finds no-ctx-leak under v17', () => {
    const r = explore('v17');
    expect(r.violations.map((v) => v.invariant)).toContain('no-ctx-leak');
  });

  it('reports an incomplete search when max-states stops it', () => {
    const r = exploreScenario(MID, { variant: 'v18-28', maxStates: 10 });
    if ('unsupported' in r) throw new Error(r.unsupported);
    expect(r.json.complete).toBe(false);
  });

  it('explores the zombie-mid-tree example and finds the naive race', () => {
    const s = scenario(JSON.parse(readExample('zombie-mid-tree.json')));
    const r = exploreScenario(s, { variant: 'naive' });
    if ('unsupported' in r) throw new Error(r.unsupported);
    expect(r.json.violations.map((v) => v.invariant)).toContain('zombies-before-completion');
  });

  it('naive-race replays the schedule the explorer finds on zombie-mid-tree', () => {
    const s = scenario(JSON.parse(readExample('zombie-mid-tree.json')));
    const r = exploreScenario(s, { variant: 'naive' });
    if ('unsupported' in r) throw new Error(r.unsupported);
    const found = r.json.violations.find((v) => v.invariant === 'zombies-before-completion');
    const race = JSON.parse(readExample('naive-race.json')) as {
      steps: { op: string; schedule?: string[] }[];
    };
    expect(race.steps.find((st) => st.op === 'restart')?.schedule).toEqual(found?.schedule);
  });
});
