import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TaskNode } from './model';
import { layoutTree } from './layout';
import { reveal, setExpanded, showMoreRoots, visibleTree, type CollapseState } from './visible';

/** A chain root → 2..k children, each with `fan` children of its own. */
function nodes(k: number, fan: number): TaskNode[] {
  const out: TaskNode[] = [{ pid: 1, parent: null } as TaskNode];
  let pid = 2;
  for (let i = 0; i < k; i++) {
    const child = pid++;
    out.push({ pid: child, parent: 1 } as TaskNode);
    for (let j = 0; j < fan; j++) out.push({ pid: pid++, parent: child } as TaskNode);
  }
  return out;
}

const fresh = (): CollapseState => ({ collapsed: new Set(), pinned: new Set() });

describe('visible tree', () => {
  it('shows everything under the budget, with open toggles on parents', () => {
    const v = visibleTree(nodes(3, 2), fresh(), 100);
    expect(v.nodes).toHaveLength(10);
    expect(v.toggles.get(1)).toEqual({ expanded: true, hidden: 0 });
    expect(v.toggles.has(3)).toBe(false);
  });

  it('closes subtrees that do not fit, breadth first, and counts what they hide', () => {
    const state = fresh();
    const v = visibleTree(nodes(3, 5), state, 10);
    // Root and its 3 children (4), then one child's 5 kids (9); the next 5 would not fit.
    expect(v.nodes).toHaveLength(9);
    expect(v.toggles.get(8)).toEqual({ expanded: false, hidden: 5 });
    expect(state.collapsed.has(8)).toBe(true);
    expect(v.shownAt(10)).toBe(8);
  });

  it('opening pins a node against the budget; closing hides its descendants', () => {
    const state = fresh();
    visibleTree(nodes(3, 5), state, 10);
    setExpanded(state, 8, true);
    expect(visibleTree(nodes(3, 5), state, 10).nodes.map((n) => n.pid)).toContain(9);
    setExpanded(state, 1, false);
    const v = visibleTree(nodes(3, 5), state, 10);
    expect(v.nodes.map((n) => n.pid)).toEqual([1]);
    expect(v.toggles.get(1)).toEqual({ expanded: false, hidden: 18 });
  });

  it('reveals a hidden task by opening its ancestors', () => {
    const state = fresh();
    setExpanded(state, 1, false);
    expect(reveal(nodes(2, 2), state, 4)).toBe(true);
    expect(visibleTree(nodes(2, 2), state).nodes.map((n) => n.pid)).toContain(4);
  });

  it('lists shown nodes breadth first, laid out as the same nodes in model order are', () => {
    // Interleaved model order: children of different parents alternate.
    const all = [
      { pid: 1, parent: null },
      { pid: 2, parent: 1 },
      { pid: 3, parent: 1 },
      { pid: 4, parent: 3 },
      { pid: 5, parent: 2 },
      { pid: 6, parent: 3 },
      { pid: 7, parent: 2 },
      { pid: 8, parent: 4 },
    ] as TaskNode[];
    const state = fresh();
    setExpanded(state, 4, false);
    const v = visibleTree(all, state);
    expect(v.nodes.map((n) => n.pid)).toEqual([1, 2, 3, 5, 7, 4, 6]);
    const inModelOrder = all.filter((n) => v.nodes.includes(n));
    const at = (nodes: TaskNode[]) =>
      new Map(layoutTree({ nodes, coordinator: null }).placed.map((p) => [p.node.pid, p.x]));
    expect(at(v.nodes)).toEqual(at(inModelOrder));
    expect(layoutTree({ nodes: v.nodes, coordinator: null }).order).toEqual([1, 2, 5, 7, 3, 4, 6]);
  });

  it('places a task whose parents loop nowhere, and returns (no kernel tree loops)', () => {
    const all = [
      { pid: 1, parent: null },
      { pid: 2, parent: 3 },
      { pid: 3, parent: 2 },
    ] as TaskNode[];
    const v = visibleTree(all, fresh());
    expect(v.nodes.map((n) => n.pid)).toEqual([1]);
    expect(v.shownAt(1)).toBe(1);
    expect(v.shownAt(2)).toBeNull();
    expect(v.shownAt(9)).toBeNull();
  });

  it('places a task whose parents loop nowhere when revealed, and returns', () => {
    const all = [
      { pid: 1, parent: null },
      { pid: 2, parent: 3 },
      { pid: 3, parent: 2 },
    ] as TaskNode[];
    const state = fresh();
    reveal(all, state, 2);
    expect(visibleTree(all, state).shownAt(2)).toBeNull();
  });
});

/** `roots` top-level tasks (pids 1..roots), each with one child (pid 1000 + its root's). */
function roots(count: number): TaskNode[] {
  const out: TaskNode[] = [];
  for (let r = 1; r <= count; r++) out.push({ pid: r, parent: null } as TaskNode);
  for (let r = 1; r <= count; r++) out.push({ pid: 1000 + r, parent: r } as TaskNode);
  return out;
}

describe('top-level tasks beyond the budget', () => {
  it('draws the first ones in model order and counts the rest with their subtrees', () => {
    const v = visibleTree(roots(10), fresh(), 4);
    expect(v.nodes.map((n) => n.pid)).toEqual([1, 2, 3, 4]);
    expect(v.hiddenRoots).toEqual({ roots: 6, tasks: 12 });
    // A task under a top-level task not drawn is nowhere on screen, its baton too.
    expect(v.shownAt(1007)).toBeNull();
    expect(v.shownAt(1003)).toBe(3);
  });

  it('hides nothing while the top-level tasks fit', () => {
    expect(visibleTree(roots(4), fresh(), 4).hiddenRoots).toEqual({ roots: 0, tasks: 0 });
  });

  it('Show more draws a budget’s worth more', () => {
    const state = fresh();
    showMoreRoots(state, 4);
    const v = visibleTree(roots(10), state, 4);
    expect(v.nodes.map((n) => n.pid)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(v.hiddenRoots).toEqual({ roots: 2, tasks: 4 });
  });

  it('a reveal brings out the top-level task of a task found further along', () => {
    const state = fresh();
    expect(reveal(roots(10), state, 1009)).toBe(true);
    const v = visibleTree(roots(10), state, 4);
    expect(v.nodes.map((n) => n.pid)).toEqual([1, 2, 3, 4, 9, 1009]);
    expect(v.shownAt(1009)).toBe(1009);
    expect(v.hiddenRoots).toEqual({ roots: 5, tasks: 10 });
    // Revealing a top-level task itself brings it out too.
    reveal(roots(10), state, 10);
    expect(visibleTree(roots(10), state, 4).shownAt(10)).toBe(10);
  });

  it('every task is drawn, under a drawn card, or counted as hidden with its top-level task', () => {
    // Forests of up to 40 tasks: parent indexes point earlier, or -1 for a top-level task.
    const forest = fc
      .array(fc.integer({ min: -8, max: 39 }), { maxLength: 40 })
      .map((ps) =>
        ps.map(
          (p, i) => ({ pid: i + 1, parent: p < 0 || p >= i ? null : p + 1 }) as unknown as TaskNode,
        ),
      );
    fc.assert(
      fc.property(forest, fc.integer({ min: 1, max: 12 }), (all, budget) => {
        const v = visibleTree(all, fresh(), budget);
        const tops = all.filter((n) => n.parent === null).length;
        const shownTops = v.nodes.filter((n) => n.parent === null).length;
        expect(shownTops).toBe(Math.min(tops, budget));
        expect(v.hiddenRoots.roots).toBe(tops - shownTops);
        const nowhere = all.filter((n) => v.shownAt(n.pid) === null).length;
        expect(v.hiddenRoots.tasks).toBe(nowhere);
      }),
    );
  });
});
