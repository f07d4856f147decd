import { changesByPidAtLeast } from './changes';
import { shapeToken, SLICED_CHANGES_ABOVE, type TreeModel } from './model';

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
 * drawing shown meanwhile. A big tree is, when:
 * - it is new to the view (another container, no layout yet);
 * - its shape changed (a task came or went, or changed parent): its shown part and layout are
 *   made again, as at every step of a big destroy, even though few nodes changed;
 * - its nodes differ from the last model's in SLICED_CHANGES_ABOVE places or more, the shape
 *   kept (a freeze of every task).
 * Doing that in the task that draws it made one long task. A step of a big tree that changes a
 * few nodes and keeps the shape (most steps of a restart's middle) is drawn at once.
 */
export function opensInSlices(
  model: TreeModel | null,
  before: TreeModel | null,
  lastContainer: number | null,
  laidOut: boolean,
): boolean {
  if (!model || model.nodes.length < SLICE_OPEN_ABOVE) return false;
  if (!before || !laidOut || model.containerId !== lastContainer) return true;
  if (shapeToken(model.nodes) !== shapeToken(before.nodes)) return true;
  const limit = SLICED_CHANGES_ABOVE;
  // Aligned by pid: a destroy's step (one task gone) is one change, not one per later node.
  return changesByPidAtLeast(model.nodes, before.nodes, limit) >= limit;
}
