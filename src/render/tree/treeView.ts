import { select, zoom, zoomIdentity, type Selection, type ZoomBehavior } from 'd3';
import { enterCard, updateCard, cardClass } from './draw';
import { COORD_W, layoutTree, NODE_H, type Placed, type TreeLayout } from './layout';
import type { TreeModel } from './model';
import { TreeKeyboard } from './keyboard';
import { drawOverlay } from './overlay';
import { COORDINATOR_PID } from './ids';
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
}

let instances = 0;

/**
 * The D3 process-tree view. Created from React on a container element, fed a TreeModel, reports
 * gestures through callbacks; it never reads or writes application state.
 */
export class TreeView {
  private readonly svg: Selection<SVGSVGElement, unknown, null, undefined>;
  private readonly viewport: Selection<SVGGElement, unknown, null, undefined>;
  private readonly linkLayer: Selection<SVGGElement, unknown, null, undefined>;
  private readonly nodeLayer: Selection<SVGGElement, unknown, null, undefined>;
  private readonly overlayLayer: Selection<SVGGElement, unknown, null, undefined>;
  private readonly zoomBehavior: ZoomBehavior<SVGSVGElement, unknown>;
  private readonly keyboard: TreeKeyboard;
  private readonly hatchId: string;
  private layout: TreeLayout | null = null;
  private readonly drawn = new WeakMap<Element, string>();
  private lastContainer: number | null = null;
  private lastShape = '';
  /** Set once the user zooms or pans by hand; automatic fitting then stops until Fit. */
  private userMoved = false;
  private options: TreeViewOptions = { selected: null, reducedMotion: false };

  constructor(container: HTMLElement, callbacks: TreeViewCallbacks) {
    const uid = `crviz-tree-${++instances}-${Math.random().toString(36).slice(2, 8)}`;
    this.hatchId = `${uid}-hatch`;
    this.svg = select(container)
      .append('svg')
      .attr('class', 'crviz-tree')
      .attr('role', 'tree')
      .attr('aria-label', 'Process tree');
    const pattern = this.svg
      .append('defs')
      .append('pattern')
      .attr('id', this.hatchId)
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
    this.linkLayer = this.viewport.append('g').attr('class', 'links');
    this.nodeLayer = this.viewport.append('g').attr('class', 'nodes');
    this.zoomBehavior = zoom<SVGSVGElement, unknown>()
      .scaleExtent([0.01, 3])
      .filter((ev: Event) => !(ev.type === 'dblclick'))
      .on('zoom', (ev: { transform: { toString(): string }; sourceEvent: unknown }) => {
        if (ev.sourceEvent) this.userMoved = true;
        this.viewport.attr('transform', ev.transform.toString());
      });
    this.svg.call(this.zoomBehavior);
    this.keyboard = new TreeKeyboard(this.svg.node()!, callbacks.onSelect);
    const pidAt = (ev: Event) => {
      const item = (ev.target as Element).closest('[data-pid]');
      return item ? Number(item.getAttribute('data-pid')) : null;
    };
    this.svg.on('click', (ev: MouseEvent) => {
      const pid = pidAt(ev);
      if (pid !== null) callbacks.onSelect(pid);
    });
    this.svg.on('dblclick', (ev: MouseEvent) => {
      const pid = pidAt(ev);
      if (pid !== null) callbacks.onActivate(pid);
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
    this.options = options;
    const layout = model ? layoutTree(model) : null;
    this.layout = layout;
    const dur = options.reducedMotion ? 0 : 280;
    this.drawLinks(layout, dur);
    this.drawNodes(layout, dur);
    drawOverlay(this.overlayLayer, model, layout, dur);
    this.keyboard.setOrder(
      layout ? [...(model?.coordinator ? [COORDINATOR_PID] : []), ...layout.order] : [],
      layout ? new Map(layout.placed.map((p) => [p.node.pid, p.node.parent])) : new Map(),
      options.selected,
    );
    // Fit on a new container, and when the tree's shape changes unless the user moved the view.
    const shape = layout ? layout.order.join(',') + (layout.coordinator ? '+c' : '') : '';
    if (model && model.containerId !== this.lastContainer) {
      this.lastContainer = model.containerId;
      this.fit(false);
    } else if (shape !== this.lastShape && !this.userMoved) {
      this.fit(true);
    }
    this.lastShape = shape;
  }

  /** Zooms so the whole tree (and the coordinator) fits the view. */
  fit(animate = true): void {
    this.userMoved = false;
    const el = this.svg.node();
    if (!el || !this.layout) return;
    const { x0, y0, x1, y1 } = this.layout.bounds;
    const cx0 = this.layout.coordinator ? this.layout.coordinator.x - COORD_W / 2 - 10 : x0;
    const left = Math.min(x0, cx0) - 40;
    const top = y0 - 60;
    const w = x1 + 40 - left;
    const h = y1 + 40 - top;
    const width = el.clientWidth || 800;
    const height = el.clientHeight || 500;
    const k = Math.min(1.25, Math.max(0.01, Math.min(width / w, height / h)));
    const t = zoomIdentity.translate(
      width / 2 - k * (left + w / 2),
      height / 2 - k * (top + h / 2),
    );
    const transform = t.scale(k);
    if (animate && !this.options.reducedMotion) {
      this.svg.transition().duration(300).call(this.zoomBehavior.transform, transform);
    } else {
      this.svg.call(this.zoomBehavior.transform, transform);
    }
  }

  destroy(): void {
    this.keyboard.destroy();
    this.svg.interrupt();
    this.svg.remove();
  }

  private drawLinks(layout: TreeLayout | null, dur: number): void {
    const links = layout?.links ?? [];
    const path = (l: { from: Placed; to: Placed }) => {
      const ya = l.from.y + NODE_H / 2;
      const yb = l.to.y - NODE_H / 2;
      const ym = (ya + yb) / 2;
      return `M${l.from.x},${ya}V${ym}H${l.to.x}V${yb}`;
    };
    const sel = this.linkLayer
      .selectAll<SVGPathElement, { from: Placed; to: Placed }>('path.link')
      .data(links, (l) => `${l.from.node.pid}-${l.to.node.pid}`);
    sel.exit().remove();
    const entered = sel.enter().append('path').attr('class', 'link').attr('d', path);
    if (dur > 0) sel.transition().duration(dur).attr('d', path);
    else sel.attr('d', path);
    entered.attr('opacity', dur > 0 ? 0 : 1);
    if (dur > 0) entered.transition().duration(dur).attr('opacity', 1);
  }

  private drawNodes(layout: TreeLayout | null, dur: number): void {
    const placed = layout?.placed ?? [];
    const sel = this.nodeLayer
      .selectAll<SVGGElement, Placed>('g.task')
      .data(placed, (p) => String(p.node.pid));
    const exit = sel.exit<Placed>();
    if (dur > 0) exit.transition().duration(dur).attr('opacity', 0).remove();
    else exit.remove();
    const entered = sel
      .enter()
      .append('g')
      .attr('role', 'treeitem')
      .attr('transform', (p) => `translate(${p.x},${p.y})`)
      .attr('opacity', dur > 0 ? 0 : 1);
    entered.call(enterCard);
    const all = entered.merge(sel);
    all
      .attr('class', (p) => cardClass(p, this.options.selected))
      .attr('data-pid', (p) => p.node.pid)
      .attr('aria-label', (p) => p.node.name)
      .attr('aria-level', (p) => p.depth + 1)
      .attr('aria-selected', (p) => String(this.options.selected === p.node.pid));
    all.call(updateCard, this.hatchId, this.drawn);
    if (dur > 0) {
      all
        .transition()
        .duration(dur)
        .attr('opacity', 1)
        .attr('transform', (p) => `translate(${p.x},${p.y})`);
    } else {
      all
        .interrupt()
        .attr('opacity', 1)
        .attr('transform', (p) => `translate(${p.x},${p.y})`);
    }
  }
}
