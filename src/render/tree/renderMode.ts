/**
 * Which drawing a tree gets. SVG keeps one element per card and lets the browser style, lay out,
 * paint and hit-test them; past a few hundred cards with their texts that is what a frame costs
 * (docs/SEMANTICS.md "The tree's drawing", the bench's SVG-versus-canvas table), so a bigger tree
 * is drawn on a canvas (canvasLayer.ts) with an accessible tree of the items in view beside it.
 * Two thresholds, so that a tree near the limit does not switch at every step.
 */
export type RenderMode = 'svg' | 'canvas';

/** Shown cards above which the tree is drawn on a canvas. */
export const CANVAS_ABOVE = 600;
/** Shown cards below which a canvas tree goes back to SVG. */
export const SVG_BELOW = 450;

export function renderModeFor(
  previous: RenderMode,
  cards: number,
  above = CANVAS_ABOVE,
  below = SVG_BELOW,
): RenderMode {
  if (previous === 'svg') return cards > above ? 'canvas' : 'svg';
  return cards < below ? 'svg' : 'canvas';
}
