import { describe, expect, it } from 'vitest';
import type { TreeEntry } from '../scenario/types';
import { buildContainer } from './build';
import { destroy } from './freezer';
import { exit } from './exit-ops';
import { fork } from './fork';
import { containerView } from './view';
import { cloneContainer, createWorld, currentContainer } from './world';

type State = TreeEntry['state'];
const entry = (
  pid: number,
  ppid: number,
  tgid: number,
  state: State,
  exit_code: number,
  exit_signal: number,
): TreeEntry => ({
  pid,
  ppid,
  tgid,
  comm: 'w',
  state,
  exit_code,
  exit_signal,
  pdeath_signal: 0,
  pgid: 1,
  sid: 1,
  init: pid === 1,
});

/** 99,999 tasks (init, 1,000 servers and their workers, some zombies, some threads): the fork below makes MAX_TASKS. */
function bigTree(): TreeEntry[] {
  const out: TreeEntry[] = [entry(1, 0, 1, 'running', 0, 17)];
  let pid = 2;
  for (let s = 0; s < 1000; s++) {
    const server = pid++;
    out.push(entry(server, 1, server, 'running', 0, 17));
    for (let i = 0; i < 99 && pid < 100_000; i++) {
      const p = pid++;
      if (i % 10 === 9) out.push(entry(p, 1, server, 'running', 0, -1));
      else if (i % 10 === 5) out.push(entry(p, server, p, 'zombie', 256, 17));
      else out.push(entry(p, server, p, 'running', 0, 17));
    }
  }
  return out;
}

describe('a 100,000-task container', () => {
  it('builds, clones, views and destroys well under a second', () => {
    const tree = bigTree();
    const t0 = performance.now();
    const w = createWorld();
    const r = buildContainer(w, tree);
    expect(r.ok).toBe(true);
    const c = currentContainer(w)!;
    expect(c.tasks.size).toBe(tree.length);
    const copy = cloneContainer(c);
    expect(copy.tasks.size).toBe(c.tasks.size);
    expect(containerView(c).tasks).toHaveLength(tree.length);
    expect(fork(w, { pid: 2 }).ok).toBe(true);
    expect(destroy(w).ok).toBe(true);
    const ms = performance.now() - t0;
    expect(c.tasks.size).toBe(0);
    // About 0.3-0.6 s on a busy shared 2-core machine; the bound catches quadratic behaviour
    // (which would take minutes here) without flaking when other test files run alongside.
    expect(ms).toBeLessThan(3000);
  });

  it('zaps the namespace when its init exits, quickly', () => {
    const w = createWorld();
    buildContainer(w, bigTree());
    const t0 = performance.now();
    expect(exit(w, { pid: 1, status: 0 }).ok).toBe(true);
    expect(performance.now() - t0).toBeLessThan(3000);
    expect(w.containers[0].destroyed).toBe(true);
  });
});
