import { activeLesson } from '../lessons/active';
import { enterFullscreen, leaveFullscreen } from '../presenter/fullscreen';
import type { ActionSpec } from './types';

/**
 * Presenter mode: the lesson full screen for a class (only the tree, the caption and
 * Next/Previous, in large type). Inside it the presenter's own keys apply (a clicker's
 * PageUp/PageDown, space, arrows, Escape), not the page's shortcuts.
 */
export const presenterActions = {
  'lesson-present': {
    label: 'Present',
    group: 'lesson',
    shortcut: 'P',
    help: 'Present the lesson full screen: tree, caption and Next/Previous only; Escape leaves',
    enabledWhen: ({ state }) =>
      activeLesson(state) ? true : 'No lesson: open one or add a caption first',
    perform: ({ state }) => {
      state.setLessonEditorOpen(false);
      state.setLessonsOpen(false);
      state.pause();
      state.setPresenting(true);
      // Asked for within the click or key press, as the Fullscreen API requires.
      enterFullscreen();
    },
  },
  'lesson-present-leave': {
    label: 'Leave presenter',
    group: 'lesson',
    help: 'Back to the debugger, at the same caption',
    enabledWhen: ({ state }) => (state.presenting ? true : 'Not presenting'),
    perform: ({ state }) => {
      state.setPresenting(false);
      leaveFullscreen();
    },
  },
} satisfies Record<string, ActionSpec>;
