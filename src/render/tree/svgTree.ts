import { select, type Selection } from 'd3';
import { NODE_H, type TreeLayout } from './layout';
import type { TreeModel } from './model';
import { LinkLayer } from './links';
import { NodeLayer } from './nodes';
import { drawOverlay } from './overlay';
import { COORDINATOR_PID } from './ids';
import type { VisibleTree } from './visible';

let instances = 0;

export interface SvgTreeCallbacks {
  onSelect(pid: number): void;
  onActivate(pid: number): void;
  onContextMenu(pid: number, x: number, y: number): void;
  onToggle(pid: number): void;
  /** Cards are still being drawn in slices (nodes.ts): the tree is aria-busy until done. */
  onBusy(busy: boolean): void;
}

export interface SvgFrame {
  layout: TreeLayout | null;
  model: TreeModel | null;
  visible: VisibleTree | null;
  selected: number | null;
  /** Where the still copy of the baton goes (the shown task holding active_pid). */
  batonAt: number | null;
  dur: number;
  /** How many new cards are drawn at once (nodes.ts); the rest in slices. */
  atOnce?: number;
}

/**
 * A small tree's drawing: the SVG with one card per shown task (nodes.ts), the links (links.ts),
 * the container, coordinator and still baton (overlay.ts), and its pointer gestures on the cards.
 * Its `<defs>` also hold the hatch pattern and the canvas's style probes (canvasStyle.ts).
 */
export class SvgTree {
  readonly svg: Selection<SVGSVGElement, unknown, null, undefined>;
  readonly defs: SVGDefsElement;
  /** The group the zoom transform is written on (panZoom.ts). */
  readonly viewport: SVGGElement;
  private readonly overlayLayer: Selection<SVGGElement, unknown, null, undefined>;
  private readonly links: LinkLayer;
  private readonly nodes: NodeLayer;

  constructor(picture: HTMLElement, callbacks: SvgTreeCallbacks) {
    const uid = `crviz-tree-${++instances}-${Math.random().toString(36).slice(2, 8)}`;
    const hatchId = `${uid}-hatch`;
    this.svg = select(picture)
      .append('svg')
      .attr('class', 'crviz-tree')
      .attr('role', 'tree')
      .attr('aria-label', 'Process tree');
    const defs = this.svg.append('defs');
    this.defs = defs.node()!;
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
    const viewport = this.svg.append('g').attr('class', 'viewport');
    this.viewport = viewport.node()!;
    this.overlayLayer = viewport.append('g').attr('class', 'overlay');
    this.links = new LinkLayer(viewport.append('g').attr('class', 'links').node()!);
    this.nodes = new NodeLayer(
      viewport.append('g').attr('class', 'nodes').node()!,
      hatchId,
      callbacks.onBusy,
    );
    this.listen(callbacks);
  }

  get element(): SVGSVGElement {
    return this.svg.node()!;
  }

  /** Zoomed far out (panZoom.ts): texts, hatch, cross and toggles are not drawn. */
  setFar(far: boolean): void {
    this.svg.classed('lod-far', far);
  }

  draw(f: SvgFrame): void {
    this.links.update(f.layout?.links ?? [], NODE_H / 2, f.dur);
    this.nodes.update({
      placed: f.layout?.placed ?? [],
      visible: f.visible,
      selected: f.selected,
      dur: f.dur,
      atOnce: f.atOnce,
    });
    drawOverlay(this.overlayLayer, f.model && { ...f.model, activePid: f.batonAt }, f.layout);
  }

  /** Empties the drawing (the canvas draws the tree). */
  clear(): void {
    this.nodes.update({ placed: [], visible: null, selected: null, dur: 0 });
    this.links.update([], NODE_H / 2, 0);
    drawOverlay(this.overlayLayer, null, null);
  }

  /** The element of a shown item, for the keyboard's focus. */
  itemElement(pid: number): Element | null {
    return pid === COORDINATOR_PID
      ? this.overlayLayer.select<SVGGElement>('g.coordinator').node()
      : this.nodes.element(pid);
  }

  destroy(): void {
    this.nodes.destroy();
  }

  /** Clicks, double clicks and context menus on the cards (and their toggles). */
  private listen(callbacks: SvgTreeCallbacks): void {
    const pidAt = (ev: Event) => {
      const item = (ev.target as Element).closest('[data-pid]');
      return item ? Number(item.getAttribute('data-pid')) : null;
    };
    const onToggle = (ev: Event) => (ev.target as Element).closest('.toggle') !== null;
    this.svg.on('click', (ev: MouseEvent) => {
      const pid = pidAt(ev);
      if (pid === null) return;
      if (onToggle(ev)) callbacks.onToggle(pid);
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
}
