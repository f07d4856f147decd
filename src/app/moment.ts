import type { Variant } from '../engine/scenario/types';

/**
 * A moment of a session, as links, exported PNGs and the saved session carry it: the scenario's
 * text (the engine's parser checks it on opening) and where the user was in it.
 */
export interface Moment {
  /** The scenario as crviz-scenario/1 JSON text. */
  scenarioText: string;
  variant: Variant | null;
  schedule: string;
  /** The frame to show; beyond the end (Number.MAX_SAFE_INTEGER) is the last step. */
  cursor: number;
  selection: number | null;
  /** The built-in lesson being followed, so a lesson link opens with its captions. */
  lesson?: string | null;
}
