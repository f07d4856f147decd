import { isVariant, type Variant } from '../engine/scenario/types';

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

/** A restart schedule the page can ask for: `fifo` or `random:SEED`. */
export function validSchedule(s: unknown): s is string {
  return typeof s === 'string' && /^(fifo|random:\d{1,15})$/.test(s);
}

export function validVariant(v: unknown): v is Variant | null {
  return v === null || isVariant(v);
}
