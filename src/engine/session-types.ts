import type { Frame, WorldSnapshot } from './snapshot';
import type { Scenario } from './scenario/types';

/**
 * A scenario run recorded for the debugger: the world before any step, then one frame per
 * engine event. Stepping back is moving a cursor over `frames`; nothing is undone.
 */
export interface SessionRecording {
  scenario: Scenario;
  initial: WorldSnapshot;
  frames: Frame[];
  /** frames index of the first event of each scenario step (frames.length when it emitted none). */
  stepStarts: number[];
  /** The crviz-report/1 object of the run. */
  report: unknown;
  /** Images by name at the end of the run (for the image view and downloads). */
  images: Record<string, Uint8Array>;
}
