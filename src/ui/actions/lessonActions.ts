import { nextCaptionFrame, previousCaptionFrame } from '../lessons/active';
import type { ActionSpec } from './types';

/** Lessons: the list, and stepping caption by caption (the cursor follows). */
export const lessonActions = {
  lessons: {
    label: 'Lessons',
    group: 'lesson',
    shortcut: 'L',
    help: 'Open the list of narrated lessons',
    enabledWhen: () => true,
    perform: (ctx) => ctx.state.setLessonsOpen(!ctx.state.lessonsOpen),
  },
  'lesson-next': {
    label: 'Next caption',
    group: 'lesson',
    shortcut: ']',
    help: 'Go to the next caption of the lesson (the timeline moves with it)',
    enabledWhen: (ctx) =>
      nextCaptionFrame(ctx.state) !== null ? true : 'No lesson, or its last caption',
    perform: (ctx) => {
      const f = nextCaptionFrame(ctx.state);
      if (f !== null) ctx.state.setCursor(f);
    },
  },
  'lesson-previous': {
    label: 'Previous caption',
    group: 'lesson',
    shortcut: '[',
    help: 'Go back to the previous caption of the lesson',
    enabledWhen: (ctx) =>
      previousCaptionFrame(ctx.state) !== null ? true : 'No lesson, or its first caption',
    perform: (ctx) => {
      const f = previousCaptionFrame(ctx.state);
      if (f !== null) ctx.state.setCursor(f);
    },
  },
} satisfies Record<string, ActionSpec>;
