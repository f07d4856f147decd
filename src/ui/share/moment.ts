import { errorText } from '../../engine/error-text';
import type { Scenario } from '../../engine/scenario/types';
import type { DebuggerState } from '../../store/types';
import type { DebuggerInstance } from '../instance';
import { activeLesson } from '../lessons/active';
import { lessonById } from '../lessons/catalog';
import type { Moment } from './linkCodec';

/** Where the user is in the scenario: restart parameters, cursor, selection and lesson. */
export function positionOf(state: DebuggerState): Omit<Moment, 'scenarioText'> {
  return {
    variant: state.params.variant,
    schedule: state.params.schedule,
    cursor: state.cursor,
    selection: state.selection,
    lesson: activeLesson(state)?.id ?? null,
  };
}

/** The moment on screen: the scenario and the position in it. */
export function momentOf(state: DebuggerState): Moment | null {
  if (!state.recording) return null;
  return { scenarioText: JSON.stringify(state.recording.scenario), ...positionOf(state) };
}

/**
 * Opens a moment: the scenario goes through the engine's parser, then the parameters, cursor and
 * selection are set. On any problem the notice says what came from where, and `fallback` (the
 * default scenario) is opened instead, so a bad link never leaves an empty page.
 */
export async function restoreMoment(
  instance: DebuggerInstance,
  moment: Moment | Error,
  source: string,
  fallback: Scenario,
): Promise<boolean> {
  const { store, client, session } = instance;
  const fail = async (why: string) => {
    store
      .getState()
      .notify('error', `${source} could not be opened: ${why}. Showing the default scenario.`);
    await session.loadScenario(fallback);
    return false;
  };
  if (moment instanceof Error) return fail(moment.message);
  let scenario: Scenario;
  try {
    scenario = await client.parse(moment.scenarioText, source);
  } catch (err) {
    return fail(errorText(err));
  }
  if (!(await session.loadScenario(scenario))) return fail('the engine could not run it');
  const state = store.getState();
  const lesson = moment.lesson ? lessonById(moment.lesson) : undefined;
  state.setLesson(lesson ? { id: lesson.id, predict: false } : null);
  state.setParams({ variant: moment.variant, schedule: moment.schedule });
  state.setCursor(moment.cursor);
  const pids = new Set(
    store.getState().snapshot?.containers.flatMap((c) => c.tasks.map((t) => t.pid)),
  );
  state.select(moment.selection !== null && pids.has(moment.selection) ? moment.selection : null);
  return true;
}
