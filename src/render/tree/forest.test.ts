import { describe, expect, it } from 'vitest';
import type { TaskNode } from './model';
import { forestJob, forestOf } from './forest';

const node = (pid: number, parent: number | null) => ({ pid, parent }) as TaskNode;

describe('forest', () => {
  const all = [node(1, null), node(2, 1), node(3, 2), node(4, 2), node(5, 1), node(9, 42)];

  it('finds roots (no parent, or a parent outside the tasks) and children in model order', () => {
    const f = forestOf(all);
    expect(f.roots.map((n) => n.pid)).toEqual([1, 9]);
    expect(f.children(1)?.map((n) => n.pid)).toEqual([2, 5]);
    expect(f.children(2)?.map((n) => n.pid)).toEqual([3, 4]);
    expect(f.children(3)).toBeUndefined();
    expect(f.parentOf(3)).toBe(2);
    expect(f.parentOf(9)).toBe(42);
    expect(f.parentOf(42)).toBeUndefined();
  });

  it('counts descendants', () => {
    const f = forestOf(all);
    expect(f.descendants(1)).toBe(4);
    expect(f.descendants(2)).toBe(2);
    expect(f.descendants(3)).toBe(0);
    expect(f.descendants(9)).toBe(0);
  });

  it('is built once per node array', () => {
    expect(forestOf(all)).toBe(forestOf(all));
    expect(forestOf([...all])).not.toBe(forestOf(all));
  });

  it('counts a deep chain without recursion', () => {
    const chain = [node(1, null)];
    for (let pid = 2; pid <= 100_000; pid++) chain.push(node(pid, pid - 1));
    expect(forestOf(chain).descendants(1)).toBe(99_999);
  });

  it('is built in slices by its job, to the same forest, and then needs no job', () => {
    // A wide tree: 20,000 children of 1, each with a child.
    const wide = [node(1, null)];
    for (let pid = 2; pid < 20_002; pid++) wide.push(node(pid, 1), node(100_000 + pid, pid));
    const job = forestJob(wide)!;
    let yields = 0;
    while (!job.next().done) yields++;
    expect(yields).toBeGreaterThan(4);
    expect(forestJob(wide)).toBeNull();
    const f = forestOf(wide);
    expect(f.descendants(1)).toBe(40_000);
    expect(f.children(2)?.map((n) => n.pid)).toEqual([100_002]);
    expect(f.roots.map((n) => n.pid)).toEqual([1]);
  });
});
