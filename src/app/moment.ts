import type { Lesson } from '../engine/lesson/types';
import { isVariant, type Variant } from '../engine/scenario/types';

/**
 * A lesson as a moment carries it: the crviz-lesson/1 document without its scenario (the
 * moment's scenarioText is that). Links and sessions from before lessons were data name a
 * built-in lesson by its id instead. Either is input: it is checked when the moment opens.
 */
export type CarriedLesson = Omit<Lesson, 'scenario'>;

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
  /** The lesson being followed, so a lesson link opens with its captions. */
  lesson?: CarriedLesson | string | null;
}

/** A restart schedule the page can ask for: `fifo` or `random:SEED`. */
export function validSchedule(s: unknown): s is string {
  return typeof s === 'string' && /^(fifo|random:\d{1,15})$/.test(s);
}

export function validVariant(v: unknown): v is Variant | null {
  return v === null || isVariant(v);
}
