import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { TaskNode } from './model';
import type { TreeLayout } from './layout';
import { ForestLayout } from './forestLayout';
import { NODE_H, NODE_W, THREAD_H, THREAD_W } from './layoutMetrics';
import { NEW_TASK } from './slicedJob';
import { oneD3Tree } from './testing/oneD3Tree';

function node(pid: number, parent: number | null, isThread = false): TaskNode {
  return { pid, parent, isThread } as TaskNode;
}

/** Random tasks: each one's parent is an earlier task (or none, when roots are allowed). */
function tasks(roots: boolean) {
  return fc
    .array(fc.tuple(fc.nat(), fc.boolean(), fc.nat(9)), { minLength: 1, maxLength: 200 })
    .map((specs) =>
      specs.map(([p, root, kind], i) => {
        const parent = i === 0 || (roots && root && kind < 4) ? null : (p % i) + 1;
        return node(i + 1, parent, parent !== null && kind > 6);
      }),
    );
}
/** A tree with one root (no other task without a shown parent process). */
const oneRoot = tasks(false).filter((ns) =>
  ns.filter((n) => !n.isThread && n.parent !== null).every((n) => !isThreadPid(ns, n.parent!)),
);
function isThreadPid(ns: TaskNode[], pid: number): boolean {
  return ns[pid - 1].isThread;
}
const forest = tasks(true);

/** A layout with its index as a plain Map (the oracle's kind), for toEqual. */
function plain(l: TreeLayout) {
  return { ...l, indexOf: new Map(l.indexOf) };
}

/** Everything but the cards' x: the order, the places among siblings, links, depths and y. */
function withoutX(l: TreeLayout) {
  return {
    order: l.order,
    indexOf: new Map(l.indexOf),
    cards: l.placed.map((p) => [p.node.pid, p.y, p.depth, p.posinset, p.setsize]),
    links: l.links.map((k) => [k.from.node.pid, k.to.node.pid]),
  };
}

function box(p: TreeLayout['placed'][number]) {
  const w = p.node.isThread ? THREAD_W : NODE_W;
  const h = p.node.isThread ? THREAD_H : NODE_H;
  return { x0: p.x - w / 2, x1: p.x + w / 2, y0: p.y - h / 2, y1: p.y + h / 2 };
}

describe('ForestLayout', () => {
  it('lays a tree with one root out exactly as one d3.tree does', () => {
    fc.assert(
      fc.property(oneRoot, fc.boolean(), (nodes, coordinator) => {
        const model = { nodes, coordinator: coordinator ? ({} as never) : null };
        expect(plain(new ForestLayout().layout(model))).toEqual(oneD3Tree(model));
      }),
    );
  });

  it('keeps the order, sibling places, links and levels of one d3.tree for a forest', () => {
    fc.assert(
      fc.property(forest, (nodes) => {
        const model = { nodes, coordinator: null };
        expect(withoutX(new ForestLayout().layout(model))).toEqual(withoutX(oneD3Tree(model)));
      }),
    );
  });

  it('never lets two cards overlap (a thread only touches its own leader)', () => {
    fc.assert(
      fc.property(forest, (nodes) => {
        const { placed } = new ForestLayout().layout({ nodes, coordinator: null });
        for (let i = 0; i < placed.length; i++) {
          for (let j = i + 1; j < placed.length; j++) {
            const [a, b] = [placed[i], placed[j]];
            if (a.node.isThread !== b.node.isThread) {
              const [t, l] = a.node.isThread ? [a, b] : [b, a];
              if (t.node.parent === l.node.pid) continue;
            }
            const [p, q] = [box(a), box(b)];
            const overlap = p.x0 < q.x1 && q.x0 < p.x1 && p.y0 < q.y1 && q.y0 < p.y1;
            expect(overlap, `${a.node.pid} and ${b.node.pid}`).toBe(false);
          }
        }
      }),
    );
  });

  it('packs neighbours at one level with the separation of one d3.tree', () => {
    const nodes = [node(1, null), node(2, null), node(3, 2), node(4, 2), node(5, null)];
    const { placed } = new ForestLayout().layout({ nodes, coordinator: null });
    const x = (pid: number) => placed.find((p) => p.node.pid === pid)!.x;
    // Cards of 168 and a gap of 28: 196 between neighbours' centres, at every level.
    expect(x(2) - x(1)).toBe(196);
    expect(x(4) - x(3)).toBe(196);
    expect(x(5) - x(2)).toBe(196);
    // Centred as d3 centres a parent: the first and last roots either side of 0.
    expect(x(1) + x(5)).toBe(0);
  });

  it('after any earlier layout, lays out as a fresh one does (kept pieces are right)', () => {
    fc.assert(
      fc.property(fc.array(forest, { minLength: 2, maxLength: 4 }), (steps) => {
        const kept = new ForestLayout();
        for (const nodes of steps) {
          const model = { nodes, coordinator: null };
          expect(kept.layout(model)).toEqual(new ForestLayout().layout(model));
        }
      }),
    );
  });

  it('lays a root out again when its tasks keep their order but not their parents or kinds', () => {
    const fan = [node(1, null), node(2, 1), node(3, 1), node(4, null)];
    const chain = [node(1, null), node(2, 1), node(3, 2), node(4, null)];
    const threaded = [node(1, null), node(2, 1, true), node(3, 1), node(4, null)];
    for (const [a, b] of [
      [fan, chain],
      [chain, fan],
      [fan, threaded],
      [threaded, fan],
    ]) {
      const kept = new ForestLayout();
      kept.layout({ nodes: a, coordinator: null });
      expect(kept.layout({ nodes: b, coordinator: null })).toEqual(
        new ForestLayout().layout({ nodes: b, coordinator: null }),
      );
    }
  });

  it('keeps the untouched roots when a step releases one root (its children become roots)', () => {
    const nodes: TaskNode[] = [];
    for (let r = 0; r < 50; r++) {
      nodes.push(node(r * 10 + 1, null));
      for (let k = 2; k < 6; k++) nodes.push(node(r * 10 + k, r * 10 + 1));
    }
    const kept = new ForestLayout();
    const before = kept.layout({ nodes, coordinator: null });
    const released = nodes.slice(1).map((n) => (n.parent === 1 ? node(n.pid, null) : n));
    const after = kept.layout({ nodes: released, coordinator: null });
    expect(after).toEqual(new ForestLayout().layout({ nodes: released, coordinator: null }));
    // The other roots' subtrees keep their shape: only where they are moved.
    const rel = (l: TreeLayout, pid: number) => {
      const p = l.placed[l.indexOf.get(pid)!];
      const root = l.placed[l.indexOf.get(pid - (pid % 10) + 1)!];
      return p.x - root.x;
    };
    for (const pid of [12, 13, 495]) expect(rel(after, pid)).toBe(rel(before, pid));
  });

  it('as a job: the same layout, in slices, and a big forest yields between its pieces', () => {
    const nodes: TaskNode[] = [];
    for (let pid = 1; pid <= 20_000; pid++) nodes.push(node(pid, pid % 3 === 0 ? pid - 1 : null));
    const model = { nodes, coordinator: null };
    let sliced: TreeLayout | null = null;
    const job = new ForestLayout().job(model, (l) => {
      sliced = l;
    });
    let yields = 0;
    let newTasks = 0;
    for (let step = job.next(); !step.done; step = job.next()) {
      yields++;
      if (step.value === NEW_TASK) newTasks++;
    }
    expect(yields).toBeGreaterThan(10);
    expect(newTasks).toBe(0);
    expect(sliced).toEqual(new ForestLayout().layout(model));
  });
});
