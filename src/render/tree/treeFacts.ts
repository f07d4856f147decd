import type { TreeLayout } from './layout';
import { COORDINATOR_PID } from './ids';

/** Where a shown item stands in the tree, as WAI-ARIA's tree pattern says it (1-based). */
export interface ItemFacts {
  level: number;
  posinset: number;
  setsize: number;
}

/**
 * Level, place among its siblings and number of siblings of a shown item (undefined for one
 * not shown), for a tree whose DOM holds only some items (the accessible tree on canvas): a
 * screen reader cannot count them from the DOM (MDN, ARIA aria-posinset / aria-setsize: a tree
 * whose nodes are not all in the DOM gives each its level, position and set size). The layout
 * knows each card's place among its siblings; the coordinator, when there is one, is the first
 * item of the top level. Read per item, not made for every item of a layout: the DOM holds a
 * few hundred of them, a big forest's layout tens of thousands.
 */
export function itemFacts(layout: TreeLayout, pid: number): ItemFacts | undefined {
  const coord = layout.coordinator ? 1 : 0;
  if (pid === COORDINATOR_PID) {
    return coord ? { level: 1, posinset: 1, setsize: 1 + topLevelCount(layout) } : undefined;
  }
  const i = layout.indexOf.get(pid);
  if (i === undefined) return undefined;
  const p = layout.placed[i];
  const top = p.depth === 0 ? coord : 0;
  return { level: p.depth + 1, posinset: p.posinset + top, setsize: p.setsize + top };
}

/** The top level's size: any top-level card knows it (the first card is one). */
function topLevelCount(layout: TreeLayout): number {
  return layout.placed[0]?.setsize ?? 0;
}
