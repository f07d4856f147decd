import { describe, expect, it } from 'vitest';
import type { Placed } from './layout';
import type { TaskNode } from './model';
import { MAX_SLICE_MS, MIN_SLICE_MS, nextSliceBudget, planSlices, TARGET_FRAME_MS } from './slices';

const node = (pid: number) => ({ pid }) as TaskNode;
const at = (n: TaskNode): Placed => ({ node: n, x: 0, y: 0, depth: 0, posinset: 1, setsize: 1 });

describe('planSlices', () => {
  const a = node(1);
  const b = node(2);
  const c = node(3);
  const bNew = node(2);
  const placed = [at(a), at(bNew), at(c)];
  // 1 unchanged, 2 changed (a new node object), 3 new.
  const shown = (pid: number) => (pid === 1 ? a : pid === 2 ? b : undefined);

  it('draws everything at once when few cards change or appear', () => {
    const plan = planSlices(placed, shown, 2);
    expect(plan.now.map((p) => p.node.pid)).toEqual([1, 2, 3]);
    expect(plan.later).toEqual([]);
  });

  it('above the limit defers changed cards, then new ones, and keeps unchanged ones now', () => {
    const plan = planSlices(placed, shown, 1);
    expect(plan.now.map((p) => p.node.pid)).toEqual([1]);
    expect(plan.later.map((p) => p.node.pid)).toEqual([2, 3]);
  });
});

describe('nextSliceBudget', () => {
  it('grows while frames come quickly and shrinks when they are slow, within bounds', () => {
    expect(nextSliceBudget(8, 17)).toBeGreaterThan(8);
    expect(nextSliceBudget(8, 50)).toBeLessThan(8);
    expect(nextSliceBudget(MAX_SLICE_MS, 1)).toBe(MAX_SLICE_MS);
    expect(nextSliceBudget(MIN_SLICE_MS, 100)).toBe(MIN_SLICE_MS);
  });

  it('ignores a frame that other work made long', () => {
    expect(nextSliceBudget(12, 400)).toBe(12);
  });

  it('settles where frames take the target time', () => {
    expect(nextSliceBudget(10, TARGET_FRAME_MS)).toBe(10);
  });
});
