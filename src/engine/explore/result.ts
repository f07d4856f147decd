import type { EngineEvent } from '../events';
import type { PartId } from '../part-id';
import type { RestartState } from '../restart/types';
import type { Variant } from '../scenario/types';
import type { InvariantName } from './invariants';
import type { ProgressCallback } from './tick';

/* What the explorer is asked and what it answers (CONTRACTS.md's crviz-explore/1), for every search. */

export interface ExploreOptions {
  variant?: Variant;
  maxStates?: number;
  /** Memory budget of the search in MB (estimated: the seen states and the copies it holds). */
  maxMemoryMb?: number;
  /** `dpor` (default): partial-order reduction; `none`: every interleaving, equal states merged. */
  reduction?: 'dpor' | 'none';
  /**
   * Called now and then with the states explored so far and the depth of the search (walks:
   * walks done, 0); true cancels.
   */
  onProgress?: ProgressCallback;
  /** Instead of exhausting: this many seeded random schedules. */
  walks?: number;
  seed?: string;
}

export interface FoundViolation {
  invariant: InvariantName;
  message: string;
  schedule: PartId[];
  events: EngineEvent[];
  /** Index in `schedule` of the step after which the invariant first fails. */
  step?: number;
  /** Index in `events` of that step's event. */
  event?: number;
}

export interface ExploreResult {
  format: 'crviz-explore/1';
  variant: Variant;
  states: number;
  schedules: number;
  complete: boolean;
  violations: FoundViolation[];
  /** How the interleavings were reduced. */
  reduction?: 'dpor' | 'none';
  /** The search stopped because it was cancelled. */
  cancelled?: boolean;
  /** `--walks`: how many random schedules ran, their seed, and the distinct final states. */
  walks?: number;
  seed?: string;
  distinct?: number;
}

/** How the explorer walks; the defaults are what `crviz explore` and the UI use. */
export interface ExploreWalk {
  /**
   * States with equal keys are explored once; `stateKey` by default. null walks every path to
   * its end (exponentially slower): with a key that leaves nothing out, the oracles that check
   * `stateKey` leaves out only what cannot change what a restart can still do.
   */
  key?: ((s: RestartState) => string) | null;
  /** Stop when the seen states and the copies on the path would hold more than this. */
  maxBytes?: number;
  /** Called with every end state the walk reaches (finished, or no participant can run). */
  onEnd?: (s: RestartState) => void;
  /** Called now and then with the states explored so far; returning true cancels. */
  onProgress?: ProgressCallback;
}

/** Which bound stopped a search: `--max-states` or the memory budget (`--max-memory`). */
export type Limit = 'states' | 'memory';

/** A search's result, and the bound that stopped it, if one did (said on stderr, not in the JSON). */
export interface Searched {
  result: ExploreResult;
  limit: Limit | null;
}
