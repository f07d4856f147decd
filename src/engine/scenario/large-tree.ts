/**
 * Large example trees, generated rather than stored: a 100,000-task scenario is megabytes of
 * JSON, and the same few lines make it in the CLI's script, in the app's gallery and in the
 * bench. Deterministic (a multiplicative hash picks each parent), so a size always gives the
 * same tree, the same image bytes and the same restart.
 */
import type { Scenario, TreeEntry, Variant } from './types';

/** The sizes the examples offer (README, gallery, `npm run example:large`). */
export const LARGE_SIZES = [2_000, 50_000, 100_000] as const;

/** Bounds of `largeTree`: a root, and what the worker and the page are measured with. */
export const LARGE_MIN = 1;
export const LARGE_MAX = 1_000_000;

/**
 * A container of `n` tasks shaped like a busy server: a few levels of processes, about 1 in 8 a
 * zombie (exited with a status, or killed by a signal), about 1 in 8 a thread of its parent.
 */
export function largeTree(n: number): TreeEntry[] {
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

/** 100000 -> "100,000", without Intl so the engine reads the same everywhere. */
export function thousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** `large-50000`: the name the gallery, the script and the tests give a size. */
export function largeName(n: number): string {
  return `large-${n}`;
}

/** The large example of `n` tasks: the tree, frozen, checkpointed, destroyed and restarted. */
export function largeScenario(n: number): Scenario {
  return {
    format: 'crviz-scenario/1',
    name: largeName(n),
    title: `${thousands(n)} tasks: checkpoint and restart a busy server`,
    description:
      'A generated tree shaped like a busy server: about one task in eight is a zombie and one in eight a thread. It is frozen, checkpointed, destroyed and restarted, to watch the engine and the page at scale.',
    variant: 'v18-28',
    tree: largeTree(n),
    steps: [
      { op: 'freeze' },
      { op: 'checkpoint', image: 'a' },
      { op: 'destroy' },
      { op: 'restart', image: 'a' },
    ],
  };
}

/**
 * The explorer's large restart: the tree of `largeTree(n)` frozen, checkpointed, destroyed and
 * restarted under `variant`, as the bench and the explorer's scale test run it.
 */
export function largeRestart(n: number, variant: Variant): Scenario {
  return {
    format: 'crviz-scenario/1',
    name: `explore-${n}`,
    variant,
    tree: largeTree(n),
    steps: [
      { op: 'freeze' },
      { op: 'checkpoint', image: 'a' },
      { op: 'destroy' },
      { op: 'restart', image: 'a' },
    ],
  };
}
