import type { Moment } from '../../app/moment';
import type { DebuggerState } from '../../store/types';
import { carriedLesson } from '../../app/momentLesson';
import { activeLesson } from '../lessons/active';

/** Where the user is in the scenario: restart parameters, cursor, selection and lesson. */
export function positionOf(state: DebuggerState): Omit<Moment, 'scenarioText'> {
  return {
    variant: state.params.variant,
    schedule: state.params.schedule,
    cursor: state.cursor,
    selection: state.selection,
    lesson: lessonCarried(state),
  };
}

/** The active lesson without its scenario (the moment's scenario is the one on screen). */
function lessonCarried(state: DebuggerState) {
  const lesson = activeLesson(state);
  return lesson ? carriedLesson(lesson) : null;
}

/** The moment on screen: the scenario and the position in it. */
export function momentOf(state: DebuggerState): Moment | null {
  if (!state.recording) return null;
  return { scenarioText: JSON.stringify(state.recording.scenario), ...positionOf(state) };
}
