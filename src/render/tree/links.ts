import { select } from 'd3';
import type { Placed } from './layout';
import { MAX_ANIMATED } from './nodes';

type Link = { from: Placed; to: Placed };

/**
 * Above this many links they are drawn as one path: one element to create, style and paint
 * instead of thousands (a 2,500-card tree created its links in one 40 ms go). Trees this big
 * change without animation anyway (see MAX_ANIMATED).
 */
export const BUNDLE_LINKS = 300;

const SVG = 'http://www.w3.org/2000/svg';

function elbow(l: Link, halfHeight: number): string {
  const ya = l.from.y + halfHeight;
  const yb = l.to.y - halfHeight;
  const ym = (ya + yb) / 2;
  return `M${l.from.x},${ya}V${ym}H${l.to.x}V${yb}`;
}

function linkPath(layer: SVGGElement, d: string): SVGPathElement {
  const el = document.createElementNS(SVG, 'path');
  el.setAttribute('class', 'link');
  el.setAttribute('d', d);
  layer.appendChild(el);
  return el;
}

/**
 * Elbow links between cards. A small tree's links are kept by child pid and redrawn (animated)
 * only when an end moved; a big tree's are one path.
 */
export class LinkLayer {
  private readonly paths = new Map<number, { el: SVGPathElement; d: string }>();
  private bundle: { el: SVGPathElement; d: string } | null = null;

  constructor(private readonly layer: SVGGElement) {}

  update(links: Link[], halfHeight: number, dur: number): void {
    const ds = links.map((l) => elbow(l, halfHeight));
    if (links.length > BUNDLE_LINKS) {
      for (const p of this.paths.values()) p.el.remove();
      this.paths.clear();
      const d = ds.join('');
      if (!this.bundle) this.bundle = { el: linkPath(this.layer, d), d };
      else if (this.bundle.d !== d) {
        this.bundle.d = d;
        this.bundle.el.setAttribute('d', d);
      }
      return;
    }
    this.bundle?.el.remove();
    this.bundle = null;
    const seen = new Set<number>();
    let changes = 0;
    links.forEach((l, i) => {
      seen.add(l.to.node.pid);
      if (this.paths.get(l.to.node.pid)?.d !== ds[i]) changes++;
    });
    const animate = dur > 0 && changes <= MAX_ANIMATED;
    for (const [pid, p] of this.paths) {
      if (seen.has(pid)) continue;
      this.paths.delete(pid);
      p.el.remove();
    }
    links.forEach((l, i) => {
      const pid = l.to.node.pid;
      const d = ds[i];
      const p = this.paths.get(pid);
      if (!p) {
        const el = linkPath(this.layer, d);
        this.paths.set(pid, { el, d });
        if (animate) select(el).attr('opacity', 0).transition().duration(dur).attr('opacity', 1);
      } else if (p.d !== d) {
        p.d = d;
        if (animate) select(p.el).transition().duration(dur).attr('d', d);
        else select(p.el).interrupt().attr('d', d);
      }
    });
  }
}
