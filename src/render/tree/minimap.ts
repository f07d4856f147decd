import type { TreeLayout } from './layout';
import { NODE_H, NODE_W } from './layout';
import { dotPixels } from './minimapDots';
import './minimap.css';

/** The overview's size in CSS pixels: a strip along the bottom of the tree panel. */
const MAX_W = 360;
const MAX_H = 72;
const PAD = 4;

export interface ViewBox {
  /** The zoom transform of the tree view. */
  x: number;
  y: number;
  k: number;
  width: number;
  height: number;
}

/**
 * An overview of the whole laid-out tree: every shown card as a dot, the part the tree view
 * shows as a rectangle; a click or a drag on it moves the view there. Drawn on a canvas: the
 * dots are drawn once per layout into an offscreen canvas (as pixels, minimapDots.ts), and a zoom or pan only copies that
 * and strokes the rectangle. Pointer only: the tree itself is the keyboard's way around.
 */
export class Minimap {
  private readonly canvas: HTMLCanvasElement;
  private readonly dots: HTMLCanvasElement;
  private layout: TreeLayout | null = null;
  private view: ViewBox | null = null;
  /** Tree units per overview pixel, and the tree point at the overview's origin. */
  private scale = 1;
  private origin = { x: 0, y: 0 };
  private raf = 0;

  constructor(
    parent: HTMLElement,
    /** Asked to centre the view on tree point (x, y). */
    private readonly onJump: (x: number, y: number) => void,
  ) {
    this.canvas = document.createElement('canvas');
    this.canvas.className = 'crviz-minimap';
    this.canvas.setAttribute('role', 'img');
    this.canvas.setAttribute('aria-label', 'Tree overview');
    this.canvas.title = 'Tree overview: click or drag to move the view';
    this.canvas.hidden = true;
    this.dots = document.createElement('canvas');
    parent.appendChild(this.canvas);
    let dragging = false;
    const jump = (ev: PointerEvent) => {
      const r = this.canvas.getBoundingClientRect();
      this.onJump(
        this.origin.x + (ev.clientX - r.left - PAD) * this.scale,
        this.origin.y + (ev.clientY - r.top - PAD) * this.scale,
      );
    };
    this.canvas.addEventListener('pointerdown', (ev) => {
      ev.stopPropagation();
      dragging = true;
      this.canvas.setPointerCapture?.(ev.pointerId);
      jump(ev);
    });
    this.canvas.addEventListener('pointermove', (ev) => {
      if (dragging) jump(ev);
    });
    const stop = () => {
      dragging = false;
    };
    this.canvas.addEventListener('pointerup', stop);
    this.canvas.addEventListener('pointercancel', stop);
    // The tree's zoom must not take the overview's wheel and clicks as its own.
    for (const type of ['wheel', 'mousedown', 'dblclick', 'touchstart'])
      this.canvas.addEventListener(type, (ev) => ev.stopPropagation());
  }

  /** A new layout: shown when the tree does not fit the view at a readable zoom. */
  setLayout(layout: TreeLayout | null, needed: boolean): void {
    this.layout = layout;
    this.canvas.hidden = !layout || !needed;
    if (this.canvas.hidden || !layout) return;
    const { x0, y0, x1, y1 } = layout.bounds;
    const w = x1 - x0 + NODE_W;
    const h = y1 - y0 + NODE_H;
    this.scale = Math.max(w / (MAX_W - 2 * PAD), h / (MAX_H - 2 * PAD));
    this.origin = { x: x0 - NODE_W / 2, y: y0 - NODE_H / 2 };
    const cw = Math.ceil(w / this.scale) + 2 * PAD;
    const ch = Math.ceil(h / this.scale) + 2 * PAD;
    for (const c of [this.canvas, this.dots]) {
      c.width = cw;
      c.height = ch;
    }
    const ctx = this.dots.getContext('2d');
    if (!ctx) return;
    const frame = { scale: this.scale, origin: this.origin, pad: PAD, width: cw, height: ch };
    ctx.putImageData(new ImageData(dotPixels(layout.placed, frame), cw, ch), 0, 0);
    this.schedule();
  }

  /** The view moved or was resized. */
  setView(view: ViewBox): void {
    this.view = view;
    if (!this.canvas.hidden) this.schedule();
  }

  /** Where the view's rectangle is drawn, in overview pixels (tests and the e2e read it). */
  viewRect(): { x: number; y: number; w: number; h: number } | null {
    const v = this.view;
    if (!v || !this.layout) return null;
    return {
      x: PAD + (-v.x / v.k - this.origin.x) / this.scale,
      y: PAD + (-v.y / v.k - this.origin.y) / this.scale,
      w: v.width / v.k / this.scale,
      h: v.height / v.k / this.scale,
    };
  }

  destroy(): void {
    if (this.raf) cancelAnimationFrame(this.raf);
    this.canvas.remove();
  }

  private schedule(): void {
    if (!this.raf) this.raf = requestAnimationFrame(this.draw);
  }

  private readonly draw = () => {
    this.raf = 0;
    const ctx = this.canvas.getContext('2d');
    if (!ctx) return;
    ctx.clearRect(0, 0, this.canvas.width, this.canvas.height);
    ctx.drawImage(this.dots, 0, 0);
    const r = this.viewRect();
    if (!r) return;
    ctx.strokeStyle = '#fdd663';
    ctx.lineWidth = 2;
    ctx.strokeRect(r.x, r.y, Math.max(2, r.w), Math.max(2, r.h));
  };
}
