import { changesByPidAtLeast } from './changes';
import { SLICED_CHANGES_ABOVE, type TreeModel } from './model';

/**
 * A tree of at least this many tasks is opened in slices (treeView.ts's openJob): opening a
 * 2,000-task restart laid it out (d3.tree, 28 ms) and drew it (14 ms) in the task that
 * received it, one task of 164 ms with the store's and the other panels' work. The lessons' and
 * examples' trees (tens of tasks) are drawn in the task that brings them.
 */
export const SLICE_OPEN_ABOVE = 1000;

/**
 * Whether TreeView prepares `model` in tasks of its own before drawing it (its forest when its
 * shape is new, its shown part and layout, its canvas grid), the tree aria-busy and the last
 * drawing shown meanwhile: a big tree that is new to the view (another container, no layout
 * yet) or whose nodes differ from the last model's in SLICED_CHANGES_ABOVE places or more (a
 * freeze, a jump across a restart, that many tasks more or fewer). Doing that in the task that
 * draws it made one long task. A step of a big tree changes a few nodes: synchronous.
 */
export function opensInSlices(
  model: TreeModel | null,
  before: TreeModel | null,
  lastContainer: number | null,
  laidOut: boolean,
): boolean {
  if (!model || model.nodes.length < SLICE_OPEN_ABOVE) return false;
  if (!before || !laidOut || model.containerId !== lastContainer) return true;
  const limit = SLICED_CHANGES_ABOVE;
  // Aligned by pid: a destroy's step (one task gone) is one change, not one per later node.
  return changesByPidAtLeast(model.nodes, before.nodes, limit) >= limit;
}
