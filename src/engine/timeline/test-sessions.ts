import fc from 'fast-check';
import { scenario } from '../scenario/testing';

/*
 * Random sessions for property tests: small trees with zombies, stopped tasks and threads; a few
 * kernel operations, a checkpoint and restart under a random variant and schedule, a few more.
 */

export type Entry = Record<string, unknown> & { pid: number; ppid: number };

/** Small trees: processes under earlier leaders, zombies, stopped tasks and threads. */
export const trees = fc
  .array(
    fc.record({
      kind: fc.constantFrom('live', 'live', 'zombie', 'stopped', 'thread', 'zombie-leader'),
      parentPick: fc.nat(),
      status: fc.constantFrom(0, 256, 768, 9, 15),
    }),
    { maxLength: 8 },
  )
  .map((specs) => {
    const tree: Entry[] = [{ pid: 1, ppid: 0, comm: 'init' }];
    const leaders = [1];
    let pid = 1;
    specs.forEach((s) => {
      pid++;
      const parent = leaders[s.parentPick % leaders.length];
      if (s.kind === 'zombie-leader') {
        // A zombie thread-group leader whose thread still runs (spec scenario 16).
        tree.push({ pid, ppid: parent, comm: `zl${pid}`, state: 'zombie', exit_code: s.status });
        pid++;
        tree.push({ pid, ppid: parent, tgid: pid - 1, comm: `zt${pid}` });
      } else if (s.kind === 'thread' && parent !== 1) {
        const leader = tree.find((e) => e.pid === parent)!;
        tree.push({ pid, ppid: leader.ppid, tgid: parent, comm: `t${pid}` });
      } else if (s.kind === 'zombie') {
        tree.push({ pid, ppid: parent, comm: `z${pid}`, state: 'zombie', exit_code: s.status });
      } else {
        const state = s.kind === 'stopped' ? 'stopped' : 'running';
        tree.push({ pid, ppid: parent, comm: `p${pid}`, state });
        leaders.push(pid);
      }
    });
    return tree;
  });

const pid = fc.integer({ min: 1, max: 11 });

/** Kernel operations, some of which fail (their errors are recorded, nothing changes). */
const kernelStep = fc.oneof(
  pid.map((p) => ({ op: 'fork', pid: p })),
  pid.map((p) => ({ op: 'thread', pid: p })),
  fc
    .record({ p: pid, s: fc.constantFrom(0, 3) })
    .map(({ p, s }) => ({ op: 'exit', pid: p, status: s })),
  fc
    .record({ p: pid, s: fc.constantFrom(9, 15, 19, 18) })
    .map(({ p, s }) => ({ op: 'kill', pid: p, signal: s })),
  pid.map((p) => ({ op: 'wait', pid: p })),
  fc.record({ a: pid, b: pid }).map(({ a, b }) => ({ op: 'ptrace', tracer: a, tracee: b })),
  pid.map((p) => ({ op: 'ignore_sigchld', pid: p, ignore: true })),
  fc.constant({ op: 'freeze' }),
  fc.constant({ op: 'thaw' }),
);

const restartStep = fc.record({
  variant: fc.constantFrom('v18-28', 'v17', 'naive'),
  schedule: fc.oneof(
    fc.constant('fifo'),
    fc.nat(99).map((n) => `random:${n}`),
  ),
});

export const sessions = fc.record({
  tree: trees,
  before: fc.array(kernelStep, { maxLength: 4 }),
  restart: restartStep,
  after: fc.array(kernelStep, { maxLength: 4 }),
});

export function sessionScenario(s: {
  tree: Entry[];
  before: object[];
  restart: object;
  after: object[];
}) {
  return scenario({
    tree: s.tree,
    steps: [
      ...s.before,
      { op: 'freeze' },
      { op: 'checkpoint', image: 'a' },
      { op: 'destroy' },
      { op: 'restart', image: 'a', ...s.restart },
      ...s.after,
    ],
  });
}
