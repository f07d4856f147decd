import { galleryEntry } from '../gallery/catalog';
import { openExample } from '../gallery/openExample';
import type { ActionSpec } from './types';

/** The examples gallery: showing it, and opening the example picked in it. */
export const galleryActions = {
  examples: {
    label: 'Examples',
    group: 'lesson',
    shortcut: 'o',
    help: 'Open the examples gallery: lessons, zombies, protocol bugs and large trees, or a file',
    enabledWhen: () => true,
    perform: (ctx) => ctx.state.setGalleryOpen(!ctx.state.galleryOpen),
  },
  'open-example': {
    label: 'Open example',
    group: 'lesson',
    help: 'Open the example picked in the gallery (a large tree shows the engine’s progress)',
    enabledWhen: (ctx) => {
      if (ctx.state.busy) return 'The engine is busy: wait, or cancel its run';
      const id = ctx.state.params.example;
      if (id === null) return 'Pick an example in the gallery first';
      return galleryEntry(id) ? true : `No example named ${id}`;
    },
    perform: (ctx) => {
      const entry = galleryEntry(ctx.state.params.example ?? '');
      return entry ? openExample(ctx, entry) : undefined;
    },
  },
} satisfies Record<string, ActionSpec>;
