/**
 * A lesson: a crviz-scenario/1 file (checked by the engine's parser when it is opened) and the
 * captions that narrate it. Each caption is pinned to a moment of the run, so the timeline cursor
 * and the caption always agree, whichever of the two the learner moves.
 */

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

export interface Caption {
  at: CaptionAnchor;
  text: string;
}

export interface Lesson {
  id: string;
  title: string;
  summary: string;
  /** The scenario exactly as a crviz-scenario/1 file would hold it. */
  scenario: Record<string, unknown>;
  captions: Caption[];
}
