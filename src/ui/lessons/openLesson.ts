import type { DebuggerApp } from '../../app/debuggerApp';
import { looksLikeLesson, parseLesson } from '../../engine/lesson/parse';
import { quote } from '../../engine/quote';
import { lessonById } from './catalog';
import type { DebuggerStore } from '../../store/createDebuggerStore';
import type { DebuggerState } from '../../store/types';
import { anchorFrame } from './resolve';
import type { Lesson } from './types';

/** What opening a lesson needs: the app, and the store's state when it was asked for. */
export interface LessonOpener {
  app: DebuggerApp;
  state: DebuggerState;
}

/**
 * Opens a lesson: its scenario goes through the engine's parser like any opened file, the
 * lesson's restart parameters (if it has them) become the page's, and the cursor goes to the
 * first caption. Predict mode carries over from the previous lesson.
 */
export async function openLesson({ app, state }: LessonOpener, lesson: Lesson): Promise<boolean> {
  const predict = state.lesson?.predict ?? false;
  const ok = await app.openText(JSON.stringify(lesson.scenario), `${lesson.id}.json`, (rec) =>
    anchorFrame(rec, lesson.captions[0].at),
  );
  if (!ok) return false;
  // The state's setters are the store's own functions, still current after the await.
  state.setLesson({ lesson, predict });
  if (lesson.variant !== undefined || lesson.schedule !== undefined) {
    state.setParams({ variant: lesson.variant ?? null, schedule: lesson.schedule ?? 'fifo' });
  }
  state.setLessonsOpen(false);
  return true;
}

/**
 * Loads a lesson from a file's (or any text's) crviz-lesson/1 JSON: Open…, a drop, and pages
 * that embed crviz use it. A lesson the reader refuses gets one notice naming `source`, and
 * nothing changes.
 */
export async function openLessonText(
  opener: { app: DebuggerApp; store: DebuggerStore },
  text: string,
  source: string,
): Promise<boolean> {
  const read = parseLesson(text, source);
  const state = opener.store.getState();
  if (!read.ok) {
    state.notify('error', `${source}: ${read.message}`);
    return false;
  }
  return openLesson({ app: opener.app, state }, read.lesson);
}

/** Opens a JSON file picked with Open…: a crviz-lesson/1 lesson, else a crviz-scenario/1 file. */
export function openJsonText(
  opener: { app: DebuggerApp; store: DebuggerStore },
  text: string,
  source: string,
): Promise<boolean> {
  return looksLikeLesson(text)
    ? openLessonText(opener, text, source)
    : opener.app.openText(text, source);
}

/**
 * Opens the built-in lesson `id` (a page's `?lesson=ID`, an embed's lesson option); an unknown
 * id gets a notice and nothing changes.
 */
export function openBuiltInLesson(
  opener: { app: DebuggerApp; store: DebuggerStore },
  id: string,
): Promise<boolean> {
  const lesson = lessonById(id);
  const state = opener.store.getState();
  if (!lesson) {
    state.notify('error', `?lesson=${quote(id)}: there is no built-in lesson of that name`);
    return Promise.resolve(false);
  }
  return openLesson({ app: opener.app, state }, lesson);
}
