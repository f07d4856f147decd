import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { layoutTree, type Placed } from './layout';
import type { TaskNode } from './model';
import { CardGrid, cardBox, TOGGLE_R, type Rect } from './spatialIndex';

function node(pid: number, parent: number | null, isThread = false): TaskNode {
  return { pid, parent, isThread } as TaskNode;
}

/** A random forest: each task's parent is an earlier task or none; some are threads. */
const forest = fc
  .array(fc.tuple(fc.nat(), fc.boolean(), fc.boolean()), { minLength: 1, maxLength: 300 })
  .map((specs) =>
    specs.map(([p, root, thread], i) => {
      const parent = i === 0 || root ? null : (p % i) + 1;
      return node(i + 1, parent, parent !== null && thread && i % 5 === 0);
    }),
  );

const meets = (b: Rect, r: Rect) =>
  b.x1 >= r.x0 && b.x0 <= r.x1 && b.y1 + 30 >= r.y0 && b.y0 <= r.y1;

function scan(placed: readonly Placed[], r: Rect): number[] {
  return placed.flatMap((p, i) => (meets(cardBox(p), r) ? [i] : []));
}

describe('CardGrid', () => {
  it('finds exactly the cards a rectangle meets, in drawing order (as a scan does)', () => {
    fc.assert(
      fc.property(
        forest,
        fc.double({ min: -1, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 10, max: 5000, noNaN: true }),
        (nodes, fx, fy, size) => {
          const { placed, bounds } = layoutTree({ nodes, coordinator: null });
          const grid = new CardGrid(placed);
          const x = bounds.x0 + ((fx + 1) / 2) * (bounds.x1 - bounds.x0);
          const y = bounds.y0 + fy * (bounds.y1 - bounds.y0);
          const r = { x0: x - size, y0: y - size / 3, x1: x + size, y1: y + size / 3 };
          expect(grid.query(r)).toEqual(scan(placed, r));
        },
      ),
    );
  });

  it('hits the card under a point, its toggle first, and nothing between cards', () => {
    const nodes = [node(1, null), node(2, 1), node(3, 1), node(4, 2, true)];
    const { placed } = layoutTree({ nodes, coordinator: null });
    const grid = new CardGrid(placed);
    const toggles = new Set([1, 2]);
    for (const p of placed) {
      expect(grid.hit(p.x, p.y, toggles)?.pid).toBe(p.node.pid);
    }
    const root = placed.find((p) => p.node.pid === 1)!;
    const bottom = cardBox(root).y1;
    expect(grid.hit(root.x, bottom + TOGGLE_R - 1, toggles)).toMatchObject({
      pid: 1,
      part: 'toggle',
    });
    // Without a toggle the same point below the card is empty.
    expect(grid.hit(root.x, bottom + TOGGLE_R - 1, new Set())).toBeNull();
    const [a, b] = placed.filter((p) => p.node.parent === 1 && !p.node.isThread);
    expect(grid.hit((cardBox(a).x1 + cardBox(b).x0) / 2, a.y, toggles)).toBeNull();
  });

  it('answers an empty layout', () => {
    const grid = new CardGrid([]);
    expect(grid.query({ x0: -1e6, y0: -1e6, x1: 1e6, y1: 1e6 })).toEqual([]);
    expect(grid.hit(0, 0, new Set())).toBeNull();
  });
});
