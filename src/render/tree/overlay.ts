import type { Selection } from 'd3';
import { COORD_W, NODE_H, type TreeLayout } from './layout';
import type { TreeModel } from './model';
import { COORDINATOR_PID } from './ids';
import { charsThatFit, fitKeepingLast, textWidth } from './fit';

/** The coordinator pill's lines: its width less the margins, in the card fonts (tree.css). */
const COORD_FITS = {
  line2: charsThatFit(COORD_W - 32, 12),
  line3: charsThatFit(COORD_W - 32, 10.5),
};
/** The container label's font: 11 px with 0.04em letter spacing (tree.css). */
const LABEL_PX = 11;
const LABEL_SPACING = 0.04;

type G = Selection<SVGGElement, unknown, null, undefined>;

/**
 * Writes attributes (and the text, `_text`) only where they differ: the overlay is drawn on
 * every step, and even an unchanged value written into the SVG made Chromium lay out the cards
 * again (in a 2,000-task tree with card texts shown, most of a step's time).
 */
function put(el: Element | null, values: Record<string, string | number>): void {
  if (!el) return;
  for (const [name, v] of Object.entries(values)) {
    const value = String(v);
    if (name === '_text') {
      if (el.textContent !== value) el.textContent = value;
    } else if (el.getAttribute(name) !== value) el.setAttribute(name, value);
  }
}

/** The coordinator pill's three lines, cut to its width. */
export function coordinatorLines(
  c: NonNullable<TreeModel['coordinator']>,
): [string, string, string] {
  return [
    '⟳ restart (coordinator)',
    fitKeepingLast(c.text, COORD_FITS.line2),
    fitKeepingLast(c.pc, COORD_FITS.line3),
  ];
}

/** The container's dashed box around the laid-out tree, widened to hold its label whole. */
export function containerBox(layout: TreeLayout, label: string) {
  const { x0, y0, x1, y1 } = layout.bounds;
  const labelW = textWidth(label, LABEL_PX, LABEL_SPACING) + 20;
  return {
    x: x0 - 20,
    y: y0 - 40,
    width: Math.max(x1 - x0 + 40, labelW),
    height: y1 - y0 + 60,
    label: { x: x0 - 10, y: y0 - 20 },
  };
}

/**
 * Draws what is not a task card: the container boundary with its label, the restart coordinator
 * outside it ("waiting k of n", completion or error), and a still copy of the active_pid baton.
 */
export function drawOverlay(layer: G, model: TreeModel | null, layout: TreeLayout | null): void {
  const box = layer
    .selectAll<SVGGElement, TreeModel>('g.container')
    .data(model && layout ? [model] : []);
  box.exit().remove();
  const boxIn = box.enter().append('g').attr('class', 'container');
  boxIn.append('rect').attr('class', 'container-box');
  boxIn.append('text').attr('class', 'container-label');
  const boxAll = boxIn.merge(box);
  if (layout) {
    const label = model?.label ?? '';
    const cb = containerBox(layout, label);
    const g = boxAll.node();
    if (g && g.classList.contains('frozen') !== !!model?.frozen)
      g.classList.toggle('frozen', !!model?.frozen);
    put(g?.querySelector('rect') ?? null, {
      x: cb.x,
      y: cb.y,
      width: cb.width,
      height: cb.height,
      rx: 10,
    });
    put(g?.querySelector('text') ?? null, { x: cb.label.x, y: cb.label.y, _text: label });
  }

  const coord = layer
    .selectAll<SVGGElement, NonNullable<TreeModel['coordinator']>>('g.coordinator')
    .data(model?.coordinator && layout?.coordinator ? [model.coordinator] : []);
  coord.exit().remove();
  const cIn = coord
    .enter()
    .append('g')
    .attr('role', 'treeitem')
    .attr('aria-level', 1)
    .attr('tabindex', -1);
  cIn.append('rect').attr('class', 'card');
  cIn.append('text').attr('class', 'line1');
  cIn.append('text').attr('class', 'line2');
  cIn.append('text').attr('class', 'line3');
  cIn.append('title');
  const cAll = cIn.merge(coord);
  if (layout?.coordinator) {
    const { x, y } = layout.coordinator;
    const x0 = -COORD_W / 2 + 10;
    const g = cAll.node();
    const c = cAll.datum();
    put(g, {
      class: `coordinator status-${c.status}${c.runnable ? ' runnable' : ''}`,
      'data-pid': COORDINATOR_PID,
      'aria-label': c.name,
      transform: `translate(${x},${y})`,
    });
    const part = (sel: string) => g?.querySelector(sel) ?? null;
    put(part('rect'), {
      x: -COORD_W / 2,
      y: -NODE_H / 2,
      width: COORD_W,
      height: NODE_H,
      rx: NODE_H / 2,
    });
    const lines = coordinatorLines(c);
    put(part('.line1'), { x: x0 + 6, y: -NODE_H / 2 + 17, _text: lines[0] });
    put(part('.line2'), { x: x0 + 6, y: -NODE_H / 2 + 33, _text: lines[1] });
    put(part('.line3'), { x: x0 + 6, y: -NODE_H / 2 + 49, _text: lines[2] });
    put(part('title'), { _text: c.name });
  }

  const active = model?.activePid ?? null;
  const target = layout?.placed.find((p) => p.node.pid === active);
  const baton = layer.selectAll<SVGGElement, number>('g.baton').data(target ? [active!] : []);
  // A still copy for the exports: the live view's baton is baton.ts, on its own layer.
  baton.exit().remove();
  if (!target) return;
  const at = `translate(${target.x},${target.y - NODE_H / 2 - 14})`;
  const bIn = baton.enter().append('g').attr('class', 'baton').attr('aria-hidden', 'true');
  bIn
    .append('rect')
    .attr('x', -44)
    .attr('y', -11)
    .attr('width', 88)
    .attr('height', 20)
    .attr('rx', 10);
  bIn.append('text').attr('text-anchor', 'middle').attr('y', 4).text('◆ active_pid');
  put(bIn.merge(baton).node(), { transform: at });
}
