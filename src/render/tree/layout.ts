import type { TaskNode, TreeModel } from './model';
import { ForestLayout } from './forestLayout';

export { COORD_W, NODE_H, NODE_W, THREAD_H, THREAD_W } from './layoutMetrics';

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

/**
 * Tidy tree of the processes, root by root (forestLayout.ts); threads hang in a row from their
 * leader's card. Only `nodes` and `coordinator` are read: the view passes the shown nodes of a
 * collapsed tree. A view that lays out step after step keeps a ForestLayout instead, which
 * lays out again only the roots whose subtrees changed.
 */
export function layoutTree(model: Pick<TreeModel, 'nodes' | 'coordinator'>): TreeLayout {
  return new ForestLayout().layout(model);
}

/**
 * The previous layout's positions with this step's nodes: a step that changes states but not
 * the tree's shape (the usual case) then costs no layout at all.
 */
export function rebind(layout: TreeLayout, nodes: TaskNode[]): TreeLayout {
  // Through the layout's own index, and only the cards whose node changed are new: two maps of
  // every shown card per step cost 5-10 ms at 36,000 cards (a big destroy between releases).
  let placed: Placed[] | null = null;
  for (const n of nodes) {
    const i = layout.indexOf.get(n.pid);
    if (i === undefined || layout.placed[i].node === n) continue;
    placed ??= layout.placed.slice();
    placed[i] = { ...placed[i], node: n };
  }
  if (!placed) return { ...layout };
  const now = placed;
  const at = (p: Placed) => now[layout.indexOf.get(p.node.pid)!];
  const links = layout.links.map((l) => {
    const from = at(l.from);
    const to = at(l.to);
    return from === l.from && to === l.to ? l : { from, to };
  });
  return { ...layout, placed: now, links };
}
