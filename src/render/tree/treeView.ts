import {
  select,
  zoom,
  zoomIdentity,
  zoomTransform,
  type Selection,
  type ZoomBehavior,
  type ZoomTransform,
} from 'd3';
import { COORD_W, layoutTree, NODE_H, rebind, shapeKey, type TreeLayout } from './layout';
import type { TreeModel } from './model';
import { TreeKeyboard } from './keyboard';
import { LinkLayer } from './links';
import { NodeLayer } from './nodes';
import { drawOverlay } from './overlay';
import { Baton } from './baton';
import { Minimap } from './minimap';
import { FAR_ZOOM, PanZoom } from './panZoom';
import { COORDINATOR_PID } from './ids';
import { CanvasTree } from './canvasTree';
import { renderModeFor, type RenderMode } from './renderMode';
import { reveal, setExpanded, visibleTree, type CollapseState, type VisibleTree } from './visible';
import './tree.css';

export { COORDINATOR_PID } from './ids';

export interface TreeViewCallbacks {
  /** A task (or the coordinator, COORDINATOR_PID) was clicked or chosen with Enter. */
  onSelect(pid: number): void;
  /** Double click: the "do it" gesture (during a restart: run this participant next). */
  onActivate(pid: number): void;
  /** Right click or the context-menu key on a task, at page coordinates. */
  onContextMenu(pid: number, x: number, y: number): void;
}

export interface TreeViewOptions {
  selected: number | null;
  reducedMotion: boolean;
  /** Keep the task holding active_pid in the middle of the view as the model changes. */
  follow?: boolean;
}

/**
 * Fit shows the whole tree unless that leaves cards smaller than this (a fifth of their size):
 * a 2,000-task tree is tens of thousands of pixels wide and a few levels deep, and fitting all
 * of it drew a strip a pixel high. Such a tree is shown at its full height around the task in
 * focus, at the zoom at which cards keep their text (FAR_ZOOM) or more, and the overview
 * (minimap.ts) shows the rest.
 */
const STRIP_ZOOM = 0.2;
/** How long a follow step glides (a step at 4× comes every 175 ms). */
const FOLLOW_MS = 150;

let instances = 0;
const thousands = new Intl.NumberFormat('en');

/**
 * The D3 process-tree view. Created from React on a container element, fed a TreeModel, reports
 * gestures through callbacks; it never reads or writes application state. Which subtrees are
 * collapsed is the view's own state, like its zoom.
 */
export class TreeView {
  /** Takes zoom and pan gestures; holds the SVG and the shield (see PanZoom). */
  private readonly frame: Selection<HTMLDivElement, unknown, null, undefined>;
  private readonly svg: Selection<SVGSVGElement, unknown, null, undefined>;
  /** A big tree's drawing (canvas and accessible tree); the SVG draws the small ones. */
  private readonly canvasTree: CanvasTree;
  private mode: RenderMode = 'svg';
  /** Where each shown task's card is (layout coordinates), from the current layout. */
  private positions = new Map<number, { x: number; y: number }>();
  private readonly viewport: Selection<SVGGElement, unknown, null, undefined>;
  private readonly overlayLayer: Selection<SVGGElement, unknown, null, undefined>;
  private readonly links: LinkLayer;
  private readonly nodes: NodeLayer;
  private readonly zoomBehavior: ZoomBehavior<HTMLDivElement, unknown>;
  private readonly pan: PanZoom;
  /** A fit animation is running: its zoom events are moved as a picture, like a gesture. */
  private fitting = false;
  private readonly keyboard: TreeKeyboard;
  private model: TreeModel | null = null;
  private layout: TreeLayout | null = null;
  private shown: VisibleTree | null = null;
  private readonly collapse: CollapseState = { collapsed: new Set(), pinned: new Set() };
  private lastContainer: number | null = null;
  private lastShape = '';
  private lastSelected: number | null = null;
  /** Set once the user zooms or pans by hand; automatic fitting then stops until Fit. */
  private userMoved = false;
  private options: TreeViewOptions = { selected: null, reducedMotion: false };
  /**
   * The SVG's size, kept by a ResizeObserver: reading clientWidth right after drawing thousands
   * of cards would force a synchronous layout of all of them.
   */
  private size = { width: 800, height: 500 };
  private readonly resize: ResizeObserver | null;
  private readonly minimap: Minimap;
  private readonly baton: Baton;
  /** The pid the view last centred on while following active_pid. */
  private followed: number | null = null;

  /**
   * `maxFitScale`: how far Fit may enlarge a small tree (1.25 in the debugger; presenter mode
   * lets it grow for a projector's large type).
   */
  constructor(
    container: HTMLElement,
    callbacks: TreeViewCallbacks,
    private readonly maxFitScale = 1.25,
  ) {
    const uid = `crviz-tree-${++instances}-${Math.random().toString(36).slice(2, 8)}`;
    const hatchId = `${uid}-hatch`;
    this.frame = select(container).append('div').attr('class', 'crviz-tree-frame');
    const picture = this.frame.append('div').attr('class', 'crviz-tree-picture');
    this.svg = picture
      .append('svg')
      .attr('class', 'crviz-tree')
      .attr('role', 'tree')
      .attr('aria-label', 'Process tree');
    const defs = this.svg.append('defs');
    const pattern = defs
      .append('pattern')
      .attr('id', hatchId)
      .attr('patternUnits', 'userSpaceOnUse')
      .attr('width', 8)
      .attr('height', 8)
      .attr('patternTransform', 'rotate(45)');
    pattern
      .append('line')
      .attr('class', 'hatch-line')
      .attr('x1', 0)
      .attr('y1', 0)
      .attr('x2', 0)
      .attr('y2', 8);
    this.viewport = this.svg.append('g').attr('class', 'viewport');
    this.overlayLayer = this.viewport.append('g').attr('class', 'overlay');
    this.links = new LinkLayer(this.viewport.append('g').attr('class', 'links').node()!);
    this.nodes = new NodeLayer(
      this.viewport.append('g').attr('class', 'nodes').node()!,
      hatchId,
      (busy) => this.setBusy(busy),
    );
    const shield = this.frame.append('div').attr('class', 'crviz-tree-shield').node()!;
    shield.hidden = true;
    this.baton = new Baton(picture.node()!);
    this.pan = new PanZoom(
      picture.node()!,
      this.viewport.node()!,
      shield,
      (far) => this.svg.classed('lod-far', far),
      (t) => {
        this.baton.setView(t);
        this.canvasTree.setView(t);
      },
    );
    this.canvasTree = new CanvasTree(this.frame.node()!, picture.node()!, shield, defs.node()!, {
      onSelect: callbacks.onSelect,
      onActivate: callbacks.onActivate,
      onContextMenu: callbacks.onContextMenu,
      onToggle: (pid) => this.toggle(pid, this.shown?.toggles.get(pid)?.expanded === false),
      onPainted: () => this.setBusy(false),
    });
    this.zoomBehavior = zoom<HTMLDivElement, unknown>()
      .scaleExtent([0.01, 3])
      // The cached size, not d3's default (clientWidth): see `size`.
      .extent(() => [
        [0, 0],
        [this.size.width, this.size.height],
      ])
      .filter((ev: Event) => !(ev.type === 'dblclick'))
      .on('zoom', (ev: { transform: ZoomTransform; sourceEvent: unknown }) => {
        if (ev.sourceEvent) this.userMoved = true;
        this.pan.set(ev.transform, !!ev.sourceEvent || this.fitting);
        if (this.canvasTree.shown) this.canvasTree.setLive(ev.transform);
        this.minimap.setView({
          ...this.size,
          x: ev.transform.x,
          y: ev.transform.y,
          k: ev.transform.k,
        });
      });
    this.minimap = new Minimap(this.frame.node()!, (x, y) => {
      this.userMoved = true;
      this.centreAt(x, y, false);
    });
    this.frame.call(this.zoomBehavior);
    const frameEl = this.frame.node()!;
    this.size = { width: frameEl.clientWidth || 800, height: frameEl.clientHeight || 500 };
    this.canvasTree.setSize(this.size.width, this.size.height);
    this.resize =
      typeof ResizeObserver === 'undefined'
        ? null
        : new ResizeObserver((entries) => {
            const r = entries[entries.length - 1]?.contentRect;
            if (!r || r.width <= 0 || r.height <= 0) return;
            const changed = r.width !== this.size.width || r.height !== this.size.height;
            this.size = { width: r.width, height: r.height };
            this.canvasTree.setSize(r.width, r.height);
            // A panel opening or closing above the tree (a lesson, a notice) or a resized
            // window or frame: the tree fits its new size unless the user placed the view.
            if (changed && !this.userMoved) this.fit(false);
          });
    this.resize?.observe(frameEl);
    // On the frame: the SVG's items and the canvas's accessible items are both inside it.
    this.keyboard = new TreeKeyboard(frameEl, {
      onSelect: callbacks.onSelect,
      onExpand: (pid, expanded) => this.toggle(pid, expanded),
    });
    const pidAt = (ev: Event) => {
      const item = (ev.target as Element).closest('[data-pid]');
      return item ? Number(item.getAttribute('data-pid')) : null;
    };
    const onToggle = (ev: Event) => (ev.target as Element).closest('.toggle') !== null;
    this.svg.on('click', (ev: MouseEvent) => {
      const pid = pidAt(ev);
      if (pid === null) return;
      if (onToggle(ev)) this.toggle(pid, this.shown?.toggles.get(pid)?.expanded === false);
      else callbacks.onSelect(pid);
    });
    this.svg.on('dblclick', (ev: MouseEvent) => {
      const pid = pidAt(ev);
      if (pid !== null && !onToggle(ev)) callbacks.onActivate(pid);
    });
    this.svg.on('contextmenu', (ev: MouseEvent) => {
      const pid = pidAt(ev);
      if (pid === null) return;
      ev.preventDefault();
      if (ev.clientX === 0 && ev.clientY === 0) {
        // Opened from the keyboard: place the menu at the item.
        const r = (ev.target as Element).getBoundingClientRect();
        callbacks.onContextMenu(pid, r.left + r.width / 2, r.bottom);
      } else {
        callbacks.onContextMenu(pid, ev.clientX, ev.clientY);
      }
    });
  }

  update(model: TreeModel | null, options: TreeViewOptions): void {
    this.model = model;
    this.options = options;
    // A task chosen elsewhere (event log, inspector) inside a collapsed subtree is brought out.
    const sel = options.selected;
    if (model && sel !== null && sel !== this.lastSelected && this.shown?.shownAt(sel) !== sel) {
      reveal(model.nodes, this.collapse, sel);
    }
    this.lastSelected = sel;
    this.render(options.reducedMotion ? 0 : 280);
  }

  /** Opens or closes a subtree, keeping the card the user acted on where it was on screen. */
  toggle(pid: number, expanded: boolean): void {
    if (!this.shown?.toggles.has(pid)) return;
    setExpanded(this.collapse, pid, expanded);
    const before = this.positions.get(pid);
    // The user is steering the view now: no automatic fit, and a running fit stops here.
    this.userMoved = true;
    this.frame.interrupt();
    this.render(0);
    const after = this.positions.get(pid);
    const el = this.frame.node();
    if (!before || !after || !el) return;
    const t = zoomTransform(el);
    this.frame.call(
      this.zoomBehavior.transform,
      t.translate(before.x - after.x, before.y - after.y),
    );
  }

  /** aria-busy of the tree's role="tree" element, written only when it changes. */
  private setBusy(busy: boolean): void {
    const el = this.treeElement();
    if (el.getAttribute('aria-busy') !== String(busy)) el.setAttribute('aria-busy', String(busy));
  }

  /** The element with role="tree": the SVG, or the canvas's accessible tree. */
  private treeElement(): Element {
    return this.mode === 'svg' ? this.svg.node()! : this.canvasTree.a11y.root;
  }

  /** Moves the tree's role, name and focus from one drawing to the other. */
  private switchMode(mode: RenderMode): void {
    const old = this.treeElement();
    const hadFocus = old.contains(document.activeElement);
    old.removeAttribute('role');
    old.removeAttribute('aria-label');
    old.removeAttribute('aria-busy');
    this.mode = mode;
    const svg = this.svg.node()!;
    if (mode === 'canvas') {
      this.clearSvg();
      svg.style.display = 'none';
      this.canvasTree.show(true);
      const t = zoomTransform(this.frame.node()!);
      this.canvasTree.setLive(t);
      this.canvasTree.setView(t);
    } else {
      this.canvasTree.show(false);
      svg.style.display = '';
    }
    const now = this.treeElement();
    now.setAttribute('role', 'tree');
    now.setAttribute('aria-label', 'Process tree');
    old.removeAttribute('aria-description');
    this.described = '';
    this.refocusPending = hadFocus;
  }

  private refocusPending = false;
  private described = '';

  /**
   * Says how much of the tree is shown ("2,500 of 50,000 tasks shown"): a canvas tree has only
   * the items in view in the DOM, and a big tree is collapsed to a budget.
   */
  private describe(shown: number, all: number): void {
    const text = `${thousands.format(shown)} of ${thousands.format(all)} tasks shown`;
    if (text === this.described) return;
    this.described = text;
    this.treeElement().setAttribute('aria-description', text);
  }

  /** Empties the SVG drawing (the canvas draws the tree). */
  private clearSvg(): void {
    this.nodes.update({ placed: [], visible: null, selected: null, dur: 0 });
    this.links.update([], NODE_H / 2, 0);
    drawOverlay(this.overlayLayer, null, null);
  }

  private render(dur: number): void {
    const model = this.model;
    this.shown = model ? visibleTree(model.nodes, this.collapse) : null;
    const shownModel = model && this.shown ? { ...model, nodes: this.shown.nodes } : null;
    const shape = shownModel ? shapeKey(shownModel) : '';
    const layout = !shownModel
      ? null
      : shape === this.lastShape && this.layout
        ? rebind(this.layout, shownModel.nodes)
        : layoutTree(shownModel);
    const relaid = layout !== this.layout && shape !== this.lastShape;
    this.layout = layout;
    if (relaid || !layout) {
      this.minimap.setLayout(layout, !!layout && this.fitZoom(layout) < STRIP_ZOOM);
      this.positions = new Map(layout?.placed.map((p) => [p.node.pid, { x: p.x, y: p.y }]) ?? []);
    }
    const mode = renderModeFor(this.mode, layout?.placed.length ?? 0);
    if (mode !== this.mode) this.switchMode(mode);
    this.describe(layout?.placed.length ?? 0, model?.nodes.length ?? 0);
    // The baton of a task inside a collapsed subtree rides on its nearest shown ancestor.
    const active = model?.activePid ?? null;
    const batonAt = active === null ? null : (this.shown?.shownAt(active) ?? null);
    if (this.mode === 'svg') {
      this.drawSvg(layout, model, batonAt, dur);
    } else if (layout && model) {
      if (relaid) this.setBusy(true);
      this.canvasTree.update({
        layout,
        relaid,
        visible: this.shown,
        model,
        selected: this.options.selected,
        keep: [batonAt],
      });
    }
    this.baton.place(batonAt === null ? null : (this.positions.get(batonAt) ?? null), dur * 1.6);
    this.follow(batonAt, dur);
    const order = layout ? [...(model?.coordinator ? [COORDINATOR_PID] : []), ...layout.order] : [];
    const expanded = new Map<number, boolean>();
    for (const [pid, t] of this.shown?.toggles ?? []) expanded.set(pid, t.expanded);
    this.keyboard.setTree(
      {
        order,
        parents: new Map(layout?.placed.map((p) => [p.node.pid, p.node.parent]) ?? []),
        expanded,
        element: (pid) => this.itemElement(pid),
      },
      this.options.selected,
    );
    if (this.refocusPending) {
      this.refocusPending = false;
      this.keyboard.refocus();
    }
    // Fit on a new container, and when the tree's shape changes unless the user moved the view.
    if (model && model.containerId !== this.lastContainer) {
      this.lastContainer = model.containerId;
      this.fit(false);
    } else if (shape !== this.lastShape && !this.userMoved) {
      this.fit(dur > 0);
    }
    this.lastShape = shape;
  }

  /** The element of a shown item in the current drawing, for the keyboard's focus. */
  private itemElement(pid: number): Element | null {
    if (this.mode === 'canvas') return this.canvasTree.element(pid);
    return pid === COORDINATOR_PID
      ? this.overlayLayer.select<SVGGElement>('g.coordinator').node()
      : this.nodes.element(pid);
  }

  private drawSvg(
    layout: TreeLayout | null,
    model: TreeModel | null,
    batonAt: number | null,
    dur: number,
    atOnce?: number,
  ): void {
    this.links.update(layout?.links ?? [], NODE_H / 2, dur);
    this.nodes.update({
      placed: layout?.placed ?? [],
      visible: this.shown,
      selected: this.options.selected,
      dur,
      atOnce,
    });
    drawOverlay(this.overlayLayer, model && { ...model, activePid: batonAt }, layout);
  }

  /**
   * The tree as an SVG for the exports (svgMarkup reads it at once). A canvas-drawn tree gets
   * its SVG cards drawn, all at once, for this call only: they are removed again before the
   * browser next renders (a microtask), so the live view stays a canvas.
   */
  exportSvg(): SVGSVGElement | null {
    const svg = this.svg.node();
    if (!svg || this.mode === 'svg' || !this.layout || !this.model) return svg;
    svg.style.display = '';
    const active = this.model.activePid;
    const batonAt = active === null ? null : (this.shown?.shownAt(active) ?? null);
    this.drawSvg(this.layout, this.model, batonAt, 0, Infinity);
    queueMicrotask(() => {
      if (this.mode !== 'canvas') return;
      this.clearSvg();
      svg.style.display = 'none';
    });
    return svg;
  }

  /**
   * Shows task `pid`: its collapsed ancestors open, the view pans to its card when the card is
   * not well inside the view (the zoom stays), and the focus moves to it. False when the task
   * is not in the tree.
   */
  revealTask(pid: number): boolean {
    if (!this.model?.nodes.some((n) => n.pid === pid)) return false;
    if (reveal(this.model.nodes, this.collapse, pid)) this.render(0);
    const at = this.positions.get(pid);
    const el = this.frame.node();
    if (!at || !el) return false;
    const t = zoomTransform(el);
    const [sx, sy] = t.apply([at.x, at.y]);
    const { width, height } = this.size;
    const margin = Math.min(width, height) / 6;
    if (sx < margin || sx > width - margin || sy < margin || sy > height - margin) {
      this.userMoved = true;
      this.frame.interrupt();
      this.frame.call(this.zoomBehavior.translateTo, at.x, at.y);
    }
    return this.keyboard.focusItem(pid);
  }

  /** The box Fit shows: the tree and the coordinator, with a margin. */
  private fitBox(layout: TreeLayout) {
    const { x0, y0, x1, y1 } = layout.bounds;
    const cx0 = layout.coordinator ? layout.coordinator.x - COORD_W / 2 - 10 : x0;
    const left = Math.min(x0, cx0) - 40;
    const top = y0 - 60;
    return { left, top, w: x1 + 40 - left, h: y1 + 40 - top };
  }

  /** The zoom at which all of `layout` fits the view. */
  private fitZoom(layout: TreeLayout): number {
    const { w, h } = this.fitBox(layout);
    return Math.min(
      this.maxFitScale,
      Math.max(0.01, Math.min(this.size.width / w, this.size.height / h)),
    );
  }

  /**
   * Zooms so the whole tree (and the coordinator) fits the view; a tree too wide for that at
   * STRIP_ZOOM is shown at its full height (at FAR_ZOOM or more), centred on the selected task,
   * else the one holding active_pid, else the root.
   */
  fit(animate = true): void {
    this.userMoved = false;
    if (!this.layout) return;
    const { left, top, w, h } = this.fitBox(this.layout);
    const { width, height } = this.size;
    let k = this.fitZoom(this.layout);
    let cx = left + w / 2;
    let cy = top + h / 2;
    if (k < STRIP_ZOOM) {
      k = Math.min(this.maxFitScale, Math.max(FAR_ZOOM, height / h));
      const focus = this.focusPosition();
      if (focus) cx = focus.x;
      cy = top + height / k / 2;
    }
    this.moveTo(
      zoomIdentity.translate(width / 2 - k * cx, height / 2 - k * cy).scale(k),
      animate ? 300 : 0,
    );
  }

  private focusPosition(): { x: number; y: number } | null {
    const model = this.model;
    const shownAt = (pid: number | null) =>
      pid === null ? null : (this.shown?.shownAt(pid) ?? null);
    for (const pid of [shownAt(this.options.selected), shownAt(model?.activePid ?? null)]) {
      const at = pid === null ? null : this.positions.get(pid);
      if (at) return at;
    }
    const root = this.layout?.placed[0];
    return root ? { x: root.x, y: root.y } : null;
  }

  /** Keeps the pan (not the zoom) on the baton's card while following is on. */
  private follow(batonAt: number | null, dur: number): void {
    if (!this.options.follow || batonAt === null) {
      if (!this.options.follow) this.followed = null;
      return;
    }
    if (batonAt === this.followed) return;
    const at = this.positions.get(batonAt);
    if (!at) return;
    this.followed = batonAt;
    this.centreAt(at.x, at.y, dur > 0);
  }

  /** Pans so that tree point (x, y) is in the middle of the view, at the current zoom. */
  private centreAt(x: number, y: number, animate: boolean): void {
    const el = this.frame.node();
    if (!el) return;
    const { k } = zoomTransform(el);
    const { width, height } = this.size;
    this.moveTo(
      zoomIdentity.translate(width / 2 - k * x, height / 2 - k * y).scale(k),
      animate ? FOLLOW_MS : 0,
    );
  }

  /** Moves the view to `transform`, gliding for `ms` (moved as a picture, like a gesture). */
  private moveTo(transform: ZoomTransform, ms: number): void {
    this.frame.interrupt();
    if (ms > 0 && !this.options.reducedMotion) {
      this.fitting = true;
      const done = () => {
        this.fitting = false;
        this.pan.settle();
      };
      this.frame
        .transition()
        .duration(ms)
        .call(this.zoomBehavior.transform, transform)
        .on('end', done)
        .on('interrupt', done);
    } else {
      this.frame.call(this.zoomBehavior.transform, transform);
    }
  }

  destroy(): void {
    this.resize?.disconnect();
    this.minimap.destroy();
    this.baton.destroy();
    this.nodes.destroy();
    this.canvasTree.destroy();
    this.keyboard.destroy();
    this.frame.interrupt();
    this.frame.remove();
  }
}
