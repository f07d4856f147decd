import { hierarchy, tree as d3tree } from 'd3';
import type { TaskNode, TreeModel } from '../model';
import type { Placed, TreeLayout } from '../layout';
import {
  COORD_W,
  GAP_X,
  LEVEL_H,
  NODE_H,
  NODE_W,
  THREAD_H,
  THREAD_W,
  TOGGLE_CLEAR,
} from '../layoutMetrics';

interface HNode {
  pid: number;
  node: TaskNode | null;
  children: HNode[];
  /** Its index among its parent's children. */
  index: number;
}

/**
 * The oracle: the layout as it was before forestLayout.ts, the whole forest in one d3.tree
 * under a virtual root (layout.ts up to commit aa5c078). Tests only.
 */
export function oneD3Tree(model: Pick<TreeModel, 'nodes' | 'coordinator'>): TreeLayout {
  const processes = model.nodes.filter((n) => !n.isThread);
  const threads = new Map<number, TaskNode[]>();
  for (const n of model.nodes) {
    if (n.isThread && n.parent !== null) {
      const row = threads.get(n.parent);
      if (row) row.push(n);
      else threads.set(n.parent, [n]);
    }
  }
  const hnodes = new Map<number, HNode>(
    processes.map((n) => [n.pid, { pid: n.pid, node: n, children: [], index: 0 }]),
  );
  const root: HNode = { pid: -1, node: null, children: [], index: 0 };
  for (const n of processes) {
    const parent = (n.parent !== null ? hnodes.get(n.parent) : undefined) ?? root;
    const h = hnodes.get(n.pid)!;
    h.index = parent.children.length;
    parent.children.push(h);
  }
  const width = (pid: number) =>
    Math.max(NODE_W, (threads.get(pid)?.length ?? 0) * (THREAD_W + 6) * 2 + 2 * TOGGLE_CLEAR) +
    GAP_X;
  const h = hierarchy(root, (d) => d.children);
  d3tree<HNode>()
    .nodeSize([1, LEVEL_H])
    .separation((a, b) => (width(a.data.pid) + width(b.data.pid)) / 2)(h);

  const placed: Placed[] = [];
  const indexOf = new Map<number, number>();
  const order: number[] = [];
  const links: TreeLayout['links'] = [];
  h.eachBefore((d) => {
    const hd = d as typeof d & { x: number; y: number };
    if (!d.data.node) return;
    const up = d.parent?.data ?? root;
    const before = up.node ? (threads.get(up.pid)?.length ?? 0) : 0;
    const p: Placed = {
      node: d.data.node,
      x: hd.x,
      y: hd.y - LEVEL_H,
      depth: d.depth - 1,
      posinset: before + d.data.index + 1,
      setsize: before + up.children.length,
    };
    indexOf.set(p.node.pid, placed.length);
    placed.push(p);
    order.push(p.node.pid);
    const at = up.node ? indexOf.get(up.pid) : undefined;
    if (at !== undefined) links.push({ from: placed[at], to: p });
    const ts = threads.get(p.node.pid) ?? [];
    const rowW = ts.length * (THREAD_W + 6) - 6;
    // With children, the row starts right of the collapse toggle on the card's bottom edge.
    const rowX = d.children?.length ? p.x + TOGGLE_CLEAR : p.x - rowW / 2;
    const siblings = ts.length + (d.children?.length ?? 0);
    ts.forEach((t, i) => {
      const tp: Placed = {
        node: t,
        x: rowX + THREAD_W / 2 + i * (THREAD_W + 6),
        // Hung from the leader's bottom edge (overlapping its border), a tab of its card, not
        // a card of its own a level down that would read as a child.
        y: p.y + NODE_H / 2 + THREAD_H / 2 - 1,
        depth: p.depth + 1,
        posinset: i + 1,
        setsize: siblings,
      };
      indexOf.set(t.pid, placed.length);
      placed.push(tp);
      order.push(t.pid);
    });
  });

  const bounds = { x0: -NODE_W / 2, y0: -NODE_H / 2, x1: NODE_W / 2, y1: NODE_H / 2 };
  if (placed.length) {
    // A loop, not Math.min(...xs): spreading 100,000 values overflows the stack.
    bounds.x0 = bounds.y0 = Infinity;
    bounds.x1 = bounds.y1 = -Infinity;
    for (const p of placed) {
      bounds.x0 = Math.min(bounds.x0, p.x - NODE_W / 2);
      bounds.x1 = Math.max(bounds.x1, p.x + NODE_W / 2);
      bounds.y0 = Math.min(bounds.y0, p.y - NODE_H / 2);
      bounds.y1 = Math.max(bounds.y1, p.y + NODE_H / 2 + THREAD_H);
    }
  }
  const first = placed[0];
  const coordinator = model.coordinator
    ? { x: bounds.x0 - 60 - COORD_W / 2, y: first ? first.y : 0 }
    : null;
  return { placed, links, order, indexOf, bounds, coordinator };
}
