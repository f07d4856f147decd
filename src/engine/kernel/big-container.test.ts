import { describe, expect, it } from 'vitest';
import { MAX_TASKS } from '../limits';
import { bigContainerTree } from './big-container';
import { buildContainer } from './build';
import { destroy } from './freezer';
import { exit } from './exit-ops';
import { fork } from './fork';
import { containerView } from './view';
import { cloneContainer, createWorld, currentContainer } from './world';

// How long these take is a row of `npm run bench` (bench/kernel.ts), not an assertion here.
describe('a container at MAX_TASKS', () => {
  it('builds, clones, views, forks up to the limit and destroys', () => {
    const tree = bigContainerTree();
    const w = createWorld();
    expect(buildContainer(w, tree).ok).toBe(true);
    const c = currentContainer(w)!;
    expect(c.tasks.size).toBe(tree.length);
    const copy = cloneContainer(c);
    expect(copy.tasks.size).toBe(c.tasks.size);
    expect(containerView(c).tasks).toHaveLength(tree.length);
    expect(fork(w, { pid: 2 }).ok).toBe(true);
    expect(c.tasks.size).toBe(MAX_TASKS);
    const over = fork(w, { pid: 2 });
    expect(over.ok ? 'ok' : over.error.errno).toBe('EAGAIN');
    expect(destroy(w).ok).toBe(true);
    expect(c.tasks.size).toBe(0);
  });

  it('zaps the namespace when its init exits', () => {
    const w = createWorld();
    buildContainer(w, bigContainerTree());
    expect(exit(w, { pid: 1, status: 0 }).ok).toBe(true);
    expect(w.containers[0].destroyed).toBe(true);
    expect(w.containers[0].tasks.size).toBe(0);
  });
});
