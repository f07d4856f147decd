import { NODE_H, NODE_W, COORD_W, type Placed, type TreeLayout } from './layout';
import type { TreeModel } from './model';
import { cardClass } from './draw';
import { cardTexts, hiddenText } from './cardTexts';
import { CardPainter, type Detail } from './canvasCards';
import type { CanvasStyles, PartStyle } from './canvasStyle';
import { containerBox, coordinatorLines } from './overlay';
import { FAR_ZOOM, type Transform } from './panZoom';
import { cardBox, type CardGrid, type Rect } from './spatialIndex';
import type { VisibleTree } from './visible';

/** What the canvas shows of one update. */
export interface CanvasFrame {
  layout: TreeLayout;
  /** The layout's index; kept across steps that do not change the tree's shape. */
  grid: CardGrid;
  visible: VisibleTree | null;
  model: TreeModel;
  selected: number | null;
  /** The card with the keyboard focus ring, null when the focus is elsewhere. */
  focused: number | null;
}

/** Cards narrower than this many pixels are drawn as filled boxes. */
const DOT_PX = 10;
/** A step that changed more cards than this in view repaints the view whole. */
const MAX_DIRTY = 64;
/** Room around a card for its stroke (3.5 px when selected), the toggle and the marker. */
const MARGIN = 4;
const BELOW = 32;

/**
 * The tree drawn on one 2D canvas the size of the view (devicePixelRatio-aware, so text is
 * crisp): only the cards in view (the grid's query), with a level of detail when zoomed out, so
 * a frame costs what is on screen, not the tree. A step that changes a few cards repaints only
 * their boxes (clipped); a zoom, a pan or a new layout repaints the view, once per animation
 * frame. Never read by the pointer: hit-testing is the grid's (CardGrid.hit).
 */
export class CanvasLayer {
  readonly canvas: HTMLCanvasElement;
  private readonly ctx: CanvasRenderingContext2D | null;
  private readonly painter: CardPainter | null;
  private frame: CanvasFrame | null = null;
  private drawn: CanvasFrame | null = null;
  private view: Transform = { x: 0, y: 0, k: 1 };
  private drawnView: Transform | null = null;
  private size = { width: 800, height: 500 };
  private dpr = 1;
  private raf = 0;
  private full = true;
  private hatch: { key: string; pattern: CanvasPattern | null } | null = null;
  /** How many cards the last paint drew (the bench and tests read it). */
  lastPainted = 0;

  constructor(
    parent: HTMLElement,
    before: Element | null,
    private readonly styles: CanvasStyles,
    /** Told after each paint (the tree is aria-busy until its first). */
    private readonly onPainted: () => void,
  ) {
    this.canvas = document.createElement('canvas');
    this.canvas.className = 'crviz-tree-canvas';
    // The accessible tree beside it says what the canvas shows.
    this.canvas.setAttribute('aria-hidden', 'true');
    parent.insertBefore(this.canvas, before);
    this.ctx = this.canvas.getContext('2d');
    this.painter = this.ctx && new CardPainter(this.ctx);
  }

  setSize(width: number, height: number): void {
    this.size = { width, height };
    this.full = true;
    this.schedule();
  }

  setView(t: Transform): void {
    this.view = { x: t.x, y: t.y, k: t.k };
    this.schedule();
  }

  /** The theme changed: repaint with the new look. */
  restyle(): void {
    this.styles.clear();
    this.hatch = null;
    this.full = true;
    this.schedule();
  }

  update(frame: CanvasFrame): void {
    this.frame = frame;
    this.schedule();
  }

  /** Paints now what is pending (an export or a test would see the canvas as it is). */
  flush(): void {
    if (this.raf) cancelAnimationFrame(this.raf);
    this.paint();
  }

  destroy(): void {
    if (this.raf) cancelAnimationFrame(this.raf);
    this.raf = 0;
    this.canvas.remove();
  }

  /** The view's rectangle in tree units. */
  viewRect(t: Transform = this.view): Rect {
    return {
      x0: -t.x / t.k,
      y0: -t.y / t.k,
      x1: (this.size.width - t.x) / t.k,
      y1: (this.size.height - t.y) / t.k,
    };
  }

  private schedule(): void {
    if (!this.raf) this.raf = requestAnimationFrame(() => this.paint());
  }

  private readonly paint = () => {
    this.raf = 0;
    const ctx = this.ctx;
    const f = this.frame;
    if (!ctx || !this.painter) return;
    const dpr = window.devicePixelRatio || 1;
    const w = Math.max(1, Math.round(this.size.width * dpr));
    const h = Math.max(1, Math.round(this.size.height * dpr));
    if (this.canvas.width !== w || this.canvas.height !== h || dpr !== this.dpr) {
      this.dpr = dpr;
      this.canvas.width = w;
      this.canvas.height = h;
      this.canvas.style.width = `${this.size.width}px`;
      this.canvas.style.height = `${this.size.height}px`;
      this.painter.reset();
      this.full = true;
    }
    const v = this.view;
    const sameView =
      !!this.drawnView &&
      this.drawnView.x === v.x &&
      this.drawnView.y === v.y &&
      this.drawnView.k === v.k;
    const dirty = !this.full && sameView && f && this.drawn ? this.changed(this.drawn, f) : null;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    if (dirty === null) {
      ctx.clearRect(0, 0, w, h);
      if (f) this.draw(f, this.viewRect(), null);
    } else if (dirty.length) {
      // Only the changed cards' boxes: cleared, then everything meeting them drawn again.
      ctx.save();
      const toScreen = (r: Rect) => [
        dpr * (v.x + v.k * r.x0),
        dpr * (v.y + v.k * r.y0),
        dpr * v.k * (r.x1 - r.x0),
        dpr * v.k * (r.y1 - r.y0),
      ];
      ctx.beginPath();
      for (const r of dirty) {
        const [x, y, rw, rh] = toScreen(r);
        ctx.rect(Math.floor(x), Math.floor(y), Math.ceil(rw) + 1, Math.ceil(rh) + 1);
      }
      ctx.clip();
      for (const r of dirty) {
        const [x, y, rw, rh] = toScreen(r);
        ctx.clearRect(Math.floor(x), Math.floor(y), Math.ceil(rw) + 1, Math.ceil(rh) + 1);
      }
      this.draw(f!, this.viewRect(), dirty);
      ctx.restore();
    }
    this.full = false;
    this.drawn = f;
    this.drawnView = { ...v };
    this.onPainted();
  };

  /**
   * The boxes of cards that look different in `next` than in `prev` (same layout geometry and
   * view), or null when the whole view must be repainted.
   */
  private changed(prev: CanvasFrame, next: CanvasFrame): Rect[] | null {
    if (prev.grid !== next.grid || prev.layout.placed.length !== next.layout.placed.length)
      return null;
    const pm = prev.model;
    const nm = next.model;
    if (pm.label !== nm.label || pm.frozen !== nm.frozen || pm.containerId !== nm.containerId)
      return null;
    const out: Rect[] = [];
    const mark = (p: Placed) => {
      const b = cardBox(p);
      out.push({ x0: b.x0 - MARGIN, y0: b.y0 - MARGIN, x1: b.x1 + MARGIN, y1: b.y1 + BELOW });
    };
    const view = this.viewRect();
    const a = prev.layout.placed;
    const b = next.layout.placed;
    for (let i = 0; i < b.length; i++) {
      const pid = b[i].node.pid;
      const toggled = prev.visible?.toggles.get(pid) !== next.visible?.toggles.get(pid);
      const t1 = prev.visible?.toggles.get(pid);
      const t2 = next.visible?.toggles.get(pid);
      const sameToggle = !toggled || (t1?.expanded === t2?.expanded && t1?.hidden === t2?.hidden);
      const looks =
        a[i].node !== b[i].node ||
        !sameToggle ||
        (prev.selected === pid) !== (next.selected === pid) ||
        (prev.focused === pid) !== (next.focused === pid);
      if (!looks) continue;
      const box = cardBox(b[i]);
      if (box.x1 < view.x0 || box.x0 > view.x1 || box.y1 + BELOW < view.y0 || box.y0 > view.y1)
        continue;
      mark(b[i]);
      if (out.length > MAX_DIRTY) return null;
    }
    const c = next.layout.coordinator;
    if (
      c &&
      (pm.coordinator !== nm.coordinator ||
        (prev.focused === 0) !== (next.focused === 0) ||
        (prev.selected === 0) !== (next.selected === 0))
    ) {
      out.push({
        x0: c.x - COORD_W / 2 - MARGIN,
        y0: c.y - NODE_H / 2 - MARGIN,
        x1: c.x + COORD_W / 2 + MARGIN,
        y1: c.y + NODE_H / 2 + MARGIN,
      });
    }
    return out;
  }

  private detail(): Detail {
    const k = this.view.k;
    if (k * NODE_W < DOT_PX) return 'dot';
    return k < FAR_ZOOM ? 'box' : 'full';
  }

  /** Draws the frame's parts meeting `view` (and, when given, the `only` boxes). */
  private draw(f: CanvasFrame, view: Rect, only: Rect[] | null): void {
    const ctx = this.ctx!;
    const painter = this.painter!;
    const { x, y, k } = this.view;
    ctx.setTransform(this.dpr * k, 0, 0, this.dpr * k, this.dpr * x, this.dpr * y);
    const detail = this.detail();
    const { layout, model } = f;
    const styles = this.styles;
    // The container's box and label.
    const box = containerBox(layout, model.label);
    const outer = `container${model.frozen ? ' frozen' : ''}`;
    const boxPath = new Path2D();
    boxPath.roundRect(box.x, box.y, box.width, box.height, 10);
    painter.shape(boxPath, styles.part(`${outer} > container-box`));
    if (detail === 'full')
      painter.text(
        model.label,
        box.label.x,
        box.label.y,
        styles.part(`${outer} > container-label > text`),
      );
    // Links: elbows whose box meets the view.
    const regions = only ?? [view];
    const meets = (x0: number, y0: number, x1: number, y1: number) =>
      regions.some((r) => x1 >= r.x0 && x0 <= r.x1 && y1 >= r.y0 && y0 <= r.y1);
    const links = new Path2D();
    const half = NODE_H / 2;
    for (const l of layout.links) {
      const ya = l.from.y + half;
      const yb = l.to.y - half;
      if (!meets(Math.min(l.from.x, l.to.x), ya, Math.max(l.from.x, l.to.x), yb)) continue;
      const ym = (ya + yb) / 2;
      links.moveTo(l.from.x, ya);
      links.lineTo(l.from.x, ym);
      links.lineTo(l.to.x, ym);
      links.lineTo(l.to.x, yb);
    }
    painter.shape(links, styles.part('link'));
    // The coordinator's pill.
    const c = model.coordinator;
    if (c && layout.coordinator) {
      let cls = `coordinator status-${c.status}${c.runnable ? ' runnable' : ''}`;
      if (f.focused === 0) cls += ' focus-ring';
      const s = styles.card(cls);
      painter.coordinator(
        layout.coordinator.x,
        layout.coordinator.y,
        s,
        coordinatorLines(c),
        detail,
      );
    }
    // The cards in view (or in the boxes being repainted), in layout order.
    const indexes = new Set<number>();
    for (const r of regions) for (const i of f.grid.query(r)) indexes.add(i);
    const order = only ? [...indexes].sort((a, b) => a - b) : [...indexes];
    const hatch = detail === 'full' ? this.hatchPattern(styles.part('hatch-line')) : null;
    for (const i of order) {
      const p = layout.placed[i];
      const n = p.node;
      const t = f.visible?.toggles.get(n.pid) ?? null;
      let cls = cardClass(n, f.selected, !!t && !t.expanded);
      if (f.focused === n.pid) cls += ' focus-ring';
      painter.card(
        p,
        styles.card(cls),
        () => cardTexts(n),
        t && { expanded: t.expanded, more: t.expanded ? '' : hiddenText(t.hidden) },
        detail,
        hatch,
      );
    }
    this.lastPainted = order.length;
  }

  /** The frozen hatch of draw.ts's SVG pattern: 8-unit stripes at 45°. */
  private hatchPattern(s: PartStyle): CanvasPattern | null {
    const key = `${s.stroke}${s.opacity}${s.lineWidth}`;
    if (this.hatch?.key === key) return this.hatch.pattern;
    const tile = document.createElement('canvas');
    tile.width = tile.height = 32;
    const g = tile.getContext('2d');
    let pattern: CanvasPattern | null = null;
    if (g && s.stroke) {
      g.globalAlpha = s.opacity;
      g.strokeStyle = s.stroke;
      g.lineWidth = s.lineWidth * 4;
      g.beginPath();
      g.moveTo(0, 0);
      g.lineTo(0, 32);
      g.stroke();
      pattern = this.ctx!.createPattern(tile, 'repeat');
      pattern?.setTransform(new DOMMatrix().rotate(45).scale(0.25));
    }
    this.hatch = { key, pattern };
    return pattern;
  }
}
