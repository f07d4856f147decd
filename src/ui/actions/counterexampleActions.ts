import { selectCounterexample } from '../../store/violation';
import type { ActionSpec } from './types';

/** Jumps of an opened counterexample. */
export const counterexampleActions = {
  violation: {
    label: 'Violation',
    group: 'timeline',
    shortcut: 'V',
    help: 'Jump to the step where the opened counterexample breaks its invariant',
    enabledWhen: ({ state }) =>
      selectCounterexample(state) ? true : 'No counterexample open: explore, then Open one',
    perform: (ctx) => {
      const c = selectCounterexample(ctx.state);
      if (c) ctx.state.setCursor(c.frame);
    },
  },
} satisfies Record<string, ActionSpec>;
