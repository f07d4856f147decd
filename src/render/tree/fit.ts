/**
 * Texts cut to the width they are drawn in, by their font's advance: the tree's font is
 * monospace (tree.css), so a text's width is its length times one advance, with no layout to
 * measure it (measuring thousands of cards would force a layout of each). What is cut ends in
 * an ellipsis; the full text is each card's title and accessible name.
 */

/**
 * Advance of one character per pixel of font size: 0.602 in DejaVu Sans Mono and Menlo, 0.55
 * in Consolas; the glyphs (▶ ☠ ❄) may come from a fallback font, so a little more.
 */
const ADVANCE = 0.64;

/** How many characters of a `fontPx` font fit in `px` pixels (letter spacing in em). */
export function charsThatFit(px: number, fontPx: number, spacingEm = 0): number {
  return Math.max(1, Math.floor(px / (fontPx * (ADVANCE + spacingEm))));
}

/** The width of `text` in a `fontPx` font. */
export function textWidth(text: string, fontPx: number, spacingEm = 0): number {
  return [...text].length * fontPx * (ADVANCE + spacingEm);
}

/** `text` cut to `max` characters, ending in "…" when cut. */
export function fitText(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, Math.max(0, max - 1)).join('')}…`;
}

/**
 * `text` cut to `max` characters, keeping what follows its last `sep` whole when that fits
 * ("restore_task_str… · runnable"): the state at the end says more than the rest of the name.
 */
export function fitKeepingLast(text: string, max: number, sep = ' · '): string {
  if ([...text].length <= max) return text;
  const at = text.lastIndexOf(sep);
  const tail = at > 0 ? text.slice(at) : '';
  const room = max - [...tail].length;
  // At least a few characters of the head, else the tail would stand alone.
  if (!tail || room < 4) return fitText(text, max);
  return `${fitText(text.slice(0, at), room)}${tail}`;
}
