import type { Scenario } from '../../engine/scenario/types';
import type { DebuggerInstance } from '../instance';
import { decodeMoment, isMomentHash, type Inflate } from './linkCodec';
import { lessonById } from '../lessons/catalog';
import type { Lesson } from '../lessons/types';
import type { EmbedOptions } from './embedOptions';
import { loadPersisted } from './persist';
import { openBuiltInLesson, openLesson } from '../lessons/openLesson';

/**
 * What the app opens on: a crviz link in the URL fragment first, else a built-in lesson named by
 * `?lesson=ID`, else the session saved before a reload (when `persist`), else `fallback`.
 */
export async function openInitial(
  instance: DebuggerInstance,
  fallback: Scenario,
  persist: boolean,
): Promise<void> {
  const hash = window.location.hash;
  const saved = persist ? loadPersisted() : null;
  if (isMomentHash(hash)) {
    const moment = await decodeMoment(hash, inflaterOf(instance)).catch((err: Error) => err);
    // A broken link must not replace saved work: its error is shown and the saved session opens.
    const opened = await instance.app.applyMoment(moment, 'The link', saved ? undefined : fallback);
    if (persist) forgetLink();
    if (opened || !saved) return;
    instance.store.getState().notify('info', 'Your saved session was kept.');
  }
  const lessonId = new URLSearchParams(window.location.search).get('lesson');
  if (lessonId !== null && !isMomentHash(hash) && (await openBuiltInLesson(instance, lessonId))) {
    return;
  }
  if (saved) {
    await instance.app.applyMoment(saved, 'The saved session', fallback);
    return;
  }
  await instance.app.loadScenario(fallback);
}

/** Links inflate in the engine worker, off the page's thread. */
function inflaterOf(instance: DebuggerInstance): Inflate {
  return (bytes, limit) => instance.inflate(bytes, limit);
}

/**
 * Once a link is open, the session is what the user does next: the fragment goes, so that a
 * reload brings back the saved session rather than the link's moment.
 */
function forgetLink(): void {
  const { pathname, search } = window.location;
  window.history.replaceState(window.history.state, '', `${pathname}${search}`);
}

/** Opens links pasted into the address bar of an open page (only the fragment changes). */
export function installHashListener(instance: DebuggerInstance, persist = true): () => void {
  const onHash = () => {
    if (!isMomentHash(window.location.hash)) return;
    void decodeMoment(window.location.hash, inflaterOf(instance))
      .catch((err: Error) => err)
      // The page has a session already: a broken link leaves it as it is (no fallback).
      .then((m) => instance.app.applyMoment(m, 'The link'))
      .then(() => {
        if (persist) forgetLink();
      });
  };
  window.addEventListener('hashchange', onHash);
  return () => window.removeEventListener('hashchange', onHash);
}

/**
 * What an embed opens on (`?embed=1`, options in `embedOptions.ts`): a crviz link in the
 * fragment, else the lesson named by `lesson=`, else `fallback` at its first step; then the
 * start step and autoplay. Nothing is read from or written to the saved session.
 */
export async function openEmbedInitial(
  instance: DebuggerInstance,
  options: EmbedOptions,
  fallback: Scenario,
  findLesson: (id: string) => Lesson | undefined = lessonById,
): Promise<void> {
  const state = () => instance.store.getState();
  for (const problem of options.problems) state().notify('warning', problem);
  let opened = false;
  if (isMomentHash(window.location.hash)) {
    const moment = await decodeMoment(window.location.hash, inflaterOf(instance)).catch(
      (err: Error) => err,
    );
    opened = await instance.app.applyMoment(moment, 'The link');
  }
  if (!opened && options.lesson !== null) {
    const lesson = findLesson(options.lesson);
    if (lesson) opened = await openLesson({ app: instance.app, state: state() }, lesson);
    else
      state().notify(
        'warning',
        `embed option lesson=${JSON.stringify(options.lesson)}: no such lesson`,
      );
  }
  if (!opened && !(await instance.app.loadScenario(fallback, () => -1))) return;
  if (options.step !== null) state().setCursor(options.step - 1);
  if (options.autoplay) state().play();
}
