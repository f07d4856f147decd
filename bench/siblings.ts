/**
 * Restarting many sibling zombies: init with `n` zombie children, frozen, checkpointed,
 * destroyed and restarted. Every zombie's do_exit looks up its thread group, so this row shows
 * whether that lookup stays constant-time as the sibling list grows (it was a scan of the list).
 */
import { performance } from 'node:perf_hooks';
import { runScenario } from '../src/engine/scenario/runner';
import type { Scenario, TreeEntry } from '../src/engine/scenario/types';

export function siblingZombies(n: number): Scenario {
  const tree: TreeEntry[] = [];
  for (let pid = 1; pid <= n + 1; pid++) {
    tree.push({
      pid,
      ppid: pid === 1 ? 0 : 1,
      tgid: pid,
      comm: pid === 1 ? 'init' : 'z',
      state: pid === 1 ? 'running' : 'zombie',
      exit_code: pid === 1 ? 0 : 1 << 8,
      exit_signal: 17,
      pdeath_signal: 0,
      pgid: 1,
      sid: 1,
      init: pid === 1,
    });
  }
  return {
    format: 'crviz-scenario/1',
    name: `siblings-${n}`,
    variant: 'v18-28',
    tree,
    steps: [
      { op: 'freeze' },
      { op: 'checkpoint', image: 'a' },
      { op: 'destroy' },
      { op: 'restart', image: 'a' },
    ],
  };
}

/** Milliseconds to run the whole scenario (build, freeze, checkpoint, destroy, restart). */
export function siblingZombiesMs(n: number): number {
  const s = siblingZombies(n);
  const t0 = performance.now();
  const r = runScenario(s, { baseDir: '.', readFile: () => null });
  const ms = performance.now() - t0;
  if ('unsupported' in r) throw new Error(r.unsupported);
  if (!r.steps.every((x) => x.ok)) throw new Error(`siblings-${n}: a step failed`);
  return ms;
}
