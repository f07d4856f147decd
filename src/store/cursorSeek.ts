import type { WorldReplay } from '../engine/timeline/timeline';

/**
 * Runs a job (a generator that yields between pieces) over turns of the event loop, then
 * `done` in a turn of its own; gives the function that drops it. The page passes its sliced-job
 * runner (`runSliced`, about 8 ms of pieces a turn); Node and tests run it at once.
 */
export type SliceRunner = (job: Generator<void, void, void>, done: () => void) => () => void;

export const atOnce: SliceRunner = (job, done) => {
  while (!job.next().done);
  done();
  return () => {};
};

/**
 * A cursor move whose worlds cost more rows than this to rebuild is made through a sliced seek
 * (a few thousand rows are a few milliseconds; a step costs what it changed, far less).
 */
export const FAR_ROWS = 4096;

/** Rows a move of the cursor to `at` costs from where the replay stands: its world and the one before. */
export function moveCost(timeline: WorldReplay, at: number): number {
  return Math.max(timeline.cost(at), at >= 0 ? timeline.cost(at - 1) : 0);
}

/**
 * Drives one sliced seek at a time through the runner: a newer seek (or a cancel) drops the one
 * under way, whose progress the replay keeps. `land` runs once the replay stands where the
 * worlds of the move are only built, in a turn after the last piece's.
 */
export class CursorSeek {
  private drop: (() => void) | null = null;

  constructor(private readonly run: SliceRunner) {}

  cancel(): void {
    this.drop?.();
    this.drop = null;
  }

  start(timeline: WorldReplay, at: number, land: () => void): void {
    this.cancel();
    // The frame whose world is not kept yet: the one at the cursor, else the one before.
    const seeking = timeline.seek(timeline.cost(at) > 0 || at < 0 ? at : at - 1);
    let landed = false;
    const drop = this.run(seeking, () => {
      landed = true;
      this.drop = null;
      land();
    });
    if (!landed) this.drop = drop;
  }
}

/** Resolves once no far move is under way (at once when none is). */
export function landed(store: {
  getState(): { seeking: number | null };
  subscribe(listener: (s: { seeking: number | null }) => void): () => void;
}): Promise<void> {
  if (store.getState().seeking === null) return Promise.resolve();
  return new Promise((resolve) => {
    const off = store.subscribe((s) => {
      if (s.seeking !== null) return;
      off();
      resolve();
    });
  });
}
