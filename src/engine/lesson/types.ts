import type { Scenario, Variant } from '../scenario/types';

/** The format tag of a lesson file (docs/FORMATS.md, schemas/crviz-lesson.schema.json). */
export const LESSON_FORMAT = 'crviz-lesson/1';

/**
 * Where a caption sits. Without `step` it is the tree as loaded (before the first step). With
 * `step` alone it is that step's result (its last frame). With `fn` it is the `nth` (1-based,
 * default 1) event of that kernel function inside the step, optionally by one `actor`.
 */
export interface CaptionAnchor {
  step?: number;
  fn?: string;
  actor?: string;
  nth?: number;
}

/** What a caption may ask before it is shown: who holds active_pid at its moment. */
export const CAPTION_QUESTIONS = ['active_pid'] as const;
export type CaptionQuestion = (typeof CAPTION_QUESTIONS)[number];

export interface Caption {
  at: CaptionAnchor;
  text: string;
  /** Ask the learner first: "who gets active_pid next?" (answered at this caption's moment). */
  ask?: CaptionQuestion;
}

/**
 * A lesson: a scenario (inline, checked by the scenario parser), the restart parameters the
 * page starts with, and the captions that narrate the run, each pinned to a moment of it.
 */
export interface Lesson {
  id: string;
  title: string;
  summary?: string;
  /** The variant the page's Restart uses (the scenario's own steps keep theirs). */
  variant?: Variant;
  /** The schedule the page's Restart uses: "fifo" or "random:SEED". */
  schedule?: string;
  scenario: Scenario;
  captions: Caption[];
}
