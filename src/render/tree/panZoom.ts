/** Below this zoom card texts are unreadable: they are hidden, which keeps painting cheap. */
export const FAR_ZOOM = 0.45;

/** After this long without a zoom or pan event the gesture is over. */
const SETTLE_MS = 150;

export interface Transform {
  x: number;
  y: number;
  k: number;
}

/**
 * The CSS transform that takes the tree drawn at `base` to where `t` puts it: zoom transforms
 * are a uniform scale and a translation, so the difference is one too.
 */
export function deltaTransform(base: Transform, t: Transform): Transform {
  const k = t.k / base.k;
  return { x: t.x - k * base.x, y: t.y - k * base.y, k };
}

/**
 * Applies zoom and pan to the tree, cheaply while a gesture runs.
 *
 * Changing the SVG's own transform makes the browser lay out, repaint and hit-test every card,
 * tens of milliseconds per wheel event in a big tree. So during a gesture the painted tree is
 * moved as a picture instead: the SVG element (a compositor layer) gets a CSS transform from
 * the transform it was drawn at to the current one, at most once per frame, and a shield over
 * it takes the pointer so that the browser does not hit-test the cards on every move. When the
 * gesture settles the real transform goes into the SVG once (a sharp redraw) and the CSS one
 * is dropped in the same frame. The level of detail also changes only then: switching it
 * restyles every card.
 */
export class PanZoom {
  /** The transform the SVG is drawn at. */
  private base: Transform = { x: 0, y: 0, k: 1 };
  private target: Transform = { x: 0, y: 0, k: 1 };
  private raf = 0;
  private settleTimer: ReturnType<typeof setTimeout> | null = null;
  private far: boolean | null = null;

  constructor(
    /** The SVG's parent, a compositor layer: its CSS transform moves the painted tree. */
    private readonly picture: HTMLElement,
    private readonly viewport: SVGGElement,
    private readonly shield: HTMLElement,
    /** Told when the shown zoom crosses FAR_ZOOM (the level of detail changes). */
    private readonly onFar: (far: boolean) => void,
    /** Told the transform the SVG is drawn at, each time it is drawn (the baton follows it). */
    private readonly onDrawn: (t: Transform) => void = () => {},
  ) {}

  /** `live`: part of a gesture or an animation (moved as a picture until it settles). */
  set(t: Transform, live: boolean): void {
    this.target = { x: t.x, y: t.y, k: t.k };
    if (!live) {
      this.draw();
      return;
    }
    if (!this.raf) this.raf = requestAnimationFrame(this.move);
    if (this.settleTimer === null) this.shield.hidden = false;
    else clearTimeout(this.settleTimer);
    this.settleTimer = setTimeout(this.draw, SETTLE_MS);
  }

  /** Ends a running gesture now (e.g. when an animation ends). */
  settle(): void {
    if (this.settleTimer !== null) this.draw();
  }

  destroy(): void {
    if (this.raf) cancelAnimationFrame(this.raf);
    if (this.settleTimer !== null) clearTimeout(this.settleTimer);
    this.raf = 0;
    this.settleTimer = null;
  }

  private readonly move = () => {
    this.raf = 0;
    const d = deltaTransform(this.base, this.target);
    this.picture.style.transform = `translate(${d.x}px,${d.y}px) scale(${d.k})`;
  };

  /** Draws the SVG at the target transform and drops the picture transform. */
  private readonly draw = () => {
    if (this.raf) cancelAnimationFrame(this.raf);
    if (this.settleTimer !== null) clearTimeout(this.settleTimer);
    this.raf = 0;
    this.settleTimer = null;
    const t = (this.base = this.target);
    this.viewport.setAttribute('transform', `translate(${t.x},${t.y}) scale(${t.k})`);
    this.picture.style.transform = '';
    this.shield.hidden = true;
    this.onDrawn(t);
    const far = t.k < FAR_ZOOM;
    if (far !== this.far) {
      this.far = far;
      this.onFar(far);
    }
  };
}
