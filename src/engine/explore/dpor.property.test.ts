import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CHECKPOINT_RESTART_STEPS, scenario } from '../scenario/testing';
import type { Variant } from '../scenario/types';
import type { RestartState } from '../restart/types';
import { exploreRestart, exploreRestartReduced, restartStarter } from './explore';
import { stateKey } from './hash';

const VARIANTS: Variant[] = ['v19', 'v18-28', 'v18-73', 'v17', 'naive'];

/** Containers of 2 to 6 tasks: processes, zombies under live parents, threads of live leaders. */
const trees = fc
  .array(
    fc.record({
      kind: fc.constantFrom('process', 'zombie', 'thread'),
      parentPick: fc.nat(),
      code: fc.integer({ min: 0, max: 255 }),
    }),
    { minLength: 1, maxLength: 5 },
  )
  .map((specs) => {
    const tree: Record<string, unknown>[] = [{ pid: 1, ppid: 0, comm: 'init' }];
    const leaders = [1];
    specs.forEach((s, i) => {
      const pid = i + 2;
      const parent = leaders[s.parentPick % leaders.length];
      if (s.kind === 'zombie')
        tree.push({ pid, ppid: parent, state: 'zombie', exit_code: s.code << 8 });
      else if (s.kind === 'thread' && parent !== 1) {
        const leader = tree.find((t) => t.pid === parent)!;
        tree.push({ pid, ppid: leader.ppid, tgid: parent });
      } else {
        tree.push({ pid, ppid: parent });
        leaders.push(pid);
      }
    });
    return tree;
  });

function starter(tree: Record<string, unknown>[], variant: Variant) {
  const s = scenario({
    tree,
    steps: [...CHECKPOINT_RESTART_STEPS],
  });
  const r = restartStarter(s, { variant });
  if ('unsupported' in r) throw new Error(r.unsupported);
  return r.start;
}

function outcomes(
  search: (onFinal: (s: RestartState) => void) => {
    complete: boolean;
    violations: { invariant: string }[];
  },
) {
  const finals = new Set<string>();
  const r = search((s) => finals.add(stateKey(s)));
  return { complete: r.complete, finals, violated: r.violations.map((v) => v.invariant).sort() };
}

describe('partial-order reduction', () => {
  it('finds the same final states and the same violated invariants as the full search', () => {
    fc.assert(
      fc.property(trees, fc.constantFrom(...VARIANTS), (tree, variant) => {
        const start = starter(tree, variant);
        const full = outcomes((f) => exploreRestart(start, variant, 150_000, { onEnd: f }));
        fc.pre(full.complete);
        const reduced = outcomes((f) =>
          exploreRestartReduced(start, variant, 2_000_000, undefined, f),
        );
        expect(reduced.complete).toBe(true);
        expect(reduced.violated).toEqual(full.violated);
        expect([...reduced.finals].sort()).toEqual([...full.finals].sort());
      }),
      { numRuns: 25 },
    );
  }, 600_000);
});

describe('the reduction keeps the xchg window', () => {
  const six = [
    { pid: 1, ppid: 0, comm: 'init' },
    { pid: 2, ppid: 1, comm: 'a' },
    { pid: 3, ppid: 2, comm: 'z', state: 'zombie', exit_code: 256 },
    { pid: 4, ppid: 2, comm: 'b' },
    { pid: 5, ppid: 1, comm: 'c' },
    { pid: 6, ppid: 1, tgid: 5 },
  ];
  it('finds no-spurious-failure under v18-28 with a schedule that fails through run, and not under v19', () => {
    const r = exploreRestartReduced(starter(six, 'v18-28'), 'v18-28', 1_000_000);
    expect(r.reduction).toBe('dpor');
    const v = r.violations.find((x) => x.invariant === 'no-spurious-failure');
    expect(v).toBeDefined();
    // The counterexample stops at the hand-off that lands in the window.
    expect(v!.events[v!.event!].fn).toBe('restore_activate_next');
    expect(v!.events[v!.event!].errno).toBe('ESRCH');
    expect(v!.step).toBe(v!.schedule.length - 1);
    const fixed = exploreRestartReduced(starter(six, 'v19'), 'v19', 1_000_000);
    expect(fixed.complete).toBe(true);
    expect(fixed.violations).toEqual([]);
  });
});
