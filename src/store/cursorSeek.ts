import type { WorldReplay } from '../engine/timeline/timeline';

/**
 * Runs `piece` over turns of the event loop until it returns false: as many pieces in a turn as
 * the scheduler allows (a time budget in the page), the rest in later turns. In Node and Vitest,
 * all at once.
 */
export type SliceScheduler = (piece: () => boolean) => void;

export const atOnce: SliceScheduler = (piece) => {
  while (piece());
};

/**
 * The page's scheduler: each turn (`turn`, a message to ourselves) runs pieces until `budgetMs`
 * of `now` have passed, so a far move takes a few turns of about a frame's work, not one turn
 * per piece (each turn may wait behind a frame's rendering).
 */
export function turnsOf(
  turn: () => Promise<void>,
  now: () => number,
  budgetMs: number,
): SliceScheduler {
  return (piece) => {
    const run = () => {
      const start = now();
      while (now() - start < budgetMs) if (!piece()) return;
      void turn().then(run);
    };
    void turn().then(run);
  };
}

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
 * Drives one sliced seek at a time, its pieces through the scheduler: a newer seek (or a cancel)
 * drops the one under way, whose progress the replay keeps. `land` runs once the replay stands
 * where the worlds of the move are only built, in a turn after the last piece's.
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
    // The worlds are built, and the page renders them, in a turn of their own after the seek.
    const landing = () => {
      if (id === this.current) land();
      return false;
    };
    this.slice(() => {
      if (id !== this.current) return false;
      if (!seeking.next().done) return true;
      this.slice(landing);
      return false;
    });
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
