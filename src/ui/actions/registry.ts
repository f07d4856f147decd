import { breakpointActions } from './breakpointActions';
import { containerActions } from './containerActions';
import { counterexampleActions } from './counterexampleActions';
import { engineActions } from './engineActions';
import { explorerActions } from './explorerActions';
import { exportActions } from './exportActions';
import { galleryActions } from './galleryActions';
import { historyActions } from './historyActions';
import { imageActions } from './imageActions';
import { lessonActions } from './lessonActions';
import { lessonAuthorActions } from './lessonAuthorActions';
import { presenterActions } from './presenterActions';
import { scenarioActions } from './scenarioActions';
import { searchActions } from './searchActions';
import { shareActions } from './shareActions';
import { taskActions } from './taskActions';
import { themeActions } from './themeActions';
import { timelineActions } from './timelineActions';
import { treeActions } from './treeActions';
import type { ActionSpec } from './types';

/**
 * The one action registry: toolbar, shortcuts, menus, the palette and the help sheet all read
 * it, and every user action runs through it (`runAction`). Its keys are the action ids.
 */
export const REGISTRY = {
  ...taskActions,
  ...containerActions,
  ...explorerActions,
  ...counterexampleActions,
  ...imageActions,
  ...timelineActions,
  ...treeActions,
  ...searchActions,
  ...breakpointActions,
  ...lessonActions,
  ...lessonAuthorActions,
  ...presenterActions,
  ...galleryActions,
  ...scenarioActions,
  ...historyActions,
  ...exportActions,
  ...shareActions,
  ...engineActions,
  ...themeActions,
};

export type ActionId = keyof typeof REGISTRY;

/** The argument action `Id` takes, as a rest tuple (empty for actions that take none). */
type PerformParams<Id extends ActionId> = Parameters<(typeof REGISTRY)[Id]['perform']>;
export type ActionArgs<Id extends ActionId> =
  PerformParams<Id> extends { length: 1 } ? [] : [arg?: PerformParams<Id>[1]];

export interface Action extends ActionSpec {
  id: ActionId;
}

const ids = Object.keys(REGISTRY) as ActionId[];

/** Every action, in registry order (the help sheet's and the palette's order). */
export const ACTIONS: readonly Action[] = ids.map((id) => ({ id, ...REGISTRY[id] }));

const BY_ID = new Map(ACTIONS.map((a) => [a.id, a]));

export function actionById(id: ActionId): Action {
  return BY_ID.get(id)!;
}

export function actionForKey(key: string): Action | undefined {
  return ACTIONS.find((a) => a.shortcut === key);
}
