import { serializeLesson } from '../../engine/lesson/parse';
import type { DebuggerState } from '../../store/types';
import { activeLesson, lessonOnScreen } from '../lessons/active';
import {
  addCaption,
  captionAtFrame,
  draftLesson,
  editCaption,
  moveCaption,
  moveCaptionTo,
  removeCaption,
  type NewCaption,
} from '../lessons/edit';
import { anchorFrame, captionFrames, captionIndexAt } from '../lessons/resolve';
import type { Lesson } from '../lessons/types';
import { download } from '../share/download';
import { shareMoment } from '../share/shareLink';
import type { ActionContext, ActionSpec, ActionState } from './types';

const loaded = ({ state }: ActionState) =>
  !state.recording ? 'Nothing loaded yet' : state.busy ? 'The engine is busy' : true;

const hasLesson = ({ state }: ActionState) =>
  activeLesson(state) ? true : 'No lesson: add a caption or open one first';

/** The lesson being written, or a new one about the scenario on screen. */
function lessonToEdit(state: DebuggerState): Lesson | null {
  if (!state.recording) return null;
  return activeLesson(state) ?? draftLesson(state.recording.scenario);
}

/** Puts an edited lesson in the store, or the reason it could not be edited in a notice. */
function commit(ctx: ActionContext, edited: Lesson | string): void {
  if (typeof edited === 'string') return ctx.state.notify('warning', edited);
  const predict = ctx.state.lesson?.predict ?? false;
  // A lesson without captions is no lesson: deleting the last one ends it.
  ctx.state.setLesson(edited.captions.length > 0 ? { lesson: edited, predict } : null);
}

/** The caption the cursor is at (for palette runs, which name none). */
function captionHere(state: DebuggerState): number {
  const lesson = activeLesson(state);
  if (!lesson || !state.recording) return -1;
  return captionIndexAt(captionFrames(state.recording, lesson.captions), state.cursor);
}

/**
 * An action on one caption of the active lesson: the one named by the editor's list, or from
 * the palette the one at the cursor.
 */
function onCaption(edit: (lesson: Lesson, index: number) => Lesson | string) {
  return (ctx: ActionContext, index?: number) => {
    const lesson = activeLesson(ctx.state);
    if (lesson) commit(ctx, edit(lesson, index ?? captionHere(ctx.state)));
  };
}

function firstCaptionFrame(state: DebuggerState, lesson: Lesson): number {
  return state.recording ? anchorFrame(state.recording, lesson.captions[0].at) : state.cursor;
}

/** One caption by index, with what it says next (edit takes both). */
export interface CaptionEdit extends NewCaption {
  index: number;
}

/**
 * Writing a lesson in the app: captions pinned to the cursor, edited, reordered and deleted,
 * and the lesson saved as a crviz-lesson/1 file or a link. Any scenario on screen (a replayed
 * counterexample too) becomes a lesson with its first caption.
 */
export const lessonAuthorActions = {
  'lesson-edit': {
    label: 'Edit lesson',
    group: 'lesson',
    help: 'Open the lesson editor: add captions at the cursor, edit, reorder, delete, save',
    enabledWhen: loaded,
    perform: (ctx) => ctx.state.setLessonEditorOpen(!ctx.state.lessonEditorOpen),
  },
  'lesson-add-caption': {
    label: 'Add caption here',
    group: 'lesson',
    help: 'Pin a caption (and optionally the question “who gets active_pid next?”) to this step; the scenario becomes a lesson if it is not one',
    enabledWhen: (s) => {
      const ok = loaded(s);
      if (ok !== true) return ok;
      const lesson = activeLesson(s.state);
      if (lesson && captionAtFrame(s.state.recording!, lesson, s.state.cursor) >= 0) {
        return 'A caption is here already: edit it in the lesson editor';
      }
      return true;
    },
    perform: (ctx, caption?: NewCaption) => {
      // From the palette there is no text yet: the editor opens on its caption field.
      if (!caption) return ctx.state.setLessonEditorOpen(true);
      const lesson = lessonToEdit(ctx.state);
      if (!lesson || !ctx.state.recording) return;
      commit(ctx, addCaption(ctx.state.recording, lesson, ctx.state.cursor, caption));
    },
  },
  'lesson-caption-edit': {
    label: 'Edit caption',
    group: 'lesson',
    help: 'Change what a caption says and whether it asks who gets active_pid next',
    enabledWhen: hasLesson,
    perform: (ctx, edit?: CaptionEdit) => {
      const lesson = activeLesson(ctx.state);
      if (!edit) return ctx.state.setLessonEditorOpen(true);
      if (lesson) commit(ctx, editCaption(lesson, edit.index, edit));
    },
  },
  'lesson-caption-delete': {
    label: 'Delete caption',
    group: 'lesson',
    help: 'Delete a caption (the one at the cursor from the palette); the last one ends the lesson',
    enabledWhen: hasLesson,
    perform: onCaption(removeCaption),
  },
  'lesson-caption-up': {
    label: 'Move caption up',
    group: 'lesson',
    help: 'Swap what a caption says with the caption before it (their moments stay)',
    enabledWhen: hasLesson,
    perform: onCaption((lesson, i) => moveCaption(lesson, i, -1)),
  },
  'lesson-caption-down': {
    label: 'Move caption down',
    group: 'lesson',
    help: 'Swap what a caption says with the caption after it (their moments stay)',
    enabledWhen: hasLesson,
    perform: onCaption((lesson, i) => moveCaption(lesson, i, 1)),
  },
  'lesson-caption-here': {
    label: 'Move caption here',
    group: 'lesson',
    help: 'Pin a caption to the step at the cursor instead (captions stay in timeline order)',
    enabledWhen: hasLesson,
    perform: (ctx, index?: number) => {
      const lesson = activeLesson(ctx.state);
      const rec = ctx.state.recording;
      // From the palette there is no caption to move: the editor's list names each one.
      if (index === undefined) return ctx.state.setLessonEditorOpen(true);
      if (lesson && rec) {
        commit(ctx, moveCaptionTo(rec, lesson, index, ctx.state.cursor));
      }
    },
  },
  'lesson-rename': {
    label: 'Rename lesson',
    group: 'lesson',
    help: 'Change the lesson’s title',
    enabledWhen: hasLesson,
    perform: (ctx, title?: string) => {
      const lesson = activeLesson(ctx.state);
      if (!title) return ctx.state.setLessonEditorOpen(true);
      if (lesson) commit(ctx, { ...lesson, title: title.slice(0, 200) });
    },
  },
  'lesson-preview': {
    label: 'Preview lesson',
    group: 'lesson',
    help: 'Close the editor and go to the first caption, as a learner opens the lesson',
    enabledWhen: hasLesson,
    perform: ({ state }) => {
      const lesson = activeLesson(state);
      if (!lesson) return;
      state.setLessonEditorOpen(false);
      state.setCursor(firstCaptionFrame(state, lesson));
    },
  },
  'lesson-save': {
    label: 'Save lesson',
    group: 'lesson',
    help: 'Download the lesson (scenario, captions, questions) as a crviz-lesson/1 file; Open… or a drop reopens it',
    enabledWhen: hasLesson,
    perform: ({ state }) => {
      const lesson = lessonOnScreen(state);
      if (lesson) download(`${lesson.id}.json`, serializeLesson(lesson), 'application/json');
    },
  },
  'lesson-link': {
    label: 'Share lesson link',
    group: 'lesson',
    help: 'Copy a link that holds the whole lesson and opens it at its first caption',
    enabledWhen: hasLesson,
    perform: ({ state }) => {
      const lesson = activeLesson(state);
      if (lesson) return shareMoment({ ...state, cursor: firstCaptionFrame(state, lesson) });
    },
  },
} satisfies Record<string, ActionSpec>;
