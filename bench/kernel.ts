/**
 * The kernel model at MAX_TASKS: build, clone, view, fork to the limit, destroy, and the zap of
 * the namespace when init exits. A quadratic step anywhere here shows as minutes, not seconds.
 */
import { performance } from 'node:perf_hooks';
import { bigContainerTree } from '../src/engine/kernel/big-container';
import { buildContainer } from '../src/engine/kernel/build';
import { exit } from '../src/engine/kernel/exit-ops';
import { fork } from '../src/engine/kernel/fork';
import { destroy } from '../src/engine/kernel/freezer';
import { containerView } from '../src/engine/kernel/view';
import { cloneContainer, createWorld, currentContainer } from '../src/engine/kernel/world';

function ms(f: () => unknown): number {
  const t0 = performance.now();
  f();
  return performance.now() - t0;
}

/** Rows of [operation, ms] for a 99,999-task container. */
export function kernelRows(): string[][] {
  const tree = bigContainerTree();
  const w = createWorld();
  const rows: [string, number][] = [];
  rows.push(['build', ms(() => buildContainer(w, tree))]);
  const c = currentContainer(w)!;
  rows.push(['clone', ms(() => cloneContainer(c))]);
  rows.push(['view', ms(() => containerView(c))]);
  rows.push(['fork to MAX_TASKS', ms(() => fork(w, { pid: 2 }))]);
  // Forks without a child pid: each takes the next pid, which once scanned every task.
  const f = createWorld();
  buildContainer(f, tree.slice(0, 1));
  rows.push([
    '50,000 forks of init',
    ms(() => {
      for (let i = 0; i < 50_000; i++) fork(f, { pid: 1 });
    }),
  ]);
  rows.push(['destroy', ms(() => destroy(w))]);
  const z = createWorld();
  buildContainer(z, tree);
  rows.push(['init exits: zap', ms(() => exit(z, { pid: 1, status: 0 }))]);
  return rows.map(([op, t]) => [op, t.toFixed(0)]);
}
