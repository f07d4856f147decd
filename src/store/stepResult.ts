import type { SessionRecording } from '../engine/session-types';
import { lastFrameOfStep, stepIndexAt } from './scenarioEdit';
import type { DebuggerState } from './types';

/** Steps whose result is an image (its name is the step's `image`). */
const WRITES_IMAGE = new Set(['checkpoint', 'patch', 'corrupt', 'truncate', 'load_image']);

/**
 * The image the step at `cursor` wrote, when the cursor shows that step's result (its last
 * frame) and the step succeeded; otherwise null. A failed checkpoint also leaves bytes behind
 * (the error record), but they are not the image the user asked for.
 */
export function imageWrittenAt(rec: SessionRecording | null, cursor: number): string | null {
  if (!rec) return null;
  const index = stepIndexAt(rec, cursor);
  const step = rec.scenario.steps[index];
  if (!step || !WRITES_IMAGE.has(step.op) || !('image' in step)) return null;
  if (lastFrameOfStep(rec, index) !== cursor) return null;
  const outcome = rec.report.steps.find((s) => s.index === index);
  return outcome?.ok ? step.image : null;
}

/** Module-level selector: the image written by the step the cursor shows the result of. */
export const selectImageWrittenHere = (s: DebuggerState): string | null =>
  imageWrittenAt(s.recording, s.cursor);
