import { COORD_W, type TreeLayout } from './layout';
import { FAR_ZOOM, type Transform } from './panZoom';

/**
 * Fit shows the whole tree unless that leaves cards smaller than this (a fifth of their size):
 * a 2,000-task tree is tens of thousands of pixels wide and a few levels deep, and fitting all
 * of it drew a strip a pixel high. Such a tree is shown at its full height around the task in
 * focus, at the zoom at which cards keep their text (FAR_ZOOM) or more, and the overview
 * (minimap.ts) shows the rest.
 */
export const STRIP_ZOOM = 0.2;

export interface ViewSize {
  width: number;
  height: number;
}

/** The box Fit shows: the tree and the coordinator, with a margin. */
export function fitBox(layout: TreeLayout) {
  const { x0, y0, x1, y1 } = layout.bounds;
  const cx0 = layout.coordinator ? layout.coordinator.x - COORD_W / 2 - 10 : x0;
  const left = Math.min(x0, cx0) - 40;
  const top = y0 - 60;
  return { left, top, w: x1 + 40 - left, h: y1 + 40 - top };
}

/** The zoom at which all of `layout` fits a view of `size`, at most `maxScale`. */
export function fitZoom(layout: TreeLayout, size: ViewSize, maxScale: number): number {
  const { w, h } = fitBox(layout);
  return Math.min(maxScale, Math.max(0.01, Math.min(size.width / w, size.height / h)));
}

/** Whether Fit shows `layout` as a strip at its full height rather than whole. */
export function fitsAsStrip(layout: TreeLayout, size: ViewSize, maxScale: number): boolean {
  return fitZoom(layout, size, maxScale) < STRIP_ZOOM;
}

/**
 * The transform that fits the whole tree (and the coordinator) in the view; a tree too wide for
 * that at STRIP_ZOOM is shown at its full height (at FAR_ZOOM or more), centred on `focus`
 * (a tree point) when there is one.
 */
export function fitTransform(
  layout: TreeLayout,
  size: ViewSize,
  maxScale: number,
  focus: () => { x: number; y: number } | null,
): Transform {
  const { left, top, w, h } = fitBox(layout);
  const { height } = size;
  let k = fitZoom(layout, size, maxScale);
  let cx = left + w / 2;
  let cy = top + h / 2;
  if (k < STRIP_ZOOM) {
    k = Math.min(maxScale, Math.max(FAR_ZOOM, height / h));
    const at = focus();
    if (at) cx = at.x;
    cy = top + height / k / 2;
  }
  return centredOn(cx, cy, k, size);
}

/** The transform at zoom `k` that puts tree point (x, y) in the middle of the view. */
export function centredOn(x: number, y: number, k: number, size: ViewSize): Transform {
  return { x: size.width / 2 - k * x, y: size.height / 2 - k * y, k };
}
