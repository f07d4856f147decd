import type { FrameList } from '../engine/timeline/frames';
import { hitsAny } from './breakpoints';
import type { Breakpoint } from './types';

/**
 * Jumps through a recording, like Perfetto's `.`/`,` and rr's reverse-continue: each gives the
 * frame to move the cursor to, or -1 when there is none in that direction. `from` is the
 * cursor (-1 is the world before any event); the frame at `from` itself is never the answer.
 */

/** The first frame index after `from` in direction `dir` that `match` accepts (columns only). */
function nextIndex(frames: FrameList, from: number, dir: 1 | -1, match: (i: number) => boolean) {
  for (let i = from + dir; i >= 0 && i < frames.length; i += dir) if (match(i)) return i;
  return -1;
}

/** The next event by or on task `pid` (eventOfTask, read from the columns). */
export function nextTaskEvent(frames: FrameList, from: number, dir: 1 | -1, pid: number) {
  return nextIndex(
    frames,
    from,
    dir,
    (i) => frames.pidAt(i) === pid || frames.actorPidAt(i) === pid,
  );
}

export function nextFnEvent(frames: FrameList, from: number, dir: 1 | -1, fn: string) {
  return nextIndex(frames, from, dir, (i) => frames.fnAt(i) === fn);
}

/** The last breakpoint hit before `from` (what reverse-continue stops at). */
export function previousHit(frames: FrameList, from: number, bps: Breakpoint[]): number {
  if (!bps.length) return -1;
  return nextIndex(frames, from, -1, (i) => hitsAny(bps, frames, i));
}
