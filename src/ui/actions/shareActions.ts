import { shareMoment } from '../share/shareLink';
import type { ActionSpec } from './types';

/** Sharing the moment on screen. */
export const shareActions = {
  share: {
    label: 'Share',
    group: 'share',
    shortcut: 'S',
    help: 'Copy a link that opens this scenario at this step with this selection',
    enabledWhen: (ctx) => (ctx.state.recording ? true : 'Nothing loaded yet'),
    perform: (ctx) => shareMoment(ctx.state),
  },
  'copy-embed-code': {
    label: 'Copy embed code',
    group: 'share',
    help: 'Copy an iframe snippet that embeds this moment in a page: tree, caption and timeline',
    enabledWhen: (ctx) => (ctx.state.recording ? true : 'Nothing loaded yet'),
    perform: (ctx) => shareMoment(ctx.state, 'embed'),
  },
} satisfies Record<string, ActionSpec>;
