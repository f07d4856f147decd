import type { TreeLayout } from './layout';
import type { TreeModel } from './model';
import { AccessibleTree } from './accessibleTree';
import { CanvasLayer } from './canvasLayer';
import { CanvasStyles } from './canvasStyle';
import { FontWarmup } from './fontWarmup';
import type { Transform } from './panZoom';
import { CardGrid } from './spatialIndex';
import type { VisibleTree } from './visible';

export interface CanvasTreeCallbacks {
  onSelect(pid: number): void;
  onActivate(pid: number): void;
  onContextMenu(pid: number, x: number, y: number): void;
  onToggle(pid: number): void;
  /** The canvas painted (the first paint after a new layout ends aria-busy). */
  onPainted(): void;
}

export interface CanvasTreeFrame {
  layout: TreeLayout;
  /** The layout's positions changed since the last frame (a new grid is built). */
  relaid: boolean;
  visible: VisibleTree | null;
  model: TreeModel;
  selected: number | null;
  /** Items the accessible tree keeps whatever the view (the baton's). */
  keep: (number | null)[];
}

/**
 * A big tree's drawing: the canvas (canvasLayer.ts), the accessible tree over it
 * (accessibleTree.ts), the grid both read (spatialIndex.ts), and the pointer: a click, double
 * click or context menu on the tree is hit-tested on the grid at the pointer's tree point.
 */
export class CanvasTree {
  private readonly layer: CanvasLayer;
  private readonly styles: CanvasStyles;
  readonly a11y: AccessibleTree;
  private grid: CardGrid | null = null;
  private frame: CanvasTreeFrame | null = null;
  private live: Transform = { x: 0, y: 0, k: 1 };
  private focused: number | null = null;
  private active = false;
  private readonly theme: MutationObserver | null;
  private readonly listeners: [string, (ev: Event) => void][];

  constructor(
    private readonly host: HTMLElement,
    private readonly picture: HTMLElement,
    /** Over the tree during a gesture (panZoom.ts); the grid hit-tests under it all the same. */
    private readonly shield: HTMLElement,
    defs: SVGElement,
    private readonly callbacks: CanvasTreeCallbacks,
  ) {
    this.styles = new CanvasStyles(defs);
    this.layer = new CanvasLayer(host, picture, this.styles, () => callbacks.onPainted());
    this.a11y = new AccessibleTree(picture);
    // The page's first canvas text costs up to 40 ms: paid while the page is idle, not in the
    // first big tree's open (prepare warms what is left).
    this.idleWarm =
      typeof requestIdleCallback === 'undefined'
        ? 0
        : requestIdleCallback(() => this.fonts.warm(this.styles), { timeout: 3000 });
    this.show(false);
    // A theme is a data attribute (or class) on <html>: the canvas reads its look again.
    this.theme =
      typeof MutationObserver === 'undefined'
        ? null
        : new MutationObserver(() => {
            this.fonts.clear();
            if (this.active) this.layer.restyle();
          });
    this.theme?.observe(document.documentElement, {
      attributes: true,
      attributeFilter: ['data-theme', 'class', 'style'],
    });
    const onFocus = () => this.refocus();
    this.listeners = [
      ['click', (ev) => this.pointer(ev as MouseEvent, 'click')],
      ['dblclick', (ev) => this.pointer(ev as MouseEvent, 'dblclick')],
      ['contextmenu', (ev) => this.pointer(ev as MouseEvent, 'contextmenu')],
      ['focusin', onFocus],
      ['focusout', onFocus],
    ];
    for (const [type, fn] of this.listeners) host.addEventListener(type, fn);
  }

  get shown(): boolean {
    return this.active;
  }

  show(on: boolean): void {
    this.active = on;
    this.layer.canvas.hidden = !on;
    this.a11y.root.hidden = !on;
    if (!on) {
      this.frame = null;
      this.grid = null;
      this.a11y.clear();
    }
  }

  setSize(width: number, height: number): void {
    this.layer.setSize(width, height);
    this.a11y.setSize(width, height);
  }

  /** Every zoom event: the canvas repaints at this transform on the next frame. */
  setLive(t: Transform): void {
    this.live = { x: t.x, y: t.y, k: t.k };
    this.layer.setView(t);
  }

  /** The view settled at `t`: the accessible items are placed (and chosen) again. */
  setView(t: Transform): void {
    this.a11y.setView(t);
  }

  /** A grid built ahead for `layout` (a big tree's open builds it in a task of its own). */
  private preparedGrid: { layout: TreeLayout; grid: CardGrid } | null = null;
  /** The paint's fonts drawn once ahead, in the prepare task (fontWarmup.ts). */
  private readonly fonts = new FontWarmup();
  private readonly idleWarm: number;

  /** Builds the grid of a layout about to be drawn, so that its update does less. */
  prepare(layout: TreeLayout): void {
    this.preparedGrid = { layout, grid: new CardGrid(layout.placed) };
    this.fonts.warm(this.styles);
  }

  update(f: CanvasTreeFrame): void {
    const ready = this.preparedGrid?.layout === f.layout ? this.preparedGrid.grid : null;
    this.preparedGrid = null;
    if (f.relaid || !this.grid) this.grid = ready ?? new CardGrid(f.layout.placed);
    this.frame = f;
    this.paint();
    this.a11y.update({ ...f, grid: this.grid });
  }

  element(pid: number): HTMLElement | null {
    return this.active ? this.a11y.element(pid) : null;
  }

  /** Paints pending changes now. */
  flush(): void {
    this.layer.flush();
  }

  destroy(): void {
    if (this.idleWarm) cancelIdleCallback(this.idleWarm);
    for (const [type, fn] of this.listeners) this.host.removeEventListener(type, fn);
    this.theme?.disconnect();
    this.layer.destroy();
    this.a11y.root.remove();
  }

  private paint(): void {
    const f = this.frame;
    if (!f || !this.grid) return;
    this.layer.update({
      layout: f.layout,
      grid: this.grid,
      visible: f.visible,
      model: f.model,
      selected: f.selected,
      focused: this.focused,
    });
  }

  /** The keyboard focus moved: the canvas draws the focus ring where :focus-visible is. */
  private refocus(): void {
    if (!this.active) return;
    const el = document.activeElement;
    const inTree = el instanceof HTMLElement && this.a11y.root.contains(el);
    const pid = inTree && el.matches(':focus-visible') ? Number(el.dataset.pid) : null;
    if (pid === this.focused) return;
    this.focused = pid;
    this.paint();
  }

  private pointer(ev: MouseEvent, type: 'click' | 'dblclick' | 'contextmenu'): void {
    const target = ev.target as Node | null;
    // Only the tree's own picture (or the gesture's shield over it), not the overview.
    const ours = !!target && (this.picture.contains(target) || target === this.shield);
    if (!this.active || !this.grid || !this.frame || !ours) return;
    let pid: number | null = null;
    let part: 'card' | 'toggle' = 'card';
    const item = target instanceof Element ? target.closest<HTMLElement>('[data-pid]') : null;
    if (type === 'contextmenu' && ev.clientX === 0 && ev.clientY === 0) {
      // The context-menu key: the focused item, the menu at its card.
      if (!item) return;
      pid = Number(item.dataset.pid);
    } else {
      const r = this.host.getBoundingClientRect();
      const { x, y, k } = this.live;
      const tx = (ev.clientX - r.left - x) / k;
      const ty = (ev.clientY - r.top - y) / k;
      const toggles = this.frame.visible?.toggles ?? new Map();
      const hit = this.grid.hit(tx, ty, toggles);
      if (hit) {
        pid = hit.pid;
        part = hit.part;
      } else if (item && item.dataset.pid === '0') {
        // The coordinator's pill is not a card of the grid.
        pid = 0;
      }
    }
    if (pid === null) return;
    if (type === 'contextmenu') {
      ev.preventDefault();
      if (ev.clientX === 0 && ev.clientY === 0 && item) {
        const r = item.getBoundingClientRect();
        this.callbacks.onContextMenu(pid, r.left + r.width / 2, r.bottom);
      } else this.callbacks.onContextMenu(pid, ev.clientX, ev.clientY);
    } else if (part === 'toggle') {
      if (type === 'click') this.callbacks.onToggle(pid);
    } else if (type === 'click') this.callbacks.onSelect(pid);
    else this.callbacks.onActivate(pid);
  }
}
