import type { Frame } from '../engine/timeline/changes';
import type { FrameList } from '../engine/timeline/frames';
import { hitsAny } from './breakpoints';
import { eventOfTask } from './eventQuery';
import type { Breakpoint } from './types';

/**
 * Jumps through a recording, like Perfetto's `.`/`,` and rr's reverse-continue: each gives the
 * frame to move the cursor to, or -1 when there is none in that direction. `from` is the
 * cursor (-1 is the world before any event); the frame at `from` itself is never the answer.
 */

export function nextFrame(
  frames: FrameList,
  from: number,
  dir: 1 | -1,
  match: (f: Frame, i: number) => boolean,
): number {
  for (let i = from + dir; i >= 0 && i < frames.length; i += dir)
    if (match(frames.get(i)!, i)) return i;
  return -1;
}

export function nextTaskEvent(frames: FrameList, from: number, dir: 1 | -1, pid: number) {
  return nextFrame(frames, from, dir, (f) => eventOfTask(f.event, pid));
}

export function nextFnEvent(frames: FrameList, from: number, dir: 1 | -1, fn: string) {
  return nextFrame(frames, from, dir, (f) => f.event.fn === fn);
}

/** The last breakpoint hit before `from` (what reverse-continue stops at). */
export function previousHit(frames: FrameList, from: number, bps: Breakpoint[]): number {
  if (!bps.length) return -1;
  return nextFrame(frames, from, -1, (_f, i) => hitsAny(bps, frames, i));
}
