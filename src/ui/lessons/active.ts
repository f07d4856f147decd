import type { DebuggerState } from '../../store/types';
import { captionFrames } from './resolve';
import type { Lesson } from './types';

/**
 * The lesson the session is following: the store's lesson, as long as the scenario on screen is
 * still that lesson's (opening another scenario ends the lesson without anyone telling it).
 */
export function activeLesson(state: DebuggerState): Lesson | null {
  const lesson = state.lesson?.lesson;
  if (!lesson || !state.recording) return null;
  return state.recording.scenario.name === lesson.scenario.name ? lesson : null;
}

/**
 * The active lesson as it would be saved: its captions over the scenario on screen, which has
 * the teacher's own steps (a fork, a kill, a replayed counterexample) if they added some.
 */
export function lessonOnScreen(state: DebuggerState): Lesson | null {
  const lesson = activeLesson(state);
  return lesson && state.recording ? { ...lesson, scenario: state.recording.scenario } : null;
}

/** Caption frames of the active lesson, or null. */
export function activeCaptionFrames(state: DebuggerState): number[] | null {
  const lesson = activeLesson(state);
  return lesson && state.recording ? captionFrames(state.recording, lesson.captions) : null;
}

/** Frame of the next caption after the cursor, or null at the end of the lesson. */
export function nextCaptionFrame(state: DebuggerState): number | null {
  const frames = activeCaptionFrames(state);
  return frames?.find((f) => f > state.cursor) ?? null;
}

/** Frame of the caption before the cursor's, or null at the start. */
export function previousCaptionFrame(state: DebuggerState): number | null {
  const before = (activeCaptionFrames(state) ?? []).filter((f) => f < state.cursor);
  return before.length > 0 ? before[before.length - 1] : null;
}
