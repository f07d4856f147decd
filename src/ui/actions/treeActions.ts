import type { ActionSpec } from './types';

/** How the tree view moves on its own: following the task that holds active_pid. */
export const treeActions = {
  'follow-active': {
    label: 'Follow active_pid',
    group: 'timeline',
    shortcut: 'C',
    help: 'Toggle: keep the task holding active_pid in the middle of the tree view as the timeline moves (while playing or stepping)',
    enabledWhen: () => true,
    perform: (ctx) => ctx.store.getState().setFollowActive(!ctx.state.followActive),
  },
} satisfies Record<string, ActionSpec>;
