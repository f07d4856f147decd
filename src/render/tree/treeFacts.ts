import type { TreeLayout } from './layout';

/** Where a shown item stands in the tree, as WAI-ARIA's tree pattern says it (1-based). */
export interface ItemFacts {
  level: number;
  posinset: number;
  setsize: number;
}

/**
 * Level, place among its siblings and number of siblings of every shown item, for a tree whose
 * DOM holds only some items (the accessible tree on canvas): a screen reader cannot count them
 * from the DOM (MDN, ARIA aria-posinset / aria-setsize: a tree whose nodes are not all in the
 * DOM gives each its level, position and set size). The coordinator, when there is one, is the
 * first item of the top level.
 */
export function itemFacts(
  layout: TreeLayout,
  coordinatorPid: number | null,
): Map<number, ItemFacts> {
  const siblings = new Map<number | null, number[]>();
  const top: number[] = coordinatorPid !== null && layout.coordinator ? [coordinatorPid] : [];
  siblings.set(null, top);
  const shown = new Set(layout.placed.map((p) => p.node.pid));
  for (const pid of layout.order) {
    const parent = parentOf(layout, pid);
    const key = parent !== null && parent !== undefined && shown.has(parent) ? parent : null;
    let list = siblings.get(key);
    if (!list) siblings.set(key, (list = []));
    list.push(pid);
  }
  const facts = new Map<number, ItemFacts>();
  const levels = new Map(layout.placed.map((p) => [p.node.pid, p.depth + 1]));
  for (const list of siblings.values()) {
    list.forEach((pid, i) =>
      facts.set(pid, { level: levels.get(pid) ?? 1, posinset: i + 1, setsize: list.length }),
    );
  }
  return facts;
}

const parents = new WeakMap<TreeLayout, Map<number, number | null>>();

function parentOf(layout: TreeLayout, pid: number): number | null | undefined {
  let m = parents.get(layout);
  if (!m) {
    m = new Map(layout.placed.map((p) => [p.node.pid, p.node.parent]));
    parents.set(layout, m);
  }
  return m.get(pid);
}
