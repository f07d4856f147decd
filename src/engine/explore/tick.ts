/** The searches' generators tick between slices of work (the worker's slices, the CLI's progress). */

import type { InvariantName } from './invariants';

/** What a search reports between its slices. */
export interface ExploreTick {
  /** States explored so far (random walks: walks done). */
  states: number;
  /** Steps on the current path of the depth-first searches (random walks: 0). */
  depth: number;
  /** The invariants found violated so far. */
  violated: readonly InvariantName[];
}

/** States between two ticks: small enough for a responsive page, large enough to cost nothing. */
export const TICK_STATES = 256;

/**
 * Runs a search generator to its end, handing each tick to `onTick`; a true answer stops the
 * search (cancelled) and the generator returns what it found so far.
 */
export function drive<R>(
  gen: Generator<ExploreTick, R, boolean | undefined>,
  onTick?: ProgressCallback,
): R {
  let r = gen.next();
  while (!r.done) r = gen.next(onTick?.(r.value.states, r.value.depth, r.value.violated) === true);
  return r.value;
}

/** What the synchronous searches call at each tick; true stops the search. */
export type ProgressCallback = (
  states: number,
  depth: number,
  violated: readonly InvariantName[],
) => boolean | void;

/** How far an exploration has got: what the explorer panel shows while it runs. */
export interface ExploreProgress {
  /** States explored so far. */
  states: number;
  /** Steps on the search's current path. */
  depth: number;
  /** Since the worker started the search, in milliseconds (the worker's clock). */
  elapsedMs: number;
  statesPerSecond: number;
  /** The invariants found violated so far. */
  violated: InvariantName[];
}
