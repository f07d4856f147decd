import type { Scenario } from '../../engine/scenario/types';
import { defaultScenario } from '../defaultScenario';

/**
 * What a bare `?embed=1` shows: the default tree, with steps to play (freeze, checkpoint,
 * destroy, restart), opened at step 0. The default scenario alone has no steps, so an embed of
 * it had nothing to play ("Step 0 of 0").
 */
export const embedScenario: Scenario = {
  ...defaultScenario,
  name: 'default-embed',
  title: 'A small container with a zombie, checkpointed and restarted',
  steps: [
    { op: 'freeze' },
    { op: 'checkpoint', image: 'a' },
    { op: 'destroy' },
    { op: 'restart', image: 'a' },
  ],
};
