import type { Breakpoint } from '../../store/types';
import type { ActionContext, ActionSpec, ActionState } from './types';

const currentFn = ({ state }: ActionState) => state.recording?.frames.get(state.cursor)?.event.fn;

/** Breakpoints: on any error, on a kernel function, and deleting one. */
export const breakpointActions = {
  'break-on-errors': {
    label: 'Break on errors',
    group: 'timeline',
    help: 'Toggle: playing stops at the first event that fails',
    enabledWhen: () => true,
    perform: ({ state }) => state.toggleBreakpoint({ kind: 'error' }),
  },
  'break-on-function': {
    label: 'Break on function',
    group: 'timeline',
    help: 'Toggle a breakpoint on a kernel function (the current event’s, unless you pick one)',
    enabledWhen: (s) => (currentFn(s) !== undefined ? true : 'No event at this step'),
    perform: (ctx: ActionContext, fn?: string) => {
      const name = fn ?? currentFn(ctx);
      if (name !== undefined) ctx.state.toggleBreakpoint({ kind: 'fn', fn: name });
    },
  },
  'break-when-active': {
    label: 'Break when active',
    group: 'timeline',
    help: 'Toggle: playing stops when a task gets the active_pid baton (the selected one, unless you pick one)',
    enabledWhen: ({ state }) =>
      state.selection !== null ? true : 'Select a task first (click it in the tree)',
    perform: (ctx: ActionContext, pid?: number) => {
      const task = pid ?? ctx.state.selection;
      if (task !== null) ctx.state.toggleBreakpoint({ kind: 'active', pid: task });
    },
  },
  'delete-breakpoint': {
    label: 'Delete breakpoint',
    group: 'timeline',
    help: 'Delete a breakpoint (the newest one, unless you pick one)',
    enabledWhen: ({ state }) => (state.breakpoints.length > 0 ? true : 'No breakpoint set'),
    perform: (ctx: ActionContext, bp?: Breakpoint) => {
      const gone = bp ?? ctx.state.breakpoints.at(-1);
      if (gone) ctx.state.toggleBreakpoint(gone);
    },
  },
} satisfies Record<string, ActionSpec>;
