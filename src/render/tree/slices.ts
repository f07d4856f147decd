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
