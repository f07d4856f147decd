import type { WorldReplay } from '../engine/timeline/timeline';

/** Runs a function in a later turn of the event loop; in Node and Vitest, at once. */
export type SliceScheduler = (f: () => void) => void;

export const atOnce: SliceScheduler = (f) => f();

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
 * Drives one sliced seek at a time, a piece per turn: a newer seek (or a cancel) drops the one
 * under way, whose progress the replay keeps. `land` runs once the replay stands where the
 * worlds of the move are only built, in the turn after the last piece.
 */
export class CursorSeek {
  private current = 0;

  constructor(private readonly slice: SliceScheduler) {}

  cancel(): void {
    this.current++;
  }

  start(timeline: WorldReplay, at: number, land: () => void): void {
    const id = ++this.current;
    // The frame whose world is not kept yet: the one at the cursor, else the one before.
    const seeking = timeline.seek(timeline.cost(at) > 0 || at < 0 ? at : at - 1);
    const piece = () => {
      if (id !== this.current) return;
      if (!seeking.next().done) this.slice(piece);
      else this.slice(() => id === this.current && land());
    };
    this.slice(piece);
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
