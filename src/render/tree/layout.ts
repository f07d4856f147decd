import { hierarchy, tree as d3tree } from 'd3';
import type { TaskNode, TreeModel } from './model';

export const NODE_W = 168;
export const NODE_H = 58;
/** The coordinator's pill is wider than a task card: its PC names are long. */
export const COORD_W = 240;
export const THREAD_W = 60;
export const THREAD_H = 22;
const GAP_X = 28;
/** Half the collapse toggle (r 8, draw.ts) and a gap: where a leader's thread row starts. */
const TOGGLE_CLEAR = 12;
const LEVEL_H = 112;

export interface Placed {
  node: TaskNode;
  /** Centre of the card. */
  x: number;
  y: number;
  depth: number;
  /**
   * Its place among its shown siblings and their number (1-based, WAI-ARIA's aria-posinset
   * and aria-setsize): a leader's threads first, then its child processes; the top level is
   * every task without a shown parent (the coordinator is not counted here).
   */
  posinset: number;
  setsize: number;
}

export interface TreeLayout {
  placed: Placed[];
  links: { from: Placed; to: Placed }[];
  /** Keyboard order: pre-order, each leader followed by its threads (the order of `placed`). */
  order: number[];
  /** Where each shown task is in `placed`: one index for the view, the keyboard and the a11y. */
  indexOf: ReadonlyMap<number, number>;
  bounds: { x0: number; y0: number; x1: number; y1: number };
  coordinator: { x: number; y: number } | null;
}

interface HNode {
  pid: number;
  node: TaskNode | null;
  children: HNode[];
  /** Its index among its parent's children. */
  index: number;
}

/**
 * Tidy tree (d3.tree) of the processes; threads hang in a row from their leader's card.
 * Only `nodes` and `coordinator` are read: the view passes the shown nodes of a collapsed tree.
 */
export function layoutTree(model: Pick<TreeModel, 'nodes' | 'coordinator'>): TreeLayout {
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

/** What the layout depends on: which tasks are shown, their parents, threads, the coordinator. */
export function shapeKey(model: Pick<TreeModel, 'nodes' | 'coordinator'>): string {
  let key = model.coordinator ? 'c' : '';
  for (const n of model.nodes) key += `,${n.pid}${n.isThread ? 't' : ':'}${n.parent ?? ''}`;
  return key;
}

/**
 * The previous layout's positions with this step's nodes: a step that changes states but not
 * the tree's shape (the usual case) then costs no layout at all.
 */
export function rebind(layout: TreeLayout, nodes: TaskNode[]): TreeLayout {
  const byPid = new Map(nodes.map((n) => [n.pid, n]));
  const moved = new Map<Placed, Placed>();
  const placed = layout.placed.map((p) => {
    const q = { ...p, node: byPid.get(p.node.pid) ?? p.node };
    moved.set(p, q);
    return q;
  });
  const links = layout.links.map((l) => ({ from: moved.get(l.from)!, to: moved.get(l.to)! }));
  return { ...layout, placed, links };
}
