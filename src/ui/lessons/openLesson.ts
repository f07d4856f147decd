import type { DebuggerInstance } from '../instance';
import { anchorFrame } from './resolve';
import type { Lesson } from './types';

/**
 * Opens a lesson: its scenario goes through the engine's parser like any opened file, then the
 * cursor goes to the first caption. Predict mode carries over from the previous lesson.
 */
export async function openLesson(instance: DebuggerInstance, lesson: Lesson): Promise<boolean> {
  const { store, app } = instance;
  const predict = store.getState().lesson?.predict ?? false;
  const ok = await app.openText(JSON.stringify(lesson.scenario), `${lesson.id}.json`);
  if (!ok) return false;
  const state = store.getState();
  state.setLesson({ id: lesson.id, predict });
  state.setLessonsOpen(false);
  if (state.recording) state.setCursor(anchorFrame(state.recording, lesson.captions[0].at));
  return true;
}
