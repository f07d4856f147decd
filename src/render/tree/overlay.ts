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
 * Draws what is not a task card: the container boundary with its label, the restart coordinator
 * outside it ("waiting k of n", completion or error), and the active_pid baton.
 */
export function drawOverlay(
  layer: G,
  model: TreeModel | null,
  layout: TreeLayout | null,
  dur: number,
): void {
  const box = layer
    .selectAll<SVGGElement, TreeModel>('g.container')
    .data(model && layout ? [model] : []);
  box.exit().remove();
  const boxIn = box.enter().append('g').attr('class', 'container');
  boxIn.append('rect').attr('class', 'container-box');
  boxIn.append('text').attr('class', 'container-label');
  const boxAll = boxIn.merge(box);
  if (layout) {
    const { x0, y0, x1, y1 } = layout.bounds;
    const label = model?.label ?? '';
    // An empty or narrow container's box is widened to hold its label whole.
    const labelW = textWidth(label, LABEL_PX, LABEL_SPACING) + 20;
    boxAll
      .classed('frozen', !!model?.frozen)
      .select('rect')
      .attr('x', x0 - 20)
      .attr('y', y0 - 40)
      .attr('width', Math.max(x1 - x0 + 40, labelW))
      .attr('height', y1 - y0 + 60)
      .attr('rx', 10);
    const text = boxAll
      .select('text')
      .attr('x', x0 - 10)
      .attr('y', y0 - 20);
    text.select('tspan').text(label);
    text.select('title').text(label);
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
    cAll
      .attr('class', (c) => `coordinator status-${c.status}${c.runnable ? ' runnable' : ''}`)
      .attr('data-pid', COORDINATOR_PID)
      .attr('aria-label', (c) => c.name)
      .attr('transform', `translate(${x},${y})`);
    cAll
      .select('rect')
      .attr('x', -COORD_W / 2)
      .attr('y', -NODE_H / 2)
      .attr('width', COORD_W)
      .attr('height', NODE_H)
      .attr('rx', NODE_H / 2);
    cAll
      .select('.line1')
      .attr('x', x0 + 6)
      .attr('y', -NODE_H / 2 + 17)
      .text('⟳ restart (coordinator)');
    cAll
      .select('.line2')
      .attr('x', x0 + 6)
      .attr('y', -NODE_H / 2 + 33)
      .text((c) => fitKeepingLast(c.text, COORD_FITS.line2));
    cAll
      .select('.line3')
      .attr('x', x0 + 6)
      .attr('y', -NODE_H / 2 + 49)
      .text((c) => fitKeepingLast(c.pc, COORD_FITS.line3));
    cAll.select('title').text((c) => c.name);
  }

  const active = model?.activePid ?? null;
  const target = layout?.placed.find((p) => p.node.pid === active);
  const baton = layer.selectAll<SVGGElement, number>('g.baton').data(target ? [active!] : []);
  if (dur > 0) baton.exit().transition().duration(dur).attr('opacity', 0).remove();
  else baton.exit().remove();
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
  bIn.attr('transform', at);
  if (dur > 0)
    baton
      .transition()
      .duration(dur * 1.6)
      .attr('transform', at);
  else baton.attr('transform', at);
}
