import type { Scenario } from '../../engine/scenario/types';
import type { DebuggerInstance } from '../instance';
import { decodeMoment, isMomentHash } from './linkCodec';
import { loadPersisted } from './persist';

/**
 * What the app opens on: a crviz link in the URL fragment first, else the session saved before a
 * reload (when `persist`), else `fallback`.
 */
export async function openInitial(
  instance: DebuggerInstance,
  fallback: Scenario,
  persist: boolean,
): Promise<void> {
  const hash = window.location.hash;
  if (isMomentHash(hash)) {
    const moment = await decodeMoment(hash).catch((err: Error) => err);
    await instance.app.applyMoment(moment, 'The link', fallback);
    if (persist) forgetLink();
    return;
  }
  const saved = persist ? loadPersisted() : null;
  if (saved) {
    await instance.app.applyMoment(saved, 'The saved session', fallback);
    return;
  }
  await instance.app.loadScenario(fallback);
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
export function installHashListener(
  instance: DebuggerInstance,
  fallback: Scenario,
  persist = true,
): () => void {
  const onHash = () => {
    if (!isMomentHash(window.location.hash)) return;
    void decodeMoment(window.location.hash)
      .catch((err: Error) => err)
      .then((m) => instance.app.applyMoment(m, 'The link', fallback))
      .then(() => {
        if (persist) forgetLink();
      });
  };
  window.addEventListener('hashchange', onHash);
  return () => window.removeEventListener('hashchange', onHash);
}
