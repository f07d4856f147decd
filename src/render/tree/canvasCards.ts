import { COORD_W, NODE_H, NODE_W, THREAD_H, THREAD_W, type Placed } from './layout';
import { outline, PLACES } from './draw';
import type { CardTexts } from './cardTexts';
import type { CardStyle, PartStyle } from './canvasStyle';

/**
 * One task card (and the coordinator's pill) painted on a 2D canvas with the SVG card's
 * geometry (draw.ts: the same outlines as Path2D, the same text places) and its stylesheet's
 * look (canvasStyle.ts). The context is already in tree units; `detail` is the level of detail:
 * 'full' as the SVG draws it, 'box' the outline only (tree.css .lod-far: texts, hatch, cross and
 * toggle hidden), 'dot' a filled box for cards a few pixels wide.
 */
export type Detail = 'full' | 'box' | 'dot';

const paths = new Map<string, Path2D>();

function outlinePath(n: Placed['node']): Path2D {
  const w = n.isThread ? THREAD_W : NODE_W;
  const h = n.isThread ? THREAD_H : NODE_H;
  const d = outline(n.kind, w, h, n.isThread);
  let p = paths.get(d);
  if (!p) paths.set(d, (p = new Path2D(d)));
  return p;
}

const ALIGN: Record<string, CanvasTextAlign> = { start: 'left', middle: 'center', end: 'right' };

export class CardPainter {
  private font = '';

  constructor(private readonly ctx: CanvasRenderingContext2D) {}

  /** The canvas was resized or its state reset: the font must be set again. */
  reset(): void {
    this.font = '';
  }

  shape(path: Path2D, s: PartStyle): void {
    const ctx = this.ctx;
    ctx.globalAlpha = s.opacity;
    const stroke = () => {
      if (!s.stroke) return;
      ctx.strokeStyle = s.stroke;
      ctx.lineWidth = s.lineWidth;
      ctx.setLineDash(s.dash);
      ctx.lineCap = s.lineCap;
      ctx.stroke(path);
    };
    if (s.strokeFirst) stroke();
    if (s.fill) {
      ctx.fillStyle = s.fill;
      ctx.fill(path);
    }
    if (!s.strokeFirst) stroke();
    ctx.globalAlpha = 1;
  }

  text(value: string, x: number, y: number, s: PartStyle, anchor = 'start'): void {
    if (!value || !s.fill || !s.shown) return;
    const ctx = this.ctx;
    if (this.font !== s.font) {
      this.font = s.font;
      ctx.font = s.font;
    }
    ctx.letterSpacing = s.letterSpacing;
    ctx.globalAlpha = s.opacity;
    ctx.fillStyle = s.fill;
    ctx.textAlign = ALIGN[anchor] ?? 'left';
    ctx.fillText(value, x, y);
    ctx.globalAlpha = 1;
  }

  /** A card centred on (p.x, p.y); `toggle` its collapse state, null for a leaf. */
  card(
    p: Placed,
    s: CardStyle,
    words: () => CardTexts,
    toggle: { expanded: boolean; more: string } | null,
    detail: Detail,
    hatch: CanvasPattern | null,
  ): void {
    const ctx = this.ctx;
    const n = p.node;
    const w = n.isThread ? THREAD_W : NODE_W;
    const h = n.isThread ? THREAD_H : NODE_H;
    if (detail === 'dot') {
      ctx.fillStyle = s.card.stroke ?? s.card.fill ?? '#888';
      ctx.fillRect(p.x - w / 2, p.y - h / 2, w, h);
      return;
    }
    ctx.translate(p.x, p.y);
    this.shape(outlinePath(n), s.card);
    if (detail === 'full') {
      const at = PLACES[n.isThread ? 'thread' : 'process'];
      const t = words();
      for (const key of ['line1', 'line2', 'line3', 'badge'] as const) {
        const place = at[key];
        if (place)
          this.text(t[key], +place.x, +place.y, s[key], String(place['text-anchor'] ?? 'start'));
      }
      if (n.frozen && hatch) {
        ctx.fillStyle = hatch;
        ctx.fillRect(-w / 2, -h / 2, w, h);
      }
      if (n.kind === 'dead' && s.cross.stroke) {
        const cross = new Path2D();
        cross.moveTo(-w / 2 + 6, -h / 2 + 6);
        cross.lineTo(w / 2 - 6, h / 2 - 6);
        cross.moveTo(-w / 2 + 6, h / 2 - 6);
        cross.lineTo(w / 2 - 6, -h / 2 + 6);
        this.shape(cross, s.cross);
      }
      if (toggle) {
        const circle = new Path2D();
        circle.arc(0, h / 2, 8, 0, 2 * Math.PI);
        this.shape(circle, s.toggleCircle);
        this.text(toggle.expanded ? '−' : '+', 0, h / 2 + 4, s.toggleText, 'middle');
        this.text(toggle.more, 0, h / 2 + 24, s.more, 'middle');
      }
    }
    ctx.translate(-p.x, -p.y);
  }

  /** The restart coordinator's pill at (x, y). */
  coordinator(
    x: number,
    y: number,
    s: Pick<CardStyle, 'card' | 'line1' | 'line2' | 'line3'>,
    lines: [string, string, string],
    detail: Detail,
  ): void {
    const ctx = this.ctx;
    ctx.translate(x, y);
    const pill = new Path2D();
    pill.roundRect(-COORD_W / 2, -NODE_H / 2, COORD_W, NODE_H, NODE_H / 2);
    this.shape(pill, s.card);
    if (detail === 'full') {
      const x0 = -COORD_W / 2 + 16;
      this.text(lines[0], x0, -NODE_H / 2 + 17, s.line1);
      this.text(lines[1], x0, -NODE_H / 2 + 33, s.line2);
      this.text(lines[2], x0, -NODE_H / 2 + 49, s.line3);
    }
    ctx.translate(-x, -y);
  }
}
