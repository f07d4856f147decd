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
  /** Shown nodes, in model order (the layout keeps sibling order from it). */
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
  const kids = new Map<number, TaskNode[]>();
  const parentOf = new Map<number, number | null>();
  const roots: TaskNode[] = [];
  for (const n of all) parentOf.set(n.pid, n.parent);
  for (const n of all) {
    if (n.parent === null || !parentOf.has(n.parent)) roots.push(n);
    else {
      const k = kids.get(n.parent);
      if (k) k.push(n);
      else kids.set(n.parent, [n]);
    }
  }
  // Breadth first, so the budget goes to the upper levels; a node whose children do not fit
  // any more is collapsed, and stays so (until the user opens it) when the tree changes.
  const shown = new Set<number>();
  let count = roots.length;
  const queue = roots.map((n) => n.pid);
  for (const pid of queue) shown.add(pid);
  for (let i = 0; i < queue.length; i++) {
    const pid = queue[i];
    const k = kids.get(pid);
    if (!k || state.collapsed.has(pid)) continue;
    if (!state.pinned.has(pid) && count + k.length > budget) {
      state.collapsed.add(pid);
      continue;
    }
    count += k.length;
    for (const c of k) {
      shown.add(c.pid);
      queue.push(c.pid);
    }
  }
  const toggles = new Map<number, { expanded: boolean; hidden: number }>();
  for (const pid of queue) {
    if (!kids.has(pid)) continue;
    const expanded = !state.collapsed.has(pid);
    toggles.set(pid, { expanded, hidden: expanded ? 0 : descendants(pid, kids) });
  }
  return {
    nodes: shown.size === all.length ? all : all.filter((n) => shown.has(n.pid)),
    toggles,
    shownAt(pid) {
      let p: number | null | undefined = pid;
      while (p !== null && p !== undefined && !shown.has(p)) p = parentOf.get(p);
      return p ?? null;
    },
  };
}

function descendants(pid: number, kids: Map<number, TaskNode[]>): number {
  let n = 0;
  const stack = [pid];
  while (stack.length) {
    for (const c of kids.get(stack.pop()!) ?? []) {
      n++;
      stack.push(c.pid);
    }
  }
  return n;
}

/** Opens every collapsed ancestor of `pid` (to show a task chosen elsewhere, e.g. the log). */
export function reveal(all: TaskNode[], state: CollapseState, pid: number): boolean {
  const parentOf = new Map(all.map((n) => [n.pid, n.parent]));
  let changed = false;
  for (let p = parentOf.get(pid); p !== null && p !== undefined; p = parentOf.get(p)) {
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
