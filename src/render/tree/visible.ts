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
  /** Top-level tasks shown beyond the budget's worth, asked for with Show more (showMoreRoots). */
  moreRoots?: number;
  /** Top-level tasks brought out by reveal wherever they come in the list. */
  revealedRoots?: Set<number>;
}

/** What a forest with more top-level tasks than the budget does not draw. */
export interface HiddenRoots {
  /** Top-level tasks not drawn. */
  roots: number;
  /** Tasks in their subtrees, themselves included. */
  tasks: number;
}

export interface VisibleTree {
  /** Shown nodes, siblings in model order (the layout keeps sibling order from it). */
  nodes: TaskNode[];
  /** For each shown node with children: open or not, and how many descendants are hidden. */
  toggles: Map<number, { expanded: boolean; hidden: number }>;
  /** Nearest shown ancestor-or-self of every task (where a hidden task is drawn, e.g. the baton). */
  shownAt(pid: number): number | null;
  hiddenRoots: HiddenRoots;
}

/** About the most cards SVG keeps smooth while zooming and stepping. */
export const NODE_BUDGET = 2500;

export function visibleTree(
  all: TaskNode[],
  state: CollapseState,
  budget = NODE_BUDGET,
): VisibleTree {
  const { roots, start, list, parent, size, pids, indexOf } = forestOf(all).index;
  // Breadth first, so the budget goes to the upper levels; a node whose children do not fit
  // any more is collapsed, and stays so (until the user opens it) when the tree changes.
  // Only the shown part is walked, by index: hidden counts come from the forest, and which
  // tasks are shown is a byte per task, not a Set of every shown pid (36,000 roots half-way
  // through destroying 100,000 tasks).
  const shown = new Uint8Array(all.length);
  const order = new Int32Array(all.length);
  let len = 0;
  // Top-level tasks get the budget too: half-way through destroying 100,000 tasks, 36,000 of
  // them stood side by side, more than anyone reads and the most of each step's cost. The first
  // ones in model order are drawn (a destroy releases the lowest pid: where the tree changes),
  // and any the user opened or a reveal brought out; the rest are counted in hiddenRoots.
  const rootLimit = budget + (state.moreRoots ?? 0);
  const revealed = state.revealedRoots;
  const hiddenRoots: HiddenRoots = { roots: 0, tasks: 0 };
  for (let r = 0; r < roots.length; r++) {
    const i = roots[r];
    if (r < rootLimit || state.pinned.has(pids[i]) || revealed?.has(pids[i])) {
      order[len++] = i;
      shown[i] = 1;
    } else {
      hiddenRoots.roots++;
      hiddenRoots.tasks += size[i] + 1;
    }
  }
  const toggles = new Map<number, { expanded: boolean; hidden: number }>();
  for (let q = 0; q < len; q++) {
    const i = order[q];
    const k = start[i + 1] - start[i];
    if (!k) continue;
    const pid = pids[i];
    if (!state.collapsed.has(pid) && !state.pinned.has(pid) && len + k > budget) {
      state.collapsed.add(pid);
    }
    if (state.collapsed.has(pid)) {
      toggles.set(pid, { expanded: false, hidden: size[i] });
      continue;
    }
    toggles.set(pid, { expanded: true, hidden: 0 });
    for (let c = start[i]; c < start[i + 1]; c++) {
      shown[list[c]] = 1;
      order[len++] = list[c];
    }
  }
  let nodes: TaskNode[] = all;
  if (len !== all.length) {
    // Pushed, not set into `new Array(len)`: a holey array is slower to read for every
    // stage after this one.
    nodes = [];
    for (let q = 0; q < len; q++) nodes.push(all[order[q]]);
  }
  return {
    // Breadth-first, not model, order: the layout needs only siblings in model order.
    nodes,
    toggles,
    hiddenRoots,
    shownAt(pid) {
      let i = indexOf(pid);
      // The walk ends at a shown task or above a hidden top-level one (the task is nowhere on
      // screen), or when the parents make a loop (no kernel tree does; a hand-made one may).
      for (let k = 0; i >= 0 && !shown[i]; k++) i = k < all.length ? parent[i] : -1;
      return i < 0 ? null : pids[i];
    },
  };
}

/**
 * Opens every collapsed ancestor of `pid` and brings out its top-level task (to show a task
 * chosen elsewhere, e.g. the log).
 */
export function reveal(all: TaskNode[], state: CollapseState, pid: number): boolean {
  const { parentOf } = forestOf(all);
  let changed = false;
  let top = pid;
  // Bounded: the parents of a hand-made tree may make a loop.
  for (let p = parentOf(pid), k = 0; p !== null && p !== undefined && k < all.length; k++) {
    if (state.collapsed.delete(p)) changed = true;
    state.pinned.add(p);
    top = p;
    p = parentOf(p);
  }
  state.revealedRoots ??= new Set();
  if (!state.revealedRoots.has(top)) {
    state.revealedRoots.add(top);
    changed = true;
  }
  return changed;
}

/** Draws a budget's worth more of the top-level tasks that were not drawn. */
export function showMoreRoots(state: CollapseState, budget = NODE_BUDGET): void {
  state.moreRoots = (state.moreRoots ?? 0) + budget;
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
