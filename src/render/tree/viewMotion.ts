import {
  zoom,
  zoomIdentity,
  zoomTransform,
  type Selection,
  type ZoomBehavior,
  type ZoomTransform,
} from 'd3';
import type { Transform } from './panZoom';
import type { ViewSize } from './viewFit';

export interface ZoomEvent {
  transform: ZoomTransform;
  /** A gesture of the user's (wheel, drag, pinch), not a move of the view's own. */
  byUser: boolean;
  /** Part of a gesture or a glide: moved as a picture until it settles (panZoom.ts). */
  live: boolean;
}

/**
 * The tree's zoom and pan: d3-zoom on the frame (gestures), and the view's own moves (fit,
 * follow, reveal), which glide for a given time unless motion is reduced. Every change of the
 * transform is reported to `onZoom`; `onGlideEnd` when a glide ends or is interrupted.
 */
export class ViewMotion {
  private readonly behavior: ZoomBehavior<HTMLDivElement, unknown>;
  /** A glide is running: its zoom events are moved as a picture, like a gesture. */
  private gliding = false;

  constructor(
    private readonly frame: Selection<HTMLDivElement, unknown, null, undefined>,
    /** The cached size, not d3's default (clientWidth): see viewSize.ts. */
    size: () => ViewSize,
    private readonly reducedMotion: () => boolean,
    onZoom: (ev: ZoomEvent) => void,
    private readonly onGlideEnd: () => void,
  ) {
    this.behavior = zoom<HTMLDivElement, unknown>()
      .scaleExtent([0.01, 3])
      .extent(() => {
        const { width, height } = size();
        return [
          [0, 0],
          [width, height],
        ];
      })
      .filter((ev: Event) => !(ev.type === 'dblclick'))
      .on('zoom', (ev: { transform: ZoomTransform; sourceEvent: unknown }) => {
        const byUser = !!ev.sourceEvent;
        onZoom({ transform: ev.transform, byUser, live: byUser || this.gliding });
      });
    frame.call(this.behavior);
  }

  /** The current transform. */
  get transform(): ZoomTransform {
    return zoomTransform(this.frame.node()!);
  }

  /** Stops a running glide. */
  interrupt(): void {
    this.frame.interrupt();
  }

  /** Moves the view to `t`, gliding for `ms` (moved as a picture, like a gesture). */
  moveTo(t: Transform, ms: number): void {
    const transform = zoomIdentity.translate(t.x, t.y).scale(t.k);
    this.frame.interrupt();
    if (ms > 0 && !this.reducedMotion()) {
      this.gliding = true;
      const done = () => {
        this.gliding = false;
        this.onGlideEnd();
      };
      this.frame
        .transition()
        .duration(ms)
        .call(this.behavior.transform, transform)
        .on('end', done)
        .on('interrupt', done);
    } else {
      this.frame.call(this.behavior.transform, transform);
    }
  }

  /** Pans by (dx, dy) tree units at once. */
  translateBy(dx: number, dy: number): void {
    this.frame.call(this.behavior.transform, this.transform.translate(dx, dy));
  }

  /** Pans so tree point (x, y) is in the middle of the view at once. */
  translateTo(x: number, y: number): void {
    this.frame.call(this.behavior.translateTo, x, y);
  }
}
