import type { Action } from './types';

/** Control over the engine worker itself. */
export const engineActions: Action[] = [
  {
    id: 'cancel-run',
    label: 'Cancel run',
    group: 'engine',
    shortcut: 'Escape',
    help: 'Stop the engine’s current run (a large restart, the explorer); nothing changes',
    enabledWhen: (ctx) =>
      ctx.state.busy || ctx.state.explore.running ? true : 'The engine is not running anything',
    perform: (ctx) =>
      ctx.state.explore.running && !ctx.state.busy
        ? ctx.session.cancelExplore()
        : ctx.session.cancelRun(),
  },
];
