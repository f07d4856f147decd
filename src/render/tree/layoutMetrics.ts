/** The tree layout's sizes in tree units (layout.ts re-exports the ones the drawing reads). */

export const NODE_W = 168;
export const NODE_H = 58;
/** The coordinator's pill is wider than a task card: its PC names are long. */
export const COORD_W = 240;
export const THREAD_W = 60;
export const THREAD_H = 22;
export const GAP_X = 28;
/** Half the collapse toggle (r 8, draw.ts) and a gap: where a leader's thread row starts. */
export const TOGGLE_CLEAR = 12;
export const LEVEL_H = 112;

/**
 * The room a process card takes in its level, its gap included: a leader's thread row may be
 * wider than the card. Neighbours at one level keep (width(a) + width(b)) / 2 between centres.
 */
export function cardWidth(threads: number): number {
  return Math.max(NODE_W, threads * (THREAD_W + 6) * 2 + 2 * TOGGLE_CLEAR) + GAP_X;
}
