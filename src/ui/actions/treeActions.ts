import { NODE_BUDGET } from '../../render/tree';
import { count } from '../count';
import type { ActionSpec } from './types';

/**
 * How the tree view moves on its own (following the task that holds active_pid), and what it
 * draws of a forest past its card budget.
 */
export const treeActions = {
  'follow-active': {
    label: 'Follow active_pid',
    group: 'timeline',
    shortcut: 'C',
    help: 'Toggle: keep the task holding active_pid in the middle of the tree view as the timeline moves (while playing or stepping)',
    enabledWhen: () => true,
    perform: (ctx) => ctx.store.getState().setFollowActive(!ctx.state.followActive),
  },
  'show-more-roots': {
    label: 'Show more top-level tasks',
    group: 'view',
    help: `A tree with more top-level tasks than the view draws (half-way through a big destroy, say) draws the first ones; this draws ${count(NODE_BUDGET)} more. Find task brings out any one of them`,
    enabledWhen: ({ state }) =>
      state.hiddenRoots.roots > 0 ? true : 'Every top-level task is drawn',
    perform: (ctx) => ctx.handles.call('showMoreRoots'),
  },
} satisfies Record<string, ActionSpec>;
