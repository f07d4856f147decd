import type { Selection } from 'd3';
import { COORD_W, NODE_H, type TreeLayout } from './layout';
import type { TreeModel } from './model';
import { COORDINATOR_PID } from './ids';

const clip = (t: string, n: number) => (t.length > n ? `${t.slice(0, n - 1)}…` : t);

type G = Selection<SVGGElement, unknown, null, undefined>;

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
    const { x0, y0, x1, y1 } = layout.bounds;
    boxAll
      .classed('frozen', !!model?.frozen)
      .select('rect')
      .attr('x', x0 - 20)
      .attr('y', y0 - 40)
      .attr('width', x1 - x0 + 40)
      .attr('height', y1 - y0 + 60)
      .attr('rx', 10);
    boxAll
      .select('text')
      .attr('x', x0 - 10)
      .attr('y', y0 - 20)
      .text(model?.label ?? '');
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
      .text((c) => clip(c.text, 30));
    cAll
      .select('.line3')
      .attr('x', x0 + 6)
      .attr('y', -NODE_H / 2 + 49)
      .text((c) => clip(c.pc, 36));
    cAll.select('title').text((c) => c.name);
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
  bIn.merge(baton).attr('transform', at);
}
