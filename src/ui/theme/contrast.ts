/**
 * WCAG 2.x contrast of two opaque colours (#rgb or #rrggbb): (L1 + 0.05) / (L2 + 0.05) with
 * the relative luminance of the sRGB definition in WCAG 2.2, "relative luminance". Used by the
 * theme tests (the token table, and colours the page computes in e2e).
 */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** Relative luminance of `#rgb`, `#rrggbb` or `rgb(r, g, b)`. */
export function luminance(colour: string): number {
  const [r, g, b] = channels(colour).map((c) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function channels(colour: string): [number, number, number] {
  const c = colour.trim().toLowerCase();
  const rgb = /^rgba?\((\d+),\s*(\d+),\s*(\d+)(?:,\s*1)?\)$/.exec(c);
  if (rgb) return [Number(rgb[1]), Number(rgb[2]), Number(rgb[3])];
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/.exec(c);
  if (!hex) throw new Error(`not an opaque colour: ${colour}`);
  const h = hex[1].length === 3 ? [...hex[1]].map((d) => d + d).join('') : hex[1];
  return [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16)) as [number, number, number];
}
