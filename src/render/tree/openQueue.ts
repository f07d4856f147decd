import type { Job } from './slicedJob';

/** What an OpenQueue asks of its view. */
export interface OpenHost<M> {
  /** Whether `model` is prepared in tasks of its own rather than drawn now (`before`: the last model shown). */
  needsOpen(model: M, before: M | null): boolean;
  /** The job that prepares `model` for drawing (or the newest, when that has its shape). */
  open(model: M): Job;
  /** The model the last open prepared, if any (what `draw` will use). */
  prepared(): M | null;
  /** Draws `model` now. */
  draw(model: M | null): void;
  /** The drawing is behind from here on (an open began). */
  busy(): void;
  /** Runs a job in slices, then `done`; gives the function that drops it (slicedJob.ts runSliced). */
  run(job: Job, done: () => void): () => void;
}

/**
 * Which models a view draws at once and which it opens in tasks of its own, one open at a time.
 * An open under way is never dropped for a newer model: the newest waits (the open may prepare
 * it, when it has the same shape), and when the open ends, what it prepared is drawn and the
 * newest is shown in turn. Dropping the open for each newer model drew nothing while models came
 * faster than one open (stepping through a big destroy, each step a new shape).
 */
export class OpenQueue<M> {
  private model: M | null = null;
  private cancel: (() => void) | null = null;

  constructor(private readonly host: OpenHost<M>) {}

  /** The model last given to `show` (the newest, maybe not drawn yet). */
  get newest(): M | null {
    return this.model;
  }

  /** Whether an open is under way (the drawing is behind the newest model). */
  get opening(): boolean {
    return this.cancel !== null;
  }

  show(model: M | null): void {
    const before = this.model;
    this.model = model;
    if (this.cancel) return;
    if (model === null || !this.host.needsOpen(model, before)) {
      this.host.draw(model);
      return;
    }
    this.host.busy();
    this.cancel = this.host.run(this.host.open(model), () => {
      this.cancel = null;
      const newest = this.model;
      const ready = this.host.prepared() ?? newest;
      this.model = ready;
      this.host.draw(ready);
      if (newest !== ready) this.show(newest);
    });
  }

  /** Drops the open under way (the view is going away). */
  stop(): void {
    this.cancel?.();
    this.cancel = null;
  }
}
