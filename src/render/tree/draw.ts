import { select, type Selection } from 'd3';
import type { Placed } from './layout';
import { NODE_H, NODE_W, THREAD_H, THREAD_W } from './layout';
import { cardPath, kindGlyph } from './shapes';

/** Builds and updates the inside of one task card (an SVG <g role="treeitem">). */

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

export function enterCard(g: Selection<SVGGElement, Placed, SVGGElement, unknown>): void {
  g.append('path').attr('class', 'card');
  g.append('rect').attr('class', 'hatch');
  g.append('line').attr('class', 'cross cross-a');
  g.append('line').attr('class', 'cross cross-b');
  g.append('text').attr('class', 'line1');
  g.append('text').attr('class', 'line2');
  g.append('text').attr('class', 'line3');
  g.append('text').attr('class', 'badge');
  g.append('title');
}

/**
 * Draws each card's content. `drawn` remembers what a card last showed (owned by the view), so
 * unchanged cards are not touched again: stepping a big tree only redraws what changed.
 */
export function updateCard(
  g: Selection<SVGGElement, Placed, SVGGElement, unknown>,
  hatchId: string,
  drawn: WeakMap<Element, string>,
): void {
  g.each(function (p) {
    const n = p.node;
    const sig = `${n.name}|${n.kind}|${n.status}|${n.pc ?? ''}|${n.sleeping}`;
    if (drawn.get(this) === sig) return;
    drawn.set(this, sig);
    const sel = select<SVGGElement, Placed>(this);
    const w = n.isThread ? THREAD_W : NODE_W;
    const h = n.isThread ? THREAD_H : NODE_H;
    const x0 = -w / 2 + 10;
    sel.select('title').text(n.name);
    sel.select<SVGPathElement>('path.card').attr('d', cardPath(n.kind, w, h));
    sel
      .select('rect.hatch')
      .attr('x', -w / 2)
      .attr('y', -h / 2)
      .attr('width', w)
      .attr('height', h)
      .attr('fill', `url(#${hatchId})`)
      .attr('display', n.frozen ? null : 'none');
    const crossed = n.kind === 'dead' ? null : 'none';
    sel
      .select('line.cross-a')
      .attr('x1', -w / 2 + 6)
      .attr('y1', -h / 2 + 6)
      .attr('x2', w / 2 - 6)
      .attr('y2', h / 2 - 6)
      .attr('display', crossed);
    sel
      .select('line.cross-b')
      .attr('x1', -w / 2 + 6)
      .attr('y1', h / 2 - 6)
      .attr('x2', w / 2 - 6)
      .attr('y2', -h / 2 + 6)
      .attr('display', crossed);
    if (n.isThread) {
      sel
        .select('text.line1')
        .attr('x', 0)
        .attr('y', 4)
        .attr('text-anchor', 'middle')
        .text(`${kindGlyph(n.kind)} ${n.pid}`);
      sel.select('text.line2').text('');
      sel.select('text.line3').text('');
      sel
        .select('text.badge')
        .text(n.frozen ? '❄' : '')
        .attr('x', w / 2 - 4)
        .attr('y', -h / 2 + 10);
      return;
    }
    sel
      .select('text.line1')
      .attr('x', x0)
      .attr('y', -h / 2 + 17)
      .attr('text-anchor', 'start')
      .text(`${kindGlyph(n.kind)} ${n.pid}  ${truncate(n.comm, 15)}`);
    sel
      .select('text.line2')
      .attr('x', x0)
      .attr('y', -h / 2 + 33)
      .text(truncate(n.status + (n.frozen ? ' · frozen' : ''), 26));
    sel
      .select('text.line3')
      .attr('x', x0)
      .attr('y', -h / 2 + 49)
      .text(n.pc ? truncate(n.pc, 25) : n.task.tgid !== n.pid ? `thread of ${n.task.tgid}` : '');
    sel
      .select('text.badge')
      .attr('x', w / 2 - 8)
      .attr('y', -h / 2 + 16)
      .attr('text-anchor', 'end')
      .text(n.frozen ? '❄' : n.sleeping ? 'zz' : '');
  });
}

/** Class list of a card: every state as a class, for styling on top of shape and text. */
export function cardClass(p: Placed, selected: number | null): string {
  const n = p.node;
  return [
    'task',
    `k-${n.kind}`,
    n.isThread ? 'thread' : '',
    n.frozen ? 'frozen' : '',
    n.restarting ? 'restarting' : '',
    n.sleeping ? 'sleeping' : '',
    n.runnable ? 'runnable' : '',
    n.active ? 'active' : '',
    n.task.traced ? 'traced' : '',
    selected === n.pid ? 'selected' : '',
  ]
    .filter(Boolean)
    .join(' ');
}
