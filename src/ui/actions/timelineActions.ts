import { selectCounterexample } from '../../store/violation';
import type { ActionSpec, ActionState } from './types';

const frames = (ctx: ActionState) => ctx.state.recording?.frames.length ?? 0;

/** The first failed event, or an open counterexample's breaking step when that comes first. */
function firstErrorAt(ctx: ActionState): number {
  const errno = ctx.state.firstError;
  const broke = selectCounterexample(ctx.state)?.frame ?? -1;
  if (errno < 0 || broke < 0) return Math.max(errno, broke);
  return Math.min(errno, broke);
}

const canGoBack = (ctx: ActionState) =>
  frames(ctx) === 0 ? 'No events yet' : ctx.state.cursor > -1 ? true : 'Already at the start';
const canGoForward = (ctx: ActionState) =>
  frames(ctx) === 0
    ? 'No events yet'
    : ctx.state.cursor < frames(ctx) - 1
      ? true
      : 'Already at the last step';

/** Timeline navigation and help. */
export const timelineActions = {
  first: {
    label: 'First step',
    group: 'timeline',
    shortcut: 'Home',
    help: 'Go to the world before the first event',
    enabledWhen: canGoBack,
    perform: (ctx) => ctx.state.first(),
  },
  back: {
    label: 'Step back',
    group: 'timeline',
    shortcut: 'ArrowLeft',
    help: 'One event back (instant: a cursor move, nothing is undone)',
    enabledWhen: canGoBack,
    perform: (ctx) => ctx.state.stepBy(-1),
  },
  forward: {
    label: 'Step forward',
    group: 'timeline',
    shortcut: 'ArrowRight',
    help: 'One event forward',
    enabledWhen: canGoForward,
    perform: (ctx) => ctx.state.stepBy(1),
  },
  last: {
    label: 'Last step',
    group: 'timeline',
    shortcut: 'End',
    help: 'Go to the end of the timeline',
    enabledWhen: canGoForward,
    perform: (ctx) => ctx.state.last(),
  },
  play: {
    label: 'Play',
    group: 'timeline',
    shortcut: ' ',
    help: 'Play the timeline at the chosen speed; Pause stops it',
    enabledWhen: (ctx) => (frames(ctx) > 0 ? true : 'No events to play'),
    perform: (ctx) => (ctx.state.playing ? ctx.state.pause() : ctx.state.play()),
  },
  'first-error': {
    label: 'First error',
    group: 'timeline',
    shortcut: 'E',
    help: 'Jump to the first event that failed or recorded an error (on a counterexample: or where it breaks its invariant, if that comes first)',
    enabledWhen: (ctx) => (firstErrorAt(ctx) >= 0 ? true : 'No error in this run'),
    perform: (ctx) => {
      const at = firstErrorAt(ctx);
      if (at >= 0) ctx.state.setCursor(at);
    },
  },
  help: {
    label: 'Keyboard shortcuts',
    group: 'help',
    shortcut: '?',
    help: 'Show this help sheet',
    enabledWhen: () => true,
    perform: (ctx) => ctx.state.setHelpOpen(!ctx.state.helpOpen),
  },
} satisfies Record<string, ActionSpec>;
