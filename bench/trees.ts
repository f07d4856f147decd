import { largeTree } from '../src/engine/scenario/large-tree';
import { CHECKPOINT_RESTART_STEPS } from '../src/engine/scenario/testing';
import type { Scenario } from '../src/engine/scenario/types';

/** What the bench and the scale tests measure: the large examples' tree, with no steps. */
export function benchScenario(n: number): Scenario {
  return {
    format: 'crviz-scenario/1',
    name: `bench-${n}`,
    variant: 'v18-28',
    tree: largeTree(n),
    steps: [],
  };
}

/** A freeze, checkpoint, destroy and restart of the `benchScenario(n)` tree. */
export function benchRestart(n: number): Scenario {
  return { ...benchScenario(n), steps: [...CHECKPOINT_RESTART_STEPS] };
}
