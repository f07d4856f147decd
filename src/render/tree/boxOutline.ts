import type { Rect } from './spatialIndex';

/**
 * A piece of a rounded rectangle's outline: a straight part of an edge or a quarter-circle
 * corner, with `along`, the distance along the whole outline where it starts (clockwise from
 * the top edge's start, as both SVG's rect and canvas roundRect walk it), so a dashed piece
 * stroked on its own with lineDashOffset = along has the dashes the whole outline would have.
 */
export type OutlinePiece =
  | { kind: 'line'; x0: number; y0: number; x1: number; y1: number; along: number }
  | { kind: 'arc'; cx: number; cy: number; r: number; from: number; along: number };

export interface RoundBox {
  x: number;
  y: number;
  width: number;
  height: number;
  r: number;
}

/** The part of [a, b] (either order) inside [lo, hi], as [start, end] in the a→b direction. */
function clip(a: number, b: number, lo: number, hi: number): [number, number] | null {
  const s = Math.max(Math.min(a, b), lo);
  const e = Math.min(Math.max(a, b), hi);
  if (s > e) return null;
  return a <= b ? [s, e] : [e, s];
}

/**
 * The pieces of `box`'s outline that meet `view` (tree units). A big tree's container box is
 * hundreds of thousands of units around: stroking it whole with a dash pattern made the canvas
 * rasterise every dash of it, in view or not (tens of milliseconds a frame, in Chromium's
 * compositor commit, at 50,000 tasks); its pieces in view cost what is on screen.
 */
export function outlineInView(box: RoundBox, view: Rect): OutlinePiece[] {
  const { x, y, width: w, height: h } = box;
  const r = Math.max(0, Math.min(box.r, w / 2, h / 2));
  const arcLen = (Math.PI / 2) * r;
  const out: OutlinePiece[] = [];
  let along = 0;
  const line = (x0: number, y0: number, x1: number, y1: number) => {
    const len = Math.abs(x1 - x0) + Math.abs(y1 - y0);
    if (y0 === y1) {
      const c = y0 >= view.y0 && y0 <= view.y1 ? clip(x0, x1, view.x0, view.x1) : null;
      if (c)
        out.push({ kind: 'line', x0: c[0], y0, x1: c[1], y1, along: along + Math.abs(c[0] - x0) });
    } else {
      const c = x0 >= view.x0 && x0 <= view.x1 ? clip(y0, y1, view.y0, view.y1) : null;
      if (c)
        out.push({ kind: 'line', x0, y0: c[0], x1, y1: c[1], along: along + Math.abs(c[0] - y0) });
    }
    along += len;
  };
  const arc = (cx: number, cy: number, from: number) => {
    const meets = cx + r >= view.x0 && cx - r <= view.x1 && cy + r >= view.y0 && cy - r <= view.y1;
    if (r > 0 && meets) out.push({ kind: 'arc', cx, cy, r, from, along });
    along += arcLen;
  };
  line(x + r, y, x + w - r, y);
  arc(x + w - r, y + r, -Math.PI / 2);
  line(x + w, y + r, x + w, y + h - r);
  arc(x + w - r, y + h - r, 0);
  line(x + w - r, y + h, x + r, y + h);
  arc(x + r, y + h - r, Math.PI / 2);
  line(x, y + h - r, x, y + r);
  arc(x + r, y + r, Math.PI);
  return out;
}
