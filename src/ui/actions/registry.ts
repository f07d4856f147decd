import { containerActions } from './containerActions';
import { engineActions } from './engineActions';
import { galleryActions } from './galleryActions';
import { lessonActions } from './lessonActions';
import { shareActions } from './shareActions';
import { taskActions } from './taskActions';
import { timelineActions } from './timelineActions';
import type { Action } from './types';

/** The one action registry: toolbar, shortcuts and the help sheet all read it. */
export const ACTIONS: readonly Action[] = [
  ...taskActions,
  ...containerActions,
  ...timelineActions,
  ...lessonActions,
  ...galleryActions,
  ...shareActions,
  ...engineActions,
];

export function actionById(id: string): Action {
  const a = ACTIONS.find((x) => x.id === id);
  if (!a) throw new Error(`unknown action ${id}`);
  return a;
}

export function actionForKey(key: string): Action | undefined {
  return ACTIONS.find((a) => a.shortcut === key);
}
