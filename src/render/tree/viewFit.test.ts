import { describe, expect, it } from 'vitest';
import { COORD_W, NODE_H } from './layout';
import { FAR_ZOOM } from './panZoom';
import { centredOn, fitBox, fitsAsStrip, fitTransform, STRIP_ZOOM } from './viewFit';
import type { TreeLayout } from './layout';

function wideLayout(width: number): TreeLayout {
  return {
    placed: [],
    links: [],
    order: [],
    bounds: { x0: 0, y0: 0, x1: width, y1: NODE_H },
    coordinator: null,
  } as unknown as TreeLayout;
}

describe('fitting the view', () => {
  const size = { width: 1000, height: 500 };

  it('shows a small tree whole, centred, at no more than the largest fit scale', () => {
    const layout = wideLayout(300);
    const t = fitTransform(layout, size, 1.25, () => null);
    expect(t.k).toBe(1.25);
    const { left, top, w, h } = fitBox(layout);
    // The box's middle is in the view's middle.
    expect(t.x + t.k * (left + w / 2)).toBeCloseTo(500);
    expect(t.y + t.k * (top + h / 2)).toBeCloseTo(250);
    expect(fitsAsStrip(layout, size, 1.25)).toBe(false);
  });

  it('shows a very wide tree as a strip at its full height around the focus', () => {
    const layout = wideLayout(100_000);
    expect(fitsAsStrip(layout, size, 1.25)).toBe(true);
    const t = fitTransform(layout, size, 1.25, () => ({ x: 40_000, y: 0 }));
    expect(t.k).toBeGreaterThanOrEqual(FAR_ZOOM);
    expect(t.k).toBeGreaterThan(STRIP_ZOOM);
    expect(t.x + t.k * 40_000).toBeCloseTo(500);
    // The top of the box is at the top of the view.
    expect(t.y + t.k * fitBox(layout).top).toBeCloseTo(0);
  });

  it('centres a point at a zoom', () => {
    const t = centredOn(100, 50, 2, size);
    expect(t.x + 2 * 100).toBe(500);
    expect(t.y + 2 * 50).toBe(250);
  });

  it('takes the coordinator, left of the tree, into the box', () => {
    const layout = { ...wideLayout(300), coordinator: { x: -400, y: 0 } };
    const { left } = fitBox(layout);
    expect(left).toBeLessThan(-400 - COORD_W / 2);
  });
});
