import type { ViewSize } from './viewFit';

/**
 * Keeps `el`'s size with a ResizeObserver and reports changes: reading clientWidth right after
 * drawing thousands of cards would force a synchronous layout of all of them. `onSize` gets the
 * new size and whether it differs from the last one. Returns the stop function.
 */
export function watchSize(
  el: HTMLElement,
  initial: ViewSize,
  onSize: (size: ViewSize, changed: boolean) => void,
): () => void {
  if (typeof ResizeObserver === 'undefined') return () => {};
  let last = initial;
  const observer = new ResizeObserver((entries) => {
    const r = entries[entries.length - 1]?.contentRect;
    if (!r || r.width <= 0 || r.height <= 0) return;
    const changed = r.width !== last.width || r.height !== last.height;
    last = { width: r.width, height: r.height };
    onSize(last, changed);
  });
  observer.observe(el);
  return () => observer.disconnect();
}
