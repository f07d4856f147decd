import { shownContainer } from '../../engine/snapshot';
import { NO_FRAMES } from '../../engine/timeline/frames';
import { nextFnEvent, nextTaskEvent, previousHit } from '../../store/navigate';
import type { ActionContext, ActionSpec, ActionState } from './types';

/**
 * Search and find (issue 16, item 3): the event log's filter, a task found in the tree, the
 * next or previous event of a task or of a kernel function (Perfetto's `.` and `,`), and
 * reverse-continue to the previous breakpoint hit (rr's `reverse-continue`).
 */

const frames = ({ state }: ActionState) => state.recording?.frames ?? NO_FRAMES;
const currentFn = ({ state }: ActionState) => state.recording?.frames.get(state.cursor)?.event.fn;

/** The task shown in the tree at the cursor, by pid. */
export function shownTask(s: ActionState, pid: number) {
  const c = s.here ? shownContainer(s.here) : undefined;
  return c?.tasks.find((t) => t.pid === pid);
}

/** The frame a task jump goes to, or why it cannot go. */
function taskJump(s: ActionState, dir: 1 | -1): number | string {
  const pid = s.state.selection;
  if (pid === null) return 'Select a task first (click it in the tree)';
  const i = nextTaskEvent(frames(s), s.state.cursor, dir, pid);
  return i >= 0 ? i : `No ${dir > 0 ? 'later' : 'earlier'} event of pid ${pid}`;
}

function fnJump(
  s: ActionState,
  dir: 1 | -1,
  fn: string | undefined = currentFn(s),
): number | string {
  if (fn === undefined) return 'No event at this step: step to an event of the function first';
  const i = nextFnEvent(frames(s), s.state.cursor, dir, fn);
  return i >= 0 ? i : `No ${dir > 0 ? 'later' : 'earlier'} ${fn} event`;
}

function reverseHit(s: ActionState): number | string {
  if (!s.state.breakpoints.length) return 'No breakpoint set';
  const i = previousHit(frames(s), s.state.cursor, s.state.breakpoints);
  return i >= 0 ? i : 'No breakpoint hit before this step';
}

const enabled = (jump: number | string) => (typeof jump === 'number' ? true : jump);
const go = (ctx: ActionContext, jump: number | string) => {
  if (typeof jump === 'number') ctx.state.setCursor(jump);
};

export const searchActions = {
  'filter-events': {
    label: 'Filter event log',
    group: 'timeline',
    shortcut: '/',
    help: 'Search the event log: pid:3, fn:do_exit, errno:EBUSY or any text',
    enabledWhen: (s) => (s.state.recording ? true : 'No events yet'),
    perform: (ctx) => ctx.handles.call('focusEventFilter'),
  },
  'find-task': {
    label: 'Find task',
    group: 'process',
    shortcut: 'g',
    help: 'Find a task by pid: its subtree is opened, it is scrolled into view and selected',
    enabledWhen: (s) => (s.here && shownContainer(s.here) ? true : 'No tree at this step'),
    // From the palette or its key, the box where the pid is typed gets the focus.
    perform: (ctx: ActionContext, pid?: number) => {
      if (pid === undefined) return ctx.handles.call('focusFindTask');
      if (!shownTask(ctx, pid)) return;
      ctx.state.select(pid);
      ctx.handles.call('revealTask', pid);
    },
  },
  'next-task-event': {
    label: 'Next event of task',
    group: 'timeline',
    shortcut: '.',
    help: 'Jump to the selected task’s next event',
    enabledWhen: (s) => enabled(taskJump(s, 1)),
    perform: (ctx) => go(ctx, taskJump(ctx, 1)),
  },
  'previous-task-event': {
    label: 'Previous event of task',
    group: 'timeline',
    shortcut: ',',
    help: 'Jump to the selected task’s previous event',
    enabledWhen: (s) => enabled(taskJump(s, -1)),
    perform: (ctx) => go(ctx, taskJump(ctx, -1)),
  },
  'next-function-event': {
    label: 'Next event of function',
    group: 'timeline',
    shortcut: '>',
    help: 'Jump to the next event of a kernel function (the current event’s, unless you pick one)',
    enabledWhen: (s) => enabled(fnJump(s, 1)),
    perform: (ctx: ActionContext, fn?: string) => go(ctx, fnJump(ctx, 1, fn)),
  },
  'previous-function-event': {
    label: 'Previous event of function',
    group: 'timeline',
    shortcut: '<',
    help: 'Jump to the previous event of a kernel function (the current event’s, unless you pick one)',
    enabledWhen: (s) => enabled(fnJump(s, -1)),
    perform: (ctx: ActionContext, fn?: string) => go(ctx, fnJump(ctx, -1, fn)),
  },
  'reverse-continue': {
    label: 'Reverse continue',
    group: 'timeline',
    shortcut: 'R',
    help: 'Run backwards to the previous breakpoint hit (rr’s reverse-continue); Play continues forwards',
    enabledWhen: (s) => enabled(reverseHit(s)),
    perform: (ctx) => go(ctx, reverseHit(ctx)),
  },
} satisfies Record<string, ActionSpec>;
