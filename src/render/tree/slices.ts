import type { Placed } from './layout';
import type { TaskNode } from './model';

/**
 * Which cards an update draws at once and which over the next frames. Drawing a card whose
 * task changed, or creating one, is the costly part of an update: a step that changes every task
 * of a big tree (a freeze, a jump to another step) or opens a big subtree would be one long
 * task. Up to `atOnce` such cards are drawn at once, so small changes show in the same frame;
 * above that, cards whose task is unchanged (moves, toggles, selection: cheap) are drawn at
 * once and the rest later, changed ones first, then new ones.
 */
export function planSlices(
  placed: readonly Placed[],
  /** The node a pid's card shows now, undefined when it has no card. */
  shown: (pid: number) => TaskNode | null | undefined,
  atOnce: number,
): { now: Placed[]; later: Placed[] } {
  const cheap: Placed[] = [];
  const changed: Placed[] = [];
  const fresh: Placed[] = [];
  for (const p of placed) {
    const node = shown(p.node.pid);
    if (node === undefined) fresh.push(p);
    else if (node !== p.node) changed.push(p);
    else cheap.push(p);
  }
  if (changed.length + fresh.length <= atOnce) return { now: [...placed], later: [] };
  return { now: cheap, later: [...changed, ...fresh] };
}

/** The frame interval slices aim at: two frames at 60 Hz, well under a 50 ms long task. */
export const TARGET_FRAME_MS = 34;
export const MIN_SLICE_MS = 4;
export const MAX_SLICE_MS = 12;
/** Frames longer than this had other work in them (a store update, a save): no signal. */
const OTHER_WORK_MS = 120;

/**
 * The next slice's time budget from the last one's and the time between the last two slices
 * (which includes the browser styling, laying out and painting what the slice drew). A fixed
 * budget is either slow on a fast machine (each frame also repaints the whole tree, so many
 * small slices cost more in all) or janky on a busy one; this one grows while frames come
 * quickly and shrinks when they do not.
 */
export function nextSliceBudget(budget: number, frameMs: number): number {
  if (frameMs > OTHER_WORK_MS) return budget;
  const next = budget + (TARGET_FRAME_MS - frameMs) / 2;
  return Math.min(MAX_SLICE_MS, Math.max(MIN_SLICE_MS, next));
}
