import type { SessionRecording } from '../engine/session-types';
import { lastFrameOfStep, stepIndexAt } from './scenarioEdit';
import type { DebuggerState, Notice, NoticeStep } from './types';

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

/** What a notice about step `index` of `rec` carries to know its step again. */
export function noticeStep(rec: SessionRecording, index: number): NoticeStep {
  return { index, json: JSON.stringify(rec.scenario.steps[index] ?? null) };
}

/**
 * Whether the cursor shows step `index`: it is on one of the step's frames, or, for a step that
 * emitted none (refused before any event), on the frame before it, which is that step's result.
 */
export function cursorOnStep(rec: SessionRecording, cursor: number, index: number): boolean {
  const start = rec.stepStarts[index];
  if (start === undefined) return false;
  const end = lastFrameOfStep(rec, index);
  return start > end ? cursor === end : start <= cursor && cursor <= end;
}

/**
 * Whether a notice is shown at `cursor`: one about a step's result only while that very step
 * (not another put at its index since) is the one the cursor shows; any other always.
 */
export function noticeShown(n: Notice, rec: SessionRecording | null, cursor: number): boolean {
  if (!n.step) return true;
  if (!rec || JSON.stringify(rec.scenario.steps[n.step.index] ?? null) !== n.step.json) {
    return false;
  }
  return cursorOnStep(rec, cursor, n.step.index);
}
