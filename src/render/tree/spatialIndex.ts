import { NODE_H, NODE_W, THREAD_H, THREAD_W, type Placed } from './layout';

/** The toggle's circle on a card's bottom edge (draw.ts: r 8), with a pixel of slack. */
export const TOGGLE_R = 9;
/** Below a card: its toggle and the "+N hidden" marker (draw.ts: 24 units under the edge). */
const BELOW = 30;

export interface Rect {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export type Hit = { pid: number; index: number; part: 'card' | 'toggle' };

/** A card's box in tree units, from its centre. */
export function cardBox(p: Placed): Rect {
  const w = p.node.isThread ? THREAD_W : NODE_W;
  const h = p.node.isThread ? THREAD_H : NODE_H;
  return { x0: p.x - w / 2, y0: p.y - h / 2, x1: p.x + w / 2, y1: p.y + h / 2 };
}

/**
 * A uniform grid over the laid-out cards, built once per layout: which cards a view rectangle
 * shows (what the canvas draws and the accessible tree lists) and which card is under the
 * pointer, in time proportional to the cards found, not the cards laid out. A tidy tree is far
 * wider than deep, so the cell is sized from the tree's area (about four cells a card at most)
 * and never below a few cards, and cards are kept per cell in one typed array (CSR).
 */
export class CardGrid {
  private readonly x0: number;
  private readonly y0: number;
  private readonly cell: number;
  private readonly cols: number;
  private readonly rows: number;
  private readonly start: Int32Array;
  private readonly items: Int32Array;
  /** Stamps for de-duplicating a query's cards (a card may lie in two cells). */
  private readonly seen: Uint32Array;
  private stamp = 0;

  constructor(private readonly placed: readonly Placed[]) {
    const n = placed.length;
    // Each card's box once, in typed arrays: the build makes no object per card (it ran 16-42
    // ms for 36,000 cards half-way through a 100,000-task destroy when it did).
    const box = new Float64Array(n * 4);
    let x0 = Infinity;
    let y0 = Infinity;
    let x1 = -Infinity;
    let y1 = -Infinity;
    for (let i = 0; i < n; i++) {
      const p = placed[i];
      const thread = p.node.isThread;
      const hw = (thread ? THREAD_W : NODE_W) / 2;
      const hh = (thread ? THREAD_H : NODE_H) / 2;
      const bx0 = p.x - hw;
      const by0 = p.y - hh;
      const bx1 = p.x + hw;
      const by1 = p.y + hh + BELOW;
      box[i * 4] = bx0;
      box[i * 4 + 1] = by0;
      box[i * 4 + 2] = bx1;
      box[i * 4 + 3] = by1;
      if (bx0 < x0) x0 = bx0;
      if (by0 < y0) y0 = by0;
      if (bx1 > x1) x1 = bx1;
      if (by1 > y1) y1 = by1;
    }
    if (!n) x0 = y0 = x1 = y1 = 0;
    const area = Math.max(1, (x1 - x0) * (y1 - y0));
    this.cell = Math.max(512, Math.sqrt(area / (4 * Math.max(1, n))));
    this.x0 = x0;
    this.y0 = y0;
    this.cols = Math.max(1, Math.ceil((x1 - x0) / this.cell) + 1);
    this.rows = Math.max(1, Math.ceil((y1 - y0) / this.cell) + 1);
    const cells = this.cols * this.rows;
    const start = new Int32Array(cells + 1);
    // The box becomes its cell span in place: columns c0..c1, rows r0..r1.
    for (let i = 0; i < n * 4; i += 4) {
      const c0 = this.col(box[i]);
      const r0 = this.row(box[i + 1]);
      const c1 = this.col(box[i + 2]);
      const r1 = this.row(box[i + 3]);
      box[i] = c0;
      box[i + 1] = r0;
      box[i + 2] = c1;
      box[i + 3] = r1;
      for (let r = r0; r <= r1; r++) for (let c = c0; c <= c1; c++) start[r * this.cols + c + 1]++;
    }
    for (let i = 0; i < cells; i++) start[i + 1] += start[i];
    const fill = start.slice(0, cells);
    const items = new Int32Array(start[cells]);
    for (let i = 0; i < n; i++) {
      const c0 = box[i * 4];
      const r0 = box[i * 4 + 1];
      const c1 = box[i * 4 + 2];
      const r1 = box[i * 4 + 3];
      for (let r = r0; r <= r1; r++)
        for (let c = c0; c <= c1; c++) items[fill[r * this.cols + c]++] = i;
    }
    this.start = start;
    this.items = items;
    this.seen = new Uint32Array(n);
  }

  private col(x: number): number {
    return Math.min(this.cols - 1, Math.max(0, Math.floor((x - this.x0) / this.cell)));
  }

  private row(y: number): number {
    return Math.min(this.rows - 1, Math.max(0, Math.floor((y - this.y0) / this.cell)));
  }

  /**
   * Indexes (into the layout's `placed`, ascending: the drawing order) of the cards whose box,
   * with what hangs below it, meets `r`.
   */
  query(r: Rect): number[] {
    const out: number[] = [];
    if (!this.placed.length || r.x1 < r.x0 || r.y1 < r.y0) return out;
    const stamp = ++this.stamp;
    const c0 = this.col(r.x0);
    const c1 = this.col(r.x1);
    const r0 = this.row(r.y0);
    const r1 = this.row(r.y1);
    for (let row = r0; row <= r1; row++) {
      for (let c = c0; c <= c1; c++) {
        const cell = row * this.cols + c;
        for (let k = this.start[cell]; k < this.start[cell + 1]; k++) {
          const i = this.items[k];
          if (this.seen[i] === stamp) continue;
          this.seen[i] = stamp;
          const b = cardBox(this.placed[i]);
          if (b.x1 >= r.x0 && b.x0 <= r.x1 && b.y1 + BELOW >= r.y0 && b.y0 <= r.y1) out.push(i);
        }
      }
    }
    return out.sort((a, b) => a - b);
  }

  /**
   * The card (or its collapse toggle, for cards in `toggles`) at tree point (x, y); the one
   * drawn last wins, as the pointer would find it on the SVG.
   */
  hit(x: number, y: number, toggles: { has(pid: number): boolean }): Hit | null {
    const found = this.query({ x0: x - TOGGLE_R, y0: y - TOGGLE_R, x1: x + TOGGLE_R, y1: y });
    for (let k = found.length - 1; k >= 0; k--) {
      const i = found[k];
      const p = this.placed[i];
      const b = cardBox(p);
      if (toggles.has(p.node.pid) && Math.hypot(x - p.x, y - b.y1) <= TOGGLE_R)
        return { pid: p.node.pid, index: i, part: 'toggle' };
    }
    for (let k = found.length - 1; k >= 0; k--) {
      const i = found[k];
      const b = cardBox(this.placed[i]);
      if (x >= b.x0 && x <= b.x1 && y >= b.y0 && y <= b.y1)
        return { pid: this.placed[i].node.pid, index: i, part: 'card' };
    }
    return null;
  }
}
