import { isPartId, type PartId } from '../engine/part-id';
import type { Scenario, Step, Variant } from '../engine/scenario/types';
import type { SessionRecording } from '../engine/session-types';

/** Pure edits of a session's scenario; the recording is then re-run in the worker. */

export function appendStep(scenario: Scenario, step: Step): Scenario {
  return { ...scenario, steps: [...scenario.steps, step] };
}

/** Index of the scenario step that produced frame `cursor`, or -1 before the first event. */
export function stepIndexAt(recording: SessionRecording, cursor: number): number {
  if (cursor < 0) return -1;
  let found = -1;
  recording.stepStarts.forEach((start, i) => {
    if (start <= cursor && start < recording.frames.length) found = i;
  });
  return found;
}

/** Last frame of step `index` (its result), or the frame before it when it emitted nothing. */
export function lastFrameOfStep(recording: SessionRecording, index: number): number {
  const next = recording.stepStarts[index + 1] ?? recording.frames.length;
  return Math.min(next, recording.frames.length) - 1;
}

/**
 * Where the cursor goes after a user action added step `index`: a restart opens at its first
 * frame so it can be watched step by step; any other step shows its result (its last frame).
 */
export function cursorAfterStep(recording: SessionRecording, index: number): number {
  return recording.scenario.steps[index]?.op === 'restart'
    ? firstFrameOfStep(recording, index)
    : lastFrameOfStep(recording, index);
}

/** First frame of step `index` (the cursor after an action), clamped to the recording. */
export function firstFrameOfStep(recording: SessionRecording, index: number): number {
  const start = recording.stepStarts[index];
  if (start === undefined) return recording.frames.length - 1;
  return Math.min(start, recording.frames.length - 1);
}

/**
 * A manual schedule pick at `cursor` during a restart: that restart step's schedule becomes the
 * participants actually run so far (frame actors) plus `chosen`. Returns null when the cursor is
 * not inside a restart step.
 */
export function pickNextParticipant(
  recording: SessionRecording,
  cursor: number,
  chosen: PartId,
): { scenario: Scenario; stepIndex: number } | null {
  const stepIndex = stepIndexAt(recording, cursor);
  const step = recording.scenario.steps[stepIndex];
  if (!step || step.op !== 'restart') return null;
  const start = recording.stepStarts[stepIndex];
  // A user-space step's event names the task that did it; the schedule ran it as `scheduled`.
  const ran: PartId[] = [];
  // Column reads: the frames as objects would be every task row of a big restart rebuilt.
  const frames = recording.frames;
  for (let i = start; i <= cursor && i < frames.length; i++) {
    const scheduled = frames.dataAt(i)?.scheduled;
    const who = typeof scheduled === 'string' ? scheduled : frames.actorAt(i);
    if (isPartId(who)) ran.push(who);
  }
  const steps = recording.scenario.steps.slice();
  steps[stepIndex] = { ...step, schedule: [...ran, chosen] };
  return { scenario: { ...recording.scenario, steps }, stepIndex };
}

/** The scenario with its first restart step replaying `schedule` under `variant`. */
export function withRestartSchedule(
  scenario: Scenario,
  schedule: PartId[],
  variant: Variant,
): { scenario: Scenario; stepIndex: number } | null {
  const stepIndex = scenario.steps.findIndex((s) => s.op === 'restart');
  const step = scenario.steps[stepIndex];
  if (!step || step.op !== 'restart') return null;
  const steps = scenario.steps.slice();
  steps[stepIndex] = { ...step, schedule: schedule.slice(), variant };
  return { scenario: { ...scenario, steps }, stepIndex };
}
