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
    let x0 = Infinity;
    let y0 = Infinity;
    let x1 = -Infinity;
    let y1 = -Infinity;
    for (const p of placed) {
      const b = cardBox(p);
      x0 = Math.min(x0, b.x0);
      y0 = Math.min(y0, b.y0);
      x1 = Math.max(x1, b.x1);
      y1 = Math.max(y1, b.y1 + BELOW);
    }
    if (!placed.length) x0 = y0 = x1 = y1 = 0;
    const n = Math.max(1, placed.length);
    const area = Math.max(1, (x1 - x0) * (y1 - y0));
    this.cell = Math.max(512, Math.sqrt(area / (4 * n)));
    this.x0 = x0;
    this.y0 = y0;
    this.cols = Math.max(1, Math.ceil((x1 - x0) / this.cell) + 1);
    this.rows = Math.max(1, Math.ceil((y1 - y0) / this.cell) + 1);
    const cells = this.cols * this.rows;
    const start = new Int32Array(cells + 1);
    const spans: Int32Array = new Int32Array(placed.length * 4);
    placed.forEach((p, i) => {
      const b = cardBox(p);
      const c0 = this.col(b.x0);
      const c1 = this.col(b.x1);
      const r0 = this.row(b.y0);
      const r1 = this.row(b.y1 + BELOW);
      spans.set([c0, c1, r0, r1], i * 4);
      for (let r = r0; r <= r1; r++) for (let c = c0; c <= c1; c++) start[r * this.cols + c + 1]++;
    });
    for (let i = 0; i < cells; i++) start[i + 1] += start[i];
    const fill = start.slice(0, cells);
    const items = new Int32Array(start[cells]);
    for (let i = 0; i < placed.length; i++) {
      const [c0, c1, r0, r1] = spans.subarray(i * 4, i * 4 + 4);
      for (let r = r0; r <= r1; r++)
        for (let c = c0; c <= c1; c++) items[fill[r * this.cols + c]++] = i;
    }
    this.start = start;
    this.items = items;
    this.seen = new Uint32Array(placed.length);
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
