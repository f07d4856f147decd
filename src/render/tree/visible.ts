import { forestOf } from './forest';
import type { TaskNode } from './model';

/**
 * Which tasks the view shows. A big tree does not fit on screen nor in an SVG: subtrees are
 * collapsed, by the user (the toggle, ArrowLeft) or automatically when the tree would show more
 * than a node budget. Threads count as children of their leader.
 */

/** Collapse state of one view; `pinned` are nodes the user opened, never auto-collapsed. */
export interface CollapseState {
  collapsed: Set<number>;
  pinned: Set<number>;
}

export interface VisibleTree {
  /** Shown nodes, siblings in model order (the layout keeps sibling order from it). */
  nodes: TaskNode[];
  /** For each shown node with children: open or not, and how many descendants are hidden. */
  toggles: Map<number, { expanded: boolean; hidden: number }>;
  /** Nearest shown ancestor-or-self of every task (where a hidden task is drawn, e.g. the baton). */
  shownAt(pid: number): number | null;
}

/** About the most cards SVG keeps smooth while zooming and stepping. */
export const NODE_BUDGET = 2500;

export function visibleTree(
  all: TaskNode[],
  state: CollapseState,
  budget = NODE_BUDGET,
): VisibleTree {
  const { roots, children, parentOf, descendants } = forestOf(all);
  // Breadth first, so the budget goes to the upper levels; a node whose children do not fit
  // any more is collapsed, and stays so (until the user opens it) when the tree changes.
  // Only the shown part is walked: hidden counts come from the forest.
  const shown = new Set<number>();
  const nodes = roots.slice();
  let count = roots.length;
  for (const n of roots) shown.add(n.pid);
  const toggles = new Map<number, { expanded: boolean; hidden: number }>();
  for (let i = 0; i < nodes.length; i++) {
    const pid = nodes[i].pid;
    const k = children(pid);
    if (!k) continue;
    if (!state.collapsed.has(pid) && !state.pinned.has(pid) && count + k.length > budget) {
      state.collapsed.add(pid);
    }
    if (state.collapsed.has(pid)) {
      toggles.set(pid, { expanded: false, hidden: descendants(pid) });
      continue;
    }
    toggles.set(pid, { expanded: true, hidden: 0 });
    count += k.length;
    for (const c of k) {
      shown.add(c.pid);
      nodes.push(c);
    }
  }
  return {
    // Breadth-first, not model, order: the layout needs only siblings in model order.
    nodes: nodes.length === all.length ? all : nodes,
    toggles,
    shownAt(pid) {
      let p: number | null | undefined = pid;
      while (p !== null && p !== undefined && !shown.has(p)) p = parentOf(p);
      return p ?? null;
    },
  };
}

/** Opens every collapsed ancestor of `pid` (to show a task chosen elsewhere, e.g. the log). */
export function reveal(all: TaskNode[], state: CollapseState, pid: number): boolean {
  const { parentOf } = forestOf(all);
  let changed = false;
  for (let p = parentOf(pid); p !== null && p !== undefined; p = parentOf(p)) {
    if (state.collapsed.delete(p)) changed = true;
    state.pinned.add(p);
  }
  return changed;
}

/** Opens or closes one node; opening pins it so the budget never closes it again. */
export function setExpanded(state: CollapseState, pid: number, expanded: boolean): void {
  if (expanded) {
    state.collapsed.delete(pid);
    state.pinned.add(pid);
  } else {
    state.collapsed.add(pid);
    state.pinned.delete(pid);
  }
}
