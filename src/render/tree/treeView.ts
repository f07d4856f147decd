import { select, type Selection } from 'd3';
import { rebind, type TreeLayout } from './layout';
import { ForestLayout } from './forestLayout';
import { sameShape, treeShape, type TreeShape } from './treeShape';
import type { TreeModel } from './model';
import { TreeKeyboard, type KeyboardTree } from './keyboard';
import { Baton } from './baton';
import { Minimap } from './minimap';
import { PanZoom } from './panZoom';
import { COORDINATOR_PID } from './ids';
import { CanvasTree } from './canvasTree';
import { SvgTree } from './svgTree';
import { DrawingSwitch } from './drawingSwitch';
import { CANVAS_ABOVE, renderModeFor } from './renderMode';
import { centredOn, fitsAsStrip, fitTransform } from './viewFit';
import { ViewMotion } from './viewMotion';
import { watchSize } from './viewSize';
import { FollowActive } from './follow';
import { forestJob } from './forest';
import { shapeToken } from './model';
import { opensInSlices } from './opensInSlices';
import { NEW_TASK, runNow, runSliced, type Job } from './slicedJob';
import { OpenQueue } from './openQueue';
import {
  reveal,
  setExpanded,
  showMoreRoots,
  visibleTree,
  type CollapseState,
  type HiddenRoots,
  type VisibleTree,
} from './visible';
import './tree.css';

export { COORDINATOR_PID } from './ids';

export interface TreeViewCallbacks {
  /** A task (or the coordinator, COORDINATOR_PID) was clicked or chosen with Enter. */
  onSelect(pid: number): void;
  /** Double click: the "do it" gesture (during a restart: run this participant next). */
  onActivate(pid: number): void;
  /** Right click or the context-menu key on a task, at page coordinates. */
  onContextMenu(pid: number, x: number, y: number): void;
  /** The top-level tasks not drawn changed (none: zeros); Show more is showMoreRoots(). */
  onHiddenRoots?(hidden: HiddenRoots): void;
}

export interface TreeViewOptions {
  selected: number | null;
  reducedMotion: boolean;
  /** Keep the task holding active_pid in the middle of the view as the model changes. */
  follow?: boolean;
  /** The next model is being built (a big tree's, in slices): the tree is busy until it comes. */
  building?: boolean;
}

const NO_HIDDEN_ROOTS: HiddenRoots = { roots: 0, tasks: 0 };

/** How long a follow step glides (a step at 4× comes every 175 ms). */
const FOLLOW_MS = 150;

/**
 * The D3 process-tree view. Created from React on a container element, fed a TreeModel, reports
 * gestures through callbacks; it never reads or writes application state. Which subtrees are
 * collapsed is the view's own state, like its zoom. Its parts: the two drawings (svgTree.ts,
 * canvasTree.ts) and which one is the tree (drawingSwitch.ts), zoom and pan (viewMotion.ts,
 * panZoom.ts), Fit (viewFit.ts), Follow (follow.ts), the size (viewSize.ts), the keyboard,
 * the overview and the baton.
 */
/** The shown part of a model, its shape and its layout. */
interface Prepared {
  shown: VisibleTree;
  shape: TreeShape;
  layout: TreeLayout;
}

export class TreeView {
  /** Takes zoom and pan gestures; holds the drawings and the shield (see PanZoom). */
  private readonly frame: Selection<HTMLDivElement, unknown, null, undefined>;
  private readonly svgTree: SvgTree;
  /** A big tree's drawing (canvas and accessible tree); the SVG draws the small ones. */
  private readonly canvasTree: CanvasTree;
  private readonly drawings: DrawingSwitch;
  private readonly motion: ViewMotion;
  private readonly pan: PanZoom;
  private readonly keyboard: TreeKeyboard;
  private model: TreeModel | null = null;
  private layout: TreeLayout | null = null;
  private shown: VisibleTree | null = null;
  private readonly collapse: CollapseState = { collapsed: new Set(), pinned: new Set() };
  private toldHiddenRoots: HiddenRoots = NO_HIDDEN_ROOTS;
  private lastContainer: number | null = null;
  private lastShape: TreeShape | null = null;
  /** The last layout's pieces, root by root: a step lays out only the roots it changed. */
  private readonly forestLayout = new ForestLayout();
  private lastSelected: number | null = null;
  /** Set once the user zooms or pans by hand; automatic fitting then stops until Fit. */
  private userMoved = false;
  private options: TreeViewOptions = { selected: null, reducedMotion: false };
  /** The frame's size, kept by watchSize (viewSize.ts). */
  private size = { width: 800, height: 500 };
  private readonly stopWatchingSize: () => void;
  private readonly minimap: Minimap;
  private readonly baton: Baton;
  private readonly following = new FollowActive();
  /** The next model is being built (TreeViewOptions.building): the last one drawn is behind. */
  private building = false;
  /**
   * Which models are drawn at once and which are opened in tasks of their own (openJob): a big
   * tree new to the view, a big change, a big tree's new shape; one open at a time, never
   * dropped for a newer model.
   */
  private readonly queue = new OpenQueue<TreeModel>({
    needsOpen: (model, before) => opensInSlices(model, before, this.lastContainer, !!this.layout),
    open: (model) => this.openJob(model),
    prepared: () => this.prepared?.model ?? null,
    draw: (model) => {
      this.model = model;
      this.apply();
    },
    busy: () => this.drawings.setBusy(true),
    run: runSliced,
  });

  /**
   * `maxFitScale`: how far Fit may enlarge a small tree (1.25 in the debugger; presenter mode
   * lets it grow for a projector's large type).
   */
  constructor(
    container: HTMLElement,
    private readonly callbacks: TreeViewCallbacks,
    private readonly maxFitScale = 1.25,
  ) {
    this.frame = select(container).append('div').attr('class', 'crviz-tree-frame');
    const picture = this.frame.append('div').attr('class', 'crviz-tree-picture').node()!;
    const toggleAt = (pid: number) =>
      this.toggle(pid, this.shown?.toggles.get(pid)?.expanded === false);
    this.svgTree = new SvgTree(picture, {
      ...callbacks,
      onToggle: toggleAt,
      onBusy: (busy) => this.setBusy(busy),
    });
    const shield = this.frame.append('div').attr('class', 'crviz-tree-shield').node()!;
    shield.hidden = true;
    this.baton = new Baton(picture);
    this.pan = new PanZoom(
      picture,
      this.svgTree.viewport,
      shield,
      (far) => this.svgTree.setFar(far),
      (t) => {
        this.baton.setView(t);
        this.canvasTree.setView(t);
      },
    );
    this.canvasTree = new CanvasTree(this.frame.node()!, picture, shield, this.svgTree.defs, {
      onSelect: callbacks.onSelect,
      onActivate: callbacks.onActivate,
      onContextMenu: callbacks.onContextMenu,
      onToggle: toggleAt,
      onPainted: () => this.setBusy(false),
    });
    this.drawings = new DrawingSwitch(this.svgTree, this.canvasTree, this.frame.node()!);
    this.motion = new ViewMotion(
      this.frame,
      () => this.size,
      () => this.options.reducedMotion,
      ({ transform: t, byUser, live }) => {
        if (byUser) this.userMoved = true;
        this.pan.set(t, live);
        if (this.canvasTree.shown) this.canvasTree.setLive(t);
        this.minimap.setView({ ...this.size, x: t.x, y: t.y, k: t.k });
      },
      () => this.pan.settle(),
    );
    this.minimap = new Minimap(this.frame.node()!, (x, y) => {
      this.userMoved = true;
      this.centreAt(x, y, false);
    });
    const frameEl = this.frame.node()!;
    this.size = { width: frameEl.clientWidth || 800, height: frameEl.clientHeight || 500 };
    this.canvasTree.setSize(this.size.width, this.size.height);
    this.stopWatchingSize = watchSize(frameEl, this.size, (size, changed) => {
      this.size = size;
      this.canvasTree.setSize(size.width, size.height);
      // A panel opening or closing above the tree (a lesson, a notice) or a resized window or
      // frame: the tree fits its new size unless the user placed the view.
      if (changed && !this.userMoved) this.fit(false);
    });
    // On the frame: the SVG's items and the canvas's accessible items are both inside it.
    this.keyboard = new TreeKeyboard(frameEl, {
      onSelect: callbacks.onSelect,
      onExpand: (pid, expanded) => this.toggle(pid, expanded),
    });
  }

  update(model: TreeModel | null, options: TreeViewOptions): void {
    this.building = !!options.building;
    if (options.building) {
      this.drawings.setBusy(true);
      return;
    }
    this.options = options;
    this.queue.show(model);
  }

  /**
   * A big tree's open in tasks of its own: its forest in slices, then the shown part and its
   * layout, then the canvas's grid; the draw (apply) follows in the next task.
   */
  private *openJob(first: TreeModel): Job {
    // In the job, not in the task that brought the model: stepping the last structure through
    // a destroy step is a few milliseconds, building a new one tens (then in slices of its own).
    yield;
    const forest = forestJob(first.nodes);
    if (forest) {
      yield* forest;
      yield NEW_TASK;
    }
    // The shown part, the layout and the grid are pieces of a few milliseconds each now (the
    // shown part was 30 ms half-way through destroying 100,000 tasks, when all its 36,000
    // top-level tasks were shown): the slices' budget cuts them into tasks, without a task (and
    // maybe a frame) forced between.
    const shown = visibleTree(first.nodes, this.collapse);
    yield;
    // A newer model of the same shape may have come meanwhile: the newest is prepared. One of
    // another shape waits for this open to end (show).
    const newest = this.queue.newest;
    const model = newest && shapeToken(newest.nodes) === shapeToken(first.nodes) ? newest : first;
    const out: { prepared?: Prepared } = {};
    yield* this.layoutJob(model, model === first ? shown : undefined, (p) => (out.prepared = p));
    const prepared = out.prepared;
    if (!prepared) return;
    this.prepared = { model, ...prepared };
    if (prepared.layout.placed.length > CANVAS_ABOVE) {
      yield;
      this.canvasTree.prepare(prepared.layout);
    }
  }

  /** The shown part of `model`, its shape and its layout (the last one re-bound if same shape). */
  private layoutFor(model: TreeModel, shown = visibleTree(model.nodes, this.collapse)): Prepared {
    const out: { prepared?: Prepared } = {};
    runNow(this.layoutJob(model, shown, (p) => (out.prepared = p)));
    return out.prepared!;
  }

  /**
   * layoutFor as a job (a big first layout, up to the card budget's 2,500 roots or more after
   * Show more, is spread over tasks); the same shape keeps the last shape object, so `shape !== lastShape` holds.
   */
  private *layoutJob(
    model: TreeModel,
    shown = visibleTree(model.nodes, this.collapse),
    done: (prepared: Prepared) => void,
  ): Job {
    const shownModel = { ...model, nodes: shown.nodes };
    const shape = treeShape(shownModel);
    if (this.layout && sameShape(shape, this.lastShape)) {
      done({ shown, shape: this.lastShape!, layout: rebind(this.layout, shownModel.nodes) });
      return;
    }
    // The shape read every shown task (36,000 on a jump into a destroy): the runner may end the task here.
    yield;
    yield* this.forestLayout.job(shownModel, (layout) => done({ shown, shape, layout }), shape);
  }

  /** What openJob prepared for `model`, used by the next render of that model. */
  private prepared: ({ model: TreeModel } & Prepared) | null = null;

  /**
   * A drawing's busy state, but never "done" while a newer model is on its way (being built,
   * or opened in slices): the paint of the last model drawn lands a frame after the next
   * step's build began, and saying done then named a step the tree did not show.
   */
  private setBusy(busy: boolean): void {
    this.drawings.setBusy(busy || this.building || this.queue.opening);
  }

  /** Draws the current model with the current options. */
  private apply(): void {
    const { model, options } = this;
    // A task chosen elsewhere (event log, inspector) inside a collapsed subtree is brought out.
    const sel = options.selected;
    if (model && sel !== null && sel !== this.lastSelected && this.shown?.shownAt(sel) !== sel) {
      // What an open prepared does not show the revealed subtree.
      if (reveal(model.nodes, this.collapse, sel)) this.prepared = null;
    }
    this.lastSelected = sel;
    this.render(options.reducedMotion ? 0 : 280);
  }

  /** Opens or closes a subtree, keeping the card the user acted on where it was on screen. */
  toggle(pid: number, expanded: boolean): void {
    if (!this.shown?.toggles.has(pid)) return;
    setExpanded(this.collapse, pid, expanded);
    const before = this.positionOf(pid);
    // The user is steering the view now: no automatic fit, and a running fit stops here.
    this.userMoved = true;
    this.motion.interrupt();
    this.prepared = null;
    this.render(0);
    const after = this.positionOf(pid);
    if (!before || !after) return;
    this.motion.translateBy(before.x - after.x, before.y - after.y);
  }

  private render(dur: number): void {
    const model = this.model;
    const ready = this.prepared?.model === model ? this.prepared : null;
    this.prepared = null;
    const next = ready ?? (model ? this.layoutFor(model) : null);
    this.shown = next?.shown ?? null;
    const shape = next?.shape ?? null;
    const layout = next?.layout ?? null;
    const relaid = layout !== this.layout && shape !== this.lastShape;
    this.layout = layout;
    if (relaid || !layout) {
      this.minimap.setLayout(layout, !!layout && fitsAsStrip(layout, this.size, this.maxFitScale));
    }
    const mode = renderModeFor(this.drawings.mode, layout?.placed.length ?? 0);
    if (mode !== this.drawings.mode) this.drawings.switchTo(mode, this.motion.transform);
    this.drawings.describe(layout?.placed.length ?? 0, model?.nodes.length ?? 0);
    this.tellHiddenRoots(this.shown?.hiddenRoots ?? NO_HIDDEN_ROOTS);
    // The baton of a task inside a collapsed subtree rides on its nearest shown ancestor.
    const active = model?.activePid ?? null;
    const batonAt = active === null ? null : (this.shown?.shownAt(active) ?? null);
    if (this.drawings.mode === 'svg') {
      this.svgTree.draw({
        layout,
        model,
        visible: this.shown,
        selected: this.options.selected,
        batonAt,
        dur,
      });
    } else if (layout && model) {
      if (relaid) this.drawings.setBusy(true);
      this.canvasTree.update({
        layout,
        relaid,
        visible: this.shown,
        model,
        selected: this.options.selected,
        keep: [batonAt],
      });
    }
    this.baton.place(batonAt === null ? null : (this.positionOf(batonAt) ?? null), dur * 1.6);
    const followAt = this.following.next(!!this.options.follow, batonAt, (pid) =>
      this.positionOf(pid),
    );
    if (followAt) this.centreAt(followAt.x, followAt.y, dur > 0);
    this.keyboard.setTree(this.keyboardTree(layout, !!model?.coordinator), this.options.selected);
    if (this.drawings.refocusPending) {
      this.drawings.refocusPending = false;
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

  /** Tells the host when the count of top-level tasks not drawn changes. */
  private tellHiddenRoots(hidden: HiddenRoots): void {
    const told = this.toldHiddenRoots;
    if (told.roots === hidden.roots && told.tasks === hidden.tasks) return;
    this.toldHiddenRoots = hidden;
    this.callbacks.onHiddenRoots?.(hidden);
  }

  /** Draws a budget's worth more of the top-level tasks not drawn (a forest past the budget). */
  showMoreRoots(): void {
    if (!this.shown?.hiddenRoots.roots) return;
    showMoreRoots(this.collapse);
    this.prepared = null;
    this.render(0);
  }

  /** Where a shown task's card is (layout coordinates) in the current layout. */
  private positionOf(pid: number): { x: number; y: number } | undefined {
    const i = this.layout?.indexOf.get(pid);
    if (i === undefined) return undefined;
    const p = this.layout!.placed[i];
    return { x: p.x, y: p.y };
  }

  /** The shown tree as the keyboard reads it: the layout's pre-order, the coordinator first. */
  private keyboardTree(layout: TreeLayout | null, coordinator: boolean): KeyboardTree {
    const first = layout && coordinator ? 1 : 0;
    const placed = layout?.placed ?? [];
    const shown = this.shown;
    return {
      size: first + placed.length,
      at: (i) => (i < first ? COORDINATOR_PID : placed[i - first].node.pid),
      indexOf: (pid) => {
        if (pid === COORDINATOR_PID) return first ? 0 : undefined;
        const i = layout?.indexOf.get(pid);
        return i === undefined ? undefined : i + first;
      },
      parentOf: (pid) => {
        const i = layout?.indexOf.get(pid);
        return i === undefined ? undefined : placed[i].node.parent;
      },
      expanded: (pid) => shown?.toggles.get(pid)?.expanded,
      element: (pid) => this.itemElement(pid),
    };
  }

  /** The element of a shown item in the current drawing, for the keyboard's focus. */
  private itemElement(pid: number): Element | null {
    if (this.drawings.mode === 'canvas') return this.canvasTree.element(pid);
    return this.svgTree.itemElement(pid);
  }

  /**
   * The tree as an SVG for the exports (svgMarkup reads it at once). A canvas-drawn tree gets
   * its SVG cards drawn, all at once, for this call only: they are removed again before the
   * browser next renders (a microtask), so the live view stays a canvas.
   */
  exportSvg(): SVGSVGElement | null {
    const svg = this.svgTree.element;
    if (this.drawings.mode === 'svg' || !this.layout || !this.model) return svg;
    svg.style.display = '';
    const active = this.model.activePid;
    const batonAt = active === null ? null : (this.shown?.shownAt(active) ?? null);
    this.svgTree.draw({
      layout: this.layout,
      model: this.model,
      visible: this.shown,
      selected: this.options.selected,
      batonAt,
      dur: 0,
      atOnce: Infinity,
    });
    queueMicrotask(() => {
      if (this.drawings.mode !== 'canvas') return;
      this.svgTree.clear();
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
    if (reveal(this.model.nodes, this.collapse, pid)) {
      this.prepared = null;
      this.render(0);
    }
    const at = this.positionOf(pid);
    if (!at) return false;
    const [sx, sy] = this.motion.transform.apply([at.x, at.y]);
    const { width, height } = this.size;
    const margin = Math.min(width, height) / 6;
    if (sx < margin || sx > width - margin || sy < margin || sy > height - margin) {
      this.userMoved = true;
      this.motion.interrupt();
      this.motion.translateTo(at.x, at.y);
    }
    return this.keyboard.focusItem(pid);
  }

  /**
   * Zooms so the whole tree (and the coordinator) fits the view, or shows a very wide tree as
   * a strip (viewFit.ts) around the selected task, else the one holding active_pid, else the
   * root.
   */
  fit(animate = true): void {
    this.userMoved = false;
    if (!this.layout) return;
    const t = fitTransform(this.layout, this.size, this.maxFitScale, () => this.focusPosition());
    this.motion.moveTo(t, animate ? 300 : 0);
  }

  private focusPosition(): { x: number; y: number } | null {
    const model = this.model;
    const shownAt = (pid: number | null) =>
      pid === null ? null : (this.shown?.shownAt(pid) ?? null);
    for (const pid of [shownAt(this.options.selected), shownAt(model?.activePid ?? null)]) {
      const at = pid === null ? null : this.positionOf(pid);
      if (at) return at;
    }
    const root = this.layout?.placed[0];
    return root ? { x: root.x, y: root.y } : null;
  }

  /** Pans so that tree point (x, y) is in the middle of the view, at the current zoom. */
  private centreAt(x: number, y: number, animate: boolean): void {
    const t = centredOn(x, y, this.motion.transform.k, this.size);
    this.motion.moveTo(t, animate ? FOLLOW_MS : 0);
  }

  destroy(): void {
    this.queue.stop();
    this.stopWatchingSize();
    this.minimap.destroy();
    this.baton.destroy();
    this.svgTree.destroy();
    this.canvasTree.destroy();
    this.keyboard.destroy();
    this.motion.interrupt();
    this.frame.remove();
  }
}
