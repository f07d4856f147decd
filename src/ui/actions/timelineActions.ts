import type { Action, ActionContext } from './types';

const frames = (ctx: ActionContext) => ctx.state.recording?.frames.length ?? 0;

const canGoBack = (ctx: ActionContext) =>
  frames(ctx) === 0 ? 'No events yet' : ctx.state.cursor > -1 ? true : 'Already at the start';
const canGoForward = (ctx: ActionContext) =>
  frames(ctx) === 0
    ? 'No events yet'
    : ctx.state.cursor < frames(ctx) - 1
      ? true
      : 'Already at the last step';

/** Timeline navigation and help. */
export const timelineActions: Action[] = [
  {
    id: 'first',
    label: 'First step',
    group: 'timeline',
    shortcut: 'Home',
    help: 'Go to the world before the first event',
    enabledWhen: canGoBack,
    perform: (ctx) => ctx.state.first(),
  },
  {
    id: 'back',
    label: 'Step back',
    group: 'timeline',
    shortcut: 'ArrowLeft',
    help: 'One event back (instant: a cursor move, nothing is undone)',
    enabledWhen: canGoBack,
    perform: (ctx) => ctx.state.stepBy(-1),
  },
  {
    id: 'forward',
    label: 'Step forward',
    group: 'timeline',
    shortcut: 'ArrowRight',
    help: 'One event forward',
    enabledWhen: canGoForward,
    perform: (ctx) => ctx.state.stepBy(1),
  },
  {
    id: 'last',
    label: 'Last step',
    group: 'timeline',
    shortcut: 'End',
    help: 'Go to the end of the timeline',
    enabledWhen: canGoForward,
    perform: (ctx) => ctx.state.last(),
  },
  {
    id: 'play',
    label: 'Play',
    group: 'timeline',
    shortcut: ' ',
    help: 'Play the timeline at the chosen speed; Pause stops it',
    enabledWhen: (ctx) => (frames(ctx) > 0 ? true : 'No events to play'),
    perform: (ctx) => (ctx.state.playing ? ctx.state.pause() : ctx.state.play()),
  },
  {
    id: 'first-error',
    label: 'First error',
    group: 'timeline',
    shortcut: 'E',
    help: 'Jump to the first event that failed or recorded an error',
    enabledWhen: (ctx) => (ctx.state.firstError >= 0 ? true : 'No error in this run'),
    perform: (ctx) => {
      if (ctx.state.firstError >= 0) ctx.state.setCursor(ctx.state.firstError);
    },
  },
  {
    id: 'help',
    label: 'Keyboard shortcuts',
    group: 'help',
    shortcut: '?',
    help: 'Show this help sheet',
    enabledWhen: () => true,
    perform: (ctx) => ctx.state.setHelpOpen(!ctx.state.helpOpen),
  },
];
