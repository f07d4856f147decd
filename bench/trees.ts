import type { Scenario, TreeEntry } from '../src/engine/scenario/types';

/**
 * A container of `n` tasks shaped like a busy server: a few levels of processes, about 1 in 8 a
 * zombie (exited with a status, or killed by a signal), about 1 in 8 a thread of its parent.
 */
export function benchTree(n: number): TreeEntry[] {
  const entry = (pid: number, ppid: number, extra: Partial<TreeEntry> = {}): TreeEntry => ({
    pid,
    ppid,
    tgid: pid,
    comm: `task${pid}`.slice(0, 15),
    state: 'running',
    exit_code: 0,
    exit_signal: 17,
    pdeath_signal: 0,
    pgid: 1,
    sid: 1,
    init: pid === 1,
    ...extra,
  });
  const tree: TreeEntry[] = [entry(1, 0)];
  const leaders: number[] = [1];
  for (let pid = 2; pid <= n; pid++) {
    const parent = leaders[Math.floor((pid * 2654435761) % leaders.length)];
    const kind = pid % 8;
    if (kind === 3) {
      tree.push(
        entry(pid, parent, { state: 'zombie', exit_code: pid % 2 ? (pid % 200) << 8 : 15 }),
      );
    } else if (kind === 5 && parent !== 1) {
      const leader = tree[parent - 1];
      tree.push(entry(pid, leader.ppid, { tgid: parent, exit_signal: -1 }));
    } else {
      tree.push(entry(pid, parent));
      leaders.push(pid);
    }
  }
  return tree;
}

export function benchScenario(n: number): Scenario {
  return {
    format: 'crviz-scenario/1',
    name: `bench-${n}`,
    variant: 'v18-28',
    tree: benchTree(n),
    steps: [],
  };
}
