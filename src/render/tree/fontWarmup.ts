import type { CanvasStyles, CardStyle } from './canvasStyle';

/** Glyphs a card's texts use most: a font's first text draws these into the glyph cache. */
const SAMPLE = 'pid 0123456789 task running stopped zombie frozen · ▶‖◎☠✕❄ zz +−';

/**
 * Draws a sample text in each font the canvas tree paints with, on a canvas of its own, once per
 * font: a page's first canvas text in a font costs 5-30 ms (the font's lookup, its glyphs'
 * rasterising), which landed in the first paint of a big tree (a 2,000-task restart's open: a
 * paint task of 64 ms, 32 of them in the coordinator's first fillText). canvasTree.ts calls it
 * when the page is first idle and again in the task that prepares a big drawing (a theme's new
 * fonts), so the paint finds them ready. The styles read here are the ones the paint reads
 * (canvasStyle.ts keeps them).
 */
export class FontWarmup {
  private readonly done = new Set<string>();
  private ctx: CanvasRenderingContext2D | null | undefined;

  warm(styles: CanvasStyles): void {
    const fonts = new Set<string>();
    const add = (s: CardStyle | Pick<CardStyle, 'line1' | 'line2' | 'line3'>) => {
      for (const part of Object.values(s)) if (part.shown && part.fill) fonts.add(part.font);
    };
    add(styles.card('task k-running'));
    add(styles.card('coordinator status-waiting'));
    fonts.add(styles.part('container > container-label > text').font);
    for (const font of fonts) {
      if (this.done.has(font)) continue;
      this.done.add(font);
      this.ctx ??= Object.assign(document.createElement('canvas'), {
        width: 8,
        height: 8,
      }).getContext('2d');
      if (!this.ctx) return;
      this.ctx.font = font;
      this.ctx.fillText(SAMPLE, 0, 8);
    }
  }

  /** The theme changed: its fonts may be others. */
  clear(): void {
    this.done.clear();
  }
}
