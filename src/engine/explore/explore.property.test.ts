import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CHECKPOINT_RESTART_STEPS, scenario } from '../scenario/testing';
import type { Variant } from '../scenario/types';
import { exploreScenario } from './explore';

/** Small containers with at least one zombie: init, a few processes, zombies under live parents. */
const trees = fc
  .array(
    fc.record({
      zombie: fc.boolean(),
      parentPick: fc.nat(),
      code: fc.integer({ min: 0, max: 255 }),
    }),
    { minLength: 1, maxLength: 3 },
  )
  .map((specs) => {
    const tree: Record<string, unknown>[] = [{ pid: 1, ppid: 0, comm: 'init' }];
    const live = [1];
    specs.forEach((s, i) => {
      const pid = i + 2;
      const ppid = live[s.parentPick % live.length];
      if (s.zombie || i === 0) tree.push({ pid, ppid, state: 'zombie', exit_code: s.code << 8 });
      else {
        tree.push({ pid, ppid });
        live.push(pid);
      }
    });
    return tree;
  });

function explore(tree: Record<string, unknown>[], variant: Variant) {
  const s = scenario({
    tree,
    steps: CHECKPOINT_RESTART_STEPS,
  });
  const r = exploreScenario(s, { variant });
  if ('unsupported' in r) throw new Error(r.unsupported);
  expect(r.json.complete).toBe(true);
  return r.json.violations.map((v) => v.invariant);
}

describe('explorer over random trees with zombies', () => {
  it('finds nothing under v19, only the xchg window under v18-28 and v18-73, the race under naive and the leak under v17', () => {
    fc.assert(
      fc.property(trees, (tree) => {
        expect(explore(tree, 'v19')).toEqual([]);
        expect(explore(tree, 'v18-28')).toEqual(['no-spurious-failure']);
        expect(explore(tree, 'v18-73')).toEqual(['no-spurious-failure']);
        expect(explore(tree, 'naive')).toContain('zombies-before-completion');
        expect(explore(tree, 'v17')).toEqual(['no-ctx-leak']);
      }),
      { numRuns: 8 },
    );
  }, 120_000);
});
