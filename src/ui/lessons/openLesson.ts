import type { DebuggerApp } from '../../app/debuggerApp';
import type { DebuggerState } from '../../store/types';
import { anchorFrame } from './resolve';
import type { Lesson } from './types';

/** What opening a lesson needs: the app, and the store's state when it was asked for. */
export interface LessonOpener {
  app: DebuggerApp;
  state: DebuggerState;
}

/**
 * Opens a lesson: its scenario goes through the engine's parser like any opened file, and the
 * cursor goes to the first caption. Predict mode carries over from the previous lesson.
 */
export async function openLesson({ app, state }: LessonOpener, lesson: Lesson): Promise<boolean> {
  const predict = state.lesson?.predict ?? false;
  const ok = await app.openText(JSON.stringify(lesson.scenario), `${lesson.id}.json`, (rec) =>
    anchorFrame(rec, lesson.captions[0].at),
  );
  if (!ok) return false;
  // The state's setters are the store's own functions, still current after the await.
  state.setLesson({ id: lesson.id, predict });
  state.setLessonsOpen(false);
  return true;
}
