import { describe, expect, it } from 'vitest';
import { layoutTree, rebind } from './layout';
import type { TaskNode } from './model';

const n = (pid: number, parent: number | null, isThread = false, state = 'running') =>
  ({ pid, parent, isThread, state }) as unknown as TaskNode;

describe('rebind', () => {
  const nodes = [n(1, null), n(2, 1), n(3, 1), n(4, 3), n(5, 1, true), n(9, null)];
  const layout = layoutTree({ nodes, coordinator: null });

  it('puts the new nodes where their cards were; unchanged cards and links stay the same objects', () => {
    const three = n(3, 1, false, 'zombie');
    const next = rebind(
      layout,
      nodes.map((x) => (x.pid === 3 ? three : x)),
    );
    expect(next.placed.map((p) => [p.node.pid, p.x, p.y])).toEqual(
      layout.placed.map((p) => [p.node.pid, p.x, p.y]),
    );
    const at = (pid: number) => next.placed[next.indexOf.get(pid)!];
    expect(at(3).node).toBe(three);
    expect(at(1)).toBe(layout.placed[layout.indexOf.get(1)!]);
    // The links into and out of the changed card name its new card; the others are kept.
    for (const l of next.links) {
      expect(next.placed).toContain(l.from);
      expect(next.placed).toContain(l.to);
    }
    expect(next.links.find((l) => l.to.node.pid === 3)!.to).toBe(at(3));
    expect(next.links.find((l) => l.from.node.pid === 3)!.from).toBe(at(3));
    expect(next.links.find((l) => l.to.node.pid === 2)).toBe(
      layout.links.find((l) => l.to.node.pid === 2),
    );
    // The layout it was given is not changed.
    expect(layout.placed[layout.indexOf.get(3)!].node).toBe(nodes[2]);
  });

  it('with the same nodes, gives the same cards', () => {
    const next = rebind(layout, nodes);
    expect(next).not.toBe(layout);
    expect(next.placed).toBe(layout.placed);
    expect(next.links).toBe(layout.links);
  });
});
