import { activeHolder as restartActiveHolder, type ActiveHolder } from '../../engine/restart/view';
import type { WorldSnapshot } from '../../engine/snapshot';
import type { SessionRecording } from '../../engine/session-types';
import type { WorldReplay } from '../../engine/timeline/timeline';
import { lastFrameOfStep } from '../../store/scenarioEdit';
import { isPartId } from '../../engine/part-id';
import type { Caption, CaptionAnchor } from './types';

/** The frame (cursor value) an anchor points at; -1 is the world before any event. */
export function anchorFrame(rec: SessionRecording, at: CaptionAnchor): number {
  if (at.step === undefined) return (rec.stepStarts[0] ?? rec.frames.length) - 1;
  const end = lastFrameOfStep(rec, at.step);
  if (!at.fn) return end;
  let seen = 0;
  const want = at.nth ?? 1;
  const { frames } = rec;
  for (let i = rec.stepStarts[at.step] ?? frames.length; i <= end; i++) {
    if (
      frames.fnAt(i) === at.fn &&
      (!at.actor || frames.actorAt(i) === at.actor) &&
      ++seen === want
    )
      return i;
  }
  // An anchor that no longer matches (the engine changed) still lands on its step.
  return end;
}

/**
 * The anchor of frame `frame`, the inverse of anchorFrame: "Add caption here" pins a caption to
 * the cursor with it. A step's last frame is the step itself; a frame inside a step is the n-th
 * event of its function by its participant (actors outside the restart are not named).
 */
export function anchorAt(rec: SessionRecording, frame: number): CaptionAnchor {
  const f = rec.frames.get(frame);
  if (frame < 0 || !f) return {};
  const step = f.step;
  if (frame === lastFrameOfStep(rec, step)) return { step };
  const { fn } = f.event;
  const actor = isPartId(f.event.actor) ? f.event.actor : undefined;
  let nth = 0;
  for (let i = rec.stepStarts[step]; i <= frame; i++) {
    if (rec.frames.fnAt(i) === fn && (!actor || rec.frames.actorAt(i) === actor)) nth++;
  }
  return { step, fn, ...(actor ? { actor } : {}), ...(nth > 1 ? { nth } : {}) };
}

export function captionFrames(rec: SessionRecording, captions: readonly Caption[]): number[] {
  return captions.map((c) => anchorFrame(rec, c.at));
}

/** The caption shown at `cursor`: the last one at or before it (the first before any). */
export function captionIndexAt(frames: readonly number[], cursor: number): number {
  let found = 0;
  frames.forEach((f, i) => {
    if (f <= cursor) found = i;
  });
  return found;
}

/**
 * Who holds active_pid in a world: a pid, 'complete' once it passed the last entry, 'failed'
 * once the restart has recorded an error (a hand-off that found no task to wake), or null.
 */
export type Holder = ActiveHolder | 'failed';

export function activeHolder(world: WorldSnapshot | null): Holder {
  const r = world?.restart;
  if (!r) return null;
  const h = restartActiveHolder(r);
  return h !== null && r.ctx?.error ? 'failed' : h;
}

export interface Prediction {
  /** The frame the guess is about (the next caption's). */
  target: number;
  answer: Exclude<Holder, null>;
  /** The choices offered: every pid of the restart, then completion and failure. */
  choices: Exclude<Holder, null>[];
}

/**
 * A question for predict mode when going from `from` to `to` hands active_pid to someone else
 * inside the same restart; null when the step does not move the baton. A caption that `asked`
 * for it (crviz-lesson/1 "ask") gets its question whenever a restart is under way at `to`.
 */
export function predictionFor(
  timeline: WorldReplay,
  from: number,
  to: number,
  asked = false,
): Prediction | null {
  if (to <= from) return null;
  const before = timeline.at(from);
  const after = timeline.at(to);
  const answer = activeHolder(after);
  if (answer === null || !after.restart) return null;
  if (!asked && before.restart && before.restart.container === after.restart.container) {
    if (activeHolder(before) === answer) return null;
  }
  return { target: to, answer, choices: [...after.restart.pids, 'complete', 'failed'] };
}

export function holderText(h: Exclude<Holder, null>, world: WorldSnapshot): string {
  if (h === 'complete') return 'nobody: active_pid passes the last entry and restart completes';
  if (h === 'failed') return 'nobody: the hand-off fails and the restart with it';
  // Pass the world before the run: during restart every task is still called "restart".
  const comm = world.containers.flatMap((c) => c.tasks).find((t) => t.pid === h)?.comm;
  return comm ? `pid ${h} ${comm}` : `pid ${h}`;
}
