import { describe, expect, it } from 'vitest';
import type { TaskView, WorldSnapshot } from '../../engine/snapshot';
import {
  buildsInSlices,
  buildTreeModel,
  createNodeCache,
  SLICED_MODEL_ABOVE,
  treeModelJob,
  type TreeModel,
} from './model';

const task = (pid: number, ppid: number): TaskView => ({
  pid,
  tgid: pid,
  ppid,
  pgid: 1,
  sid: 1,
  comm: `t${pid}`,
  state: 'running',
  exit_code: 0,
  exit_signal: 17,
  pdeath_signal: 0,
  frozen: false,
  traced: false,
});

const world = (n: number, id = 1): WorldSnapshot => ({
  current: id,
  containers: [
    {
      id,
      destroyed: false,
      tasks: Array.from({ length: n }, (_, i) => task(i + 1, i === 0 ? 0 : Math.ceil(i / 4))),
      freezer: 'THAWED',
      root: 1,
    },
  ],
  images: [],
  restart: null,
});

const facts = (m: TreeModel | null) => m!.nodes.map((n) => [n.pid, n.parent, n.isThread, n.name]);

describe('a big tree model built in slices', () => {
  it('is the model buildTreeModel makes, built over many yields', () => {
    const snap = world(20_000);
    const out: { model: TreeModel | null } = { model: null };
    const job = treeModelJob(snap, createNodeCache(), out);
    let yields = 0;
    while (!job.next().done) yields++;
    expect(yields).toBeGreaterThan(10);
    expect(facts(out.model)).toEqual(facts(buildTreeModel(snap)));
    expect(out.model!.label).toBe('container 1');
  });

  it('is asked for a big container new to the cache, not once the cache has built it', () => {
    const cache = createNodeCache();
    const big = world(SLICED_MODEL_ABOVE);
    expect(buildsInSlices(world(SLICED_MODEL_ABOVE - 1), cache)).toBe(false);
    expect(buildsInSlices(big, cache)).toBe(true);
    const out = { model: null as TreeModel | null };
    const job = treeModelJob(big, cache, out);
    while (!job.next().done);
    expect(buildsInSlices(big, cache)).toBe(false);
    // The next build of it is a step: the same nodes, by identity.
    expect(buildTreeModel(big, cache)!.nodes[7]).toBe(out.model!.nodes[7]);
    // Another big container is new again.
    expect(buildsInSlices(world(SLICED_MODEL_ABOVE, 2), cache)).toBe(true);
  });
});
