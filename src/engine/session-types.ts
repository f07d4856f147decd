import type { ReportOutcome } from './scenario/report';
import type { WorldSnapshot } from './snapshot';
import type { FrameList } from './timeline/frames';
import type { Scenario } from './scenario/types';

/**
 * The part of crviz-report/1 the debugger needs: whether the run went as expected and each
 * step's outcome. The final world and image hashes are left out: the frames carry the world,
 * and a 100,000-task report would double what the worker posts.
 */
export type SessionReport = ReportOutcome;

/**
 * A scenario run recorded for the debugger: the world before any step, then one frame per
 * engine event. Stepping back is moving a cursor over `frames`; nothing is undone.
 */
export interface SessionRecording {
  scenario: Scenario;
  initial: WorldSnapshot;
  frames: FrameList;
  /** frames index of the first event of each scenario step (frames.length when it emitted none). */
  stepStarts: number[];
  report: SessionReport;
  /** Images by name at the end of the run. */
  images: Record<string, Uint8Array>;
  /**
   * Every image's bytes as each step left them, in order: `frame` is the first frame that shows
   * them (the last of the step that wrote them). A patch without `out` rewrites an image in
   * place, so the bytes at a frame are the last version at or before it, not the end's.
   */
  imageVersions: ImageVersion[];
}

export interface ImageVersion {
  name: string;
  frame: number;
  bytes: Uint8Array;
}

/** How far a running session is, reported while it runs (large restarts take seconds). */
export interface SessionProgress {
  /** Index of the scenario step being run; -1 while the initial tree is built. */
  step: number;
  steps: number;
  /** The step's op ("restart"), or "tree" while the initial tree is built. */
  op: string;
  /** Inside a restart: tasks restored so far, of `total`; otherwise 0 of 0. */
  done: number;
  total: number;
  events: number;
}
