import type { DebuggerInstance } from '../instance';
import type { Moment } from '../../app/moment';
import { positionOf } from './moment';

/** Where the session survives a reload (one debugger per page persists: the main one). */
export const STORAGE_KEY = 'crviz.session.v1';
/**
 * The scenario's text is kept apart, written only when the scenario changes: moving the cursor
 * rewrites a few bytes, not a 2,000-task tree.
 */
export const SCENARIO_KEY = 'crviz.session.v1.scenario';

/**
 * Trees larger than this are not kept: their text would not fit in localStorage (about 5 MB;
 * a 100,000-task tree is about 13 MB), and making it would cost the page a long pause.
 */
const MAX_PERSISTED_TASKS = 10_000;

/** The saved moment, or null when there is none or it is unreadable (then it is dropped). */
export function loadPersisted(storage: Storage = localStorage): Moment | null {
  try {
    const raw = storage.getItem(STORAGE_KEY);
    if (!raw) return null;
    const m = JSON.parse(raw) as Partial<Moment>;
    m.scenarioText ??= storage.getItem(SCENARIO_KEY) ?? undefined;
    if (typeof m.scenarioText !== 'string' || typeof m.cursor !== 'number') throw new Error();
    return {
      scenarioText: m.scenarioText,
      variant: m.variant ?? null,
      schedule: typeof m.schedule === 'string' ? m.schedule : 'fifo',
      cursor: m.cursor,
      selection: typeof m.selection === 'number' ? m.selection : null,
      // Checked by the lesson reader when the session opens (applyMoment).
      lesson: m.lesson ?? null,
    };
  } catch {
    storage.removeItem(STORAGE_KEY);
    storage.removeItem(SCENARIO_KEY);
    return null;
  }
}

/**
 * Saves the session whenever the scenario, cursor, selection or lesson (a caption written)
 * changes, a little later so that
 * scrubbing writes once, not per frame. Returns the unsubscriber.
 */
export function installPersistence(instance: DebuggerInstance, storage: Storage = localStorage) {
  let timer: ReturnType<typeof setTimeout> | null = null;
  // The scenario that is in storage: its text is written once per scenario.
  let saved: unknown = null;
  /** Whether the user has been told that saving stopped working. */
  let notSaved = false;
  const save = () => {
    timer = null;
    const state = instance.store.getState();
    const scenario = state.recording?.scenario;
    if (!scenario) return;
    try {
      // Beyond what localStorage holds, a reload opens the default scenario.
      if (scenario.tree.length > MAX_PERSISTED_TASKS) {
        throw new Error(`it has more than ${MAX_PERSISTED_TASKS.toLocaleString('en')} tasks`);
      }
      if (saved !== scenario) {
        storage.setItem(SCENARIO_KEY, JSON.stringify(scenario));
        saved = scenario;
      }
      storage.setItem(STORAGE_KEY, JSON.stringify(positionOf(state)));
      notSaved = false;
    } catch (err) {
      // Quota exceeded or storage disabled: the session does not persist, and the user is told
      // once (until saving works again) rather than finding the default after a reload.
      saved = null;
      try {
        storage.removeItem(STORAGE_KEY);
        storage.removeItem(SCENARIO_KEY);
      } catch {
        // Storage that refuses even this is no worse off.
      }
      if (!notSaved) {
        notSaved = true;
        const why = err instanceof Error && err.message ? err.message : String(err);
        state.notify(
          'warning',
          `The session is no longer saved (${why}): a reload will not bring it back.`,
        );
      }
    }
  };
  const off = instance.store.subscribe((s, prev) => {
    if (
      s.recording === prev.recording &&
      s.cursor === prev.cursor &&
      s.selection === prev.selection &&
      s.lesson === prev.lesson
    )
      return;
    if (!s.recording) return;
    if (timer === null) timer = setTimeout(save, 250);
  });
  const flush = () => {
    if (timer !== null) {
      clearTimeout(timer);
      save();
    }
  };
  window.addEventListener('pagehide', flush);
  return () => {
    flush();
    off();
    window.removeEventListener('pagehide', flush);
  };
}
