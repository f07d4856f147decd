/**
 * Which drawing a tree gets. SVG keeps one element per card and lets the browser style, lay out,
 * paint and hit-test them: each step then lays out the SVG again, and with the cards' texts shown
 * that grows with the cards, not with what changed. Measured playing a restart at 4× for 4 s
 * (bench/play-metrics.ts, this machine, load 2-4): the page's main-thread time was 440 ms with
 * 50 SVG cards (layout 47 ms), 1,007 ms with 100 (layout 377), 1,288 with 200 (534), 2,108 with
 * 400 (1,081); on the canvas 371-530 ms at 100-400 cards (layout under 50). So a tree of more
 * than a few dozen cards is drawn on a canvas (canvasLayer.ts) with an accessible tree of the
 * items in view over it, and SVG keeps the small trees (the lessons' and examples'). Two
 * thresholds, so that a tree near the limit does not switch at every step.
 */
export type RenderMode = 'svg' | 'canvas';

/** Shown cards above which the tree is drawn on a canvas. */
export const CANVAS_ABOVE = 60;
/** Shown cards below which a canvas tree goes back to SVG. */
export const SVG_BELOW = 45;

export function renderModeFor(
  previous: RenderMode,
  cards: number,
  above = CANVAS_ABOVE,
  below = SVG_BELOW,
): RenderMode {
  if (previous === 'svg') return cards > above ? 'canvas' : 'svg';
  return cards < below ? 'svg' : 'canvas';
}
