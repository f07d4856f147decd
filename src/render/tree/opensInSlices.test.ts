import { describe, expect, it } from 'vitest';
import type { TaskView, WorldSnapshot } from '../../engine/snapshot';
import { buildTreeModel, createNodeCache, SLICED_CHANGES_ABOVE } from './model';
import { opensInSlices, SLICE_OPEN_ABOVE } from './opensInSlices';

const task = (pid: number, extra: Partial<TaskView> = {}): TaskView => ({
  pid,
  tgid: pid,
  ppid: pid === 1 ? 0 : Math.ceil((pid - 1) / 4),
  pgid: 1,
  sid: 1,
  comm: `t${pid}`,
  state: 'running',
  exit_code: 0,
  exit_signal: 17,
  pdeath_signal: 0,
  frozen: false,
  traced: false,
  ...extra,
});

const world = (tasks: TaskView[]): WorldSnapshot => ({
  current: 1,
  containers: [{ id: 1, destroyed: false, tasks, freezer: 'THAWED', root: 1 }],
  images: [],
  restart: null,
});

/** Models of one tree through one cache, as the panel builds them step by step. */
function steps(n: number) {
  const cache = createNodeCache();
  const tasks = Array.from({ length: n }, (_, i) => task(i + 1));
  const first = buildTreeModel(world(tasks), cache)!;
  const changing = (count: number) => {
    const next = tasks.slice();
    for (let i = 0; i < count; i++) next[i] = { ...next[i], state: 'stopped' };
    return buildTreeModel(world(next), cache)!;
  };
  return { first, changing };
}

describe('opensInSlices', () => {
  it('opens a big tree new to the view in slices, not a small one', () => {
    const big = steps(SLICE_OPEN_ABOVE).first;
    expect(opensInSlices(big, null, null, false)).toBe(true);
    expect(opensInSlices(big, big, 2, true)).toBe(true);
    const small = steps(SLICE_OPEN_ABOVE - 1).first;
    expect(opensInSlices(small, null, null, false)).toBe(false);
  });

  it('prepares a model that changed many nodes in slices, not a step that changed a few', () => {
    const { first, changing } = steps(20_000);
    expect(opensInSlices(changing(3), first, 1, true)).toBe(false);
    expect(opensInSlices(changing(SLICED_CHANGES_ABOVE - 1), first, 1, true)).toBe(false);
    expect(opensInSlices(changing(SLICED_CHANGES_ABOVE), first, 1, true)).toBe(true);
    // A selection or option change redraws the same model: no change at all.
    expect(opensInSlices(first, first, 1, true)).toBe(false);
  });
});
