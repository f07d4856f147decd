import type { ActionSpec } from './types';

/** Control over the engine worker itself. */
export const engineActions = {
  'cancel-run': {
    label: 'Cancel run',
    group: 'engine',
    shortcut: 'Escape',
    help: 'Stop the engine’s current run (a large restart, the explorer); nothing changes',
    enabledWhen: (ctx) => (ctx.state.busy ? true : 'The engine is not running anything'),
    perform: (ctx) => ctx.app.cancel(),
  },
} satisfies Record<string, ActionSpec>;
