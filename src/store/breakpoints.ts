import type { Frame } from '../engine/timeline/changes';
import type { FrameList } from '../engine/timeline/frames';
import type { Breakpoint } from './types';

/** Whether arriving at `frame` hits `bp` (on a kernel function, a task becoming active, any error). */
export function hitsBreakpoint(bp: Breakpoint, frame: Frame, previous: Frame | undefined): boolean {
  switch (bp.kind) {
    case 'fn':
      return frame.event.fn === bp.fn;
    case 'error':
      return !!frame.event.errno;
    case 'active':
      return frame.active === bp.pid && previous?.active !== bp.pid;
  }
}

export function hitsAny(bps: Breakpoint[], frames: FrameList, index: number): boolean {
  const f = frames.get(index);
  return !!f && bps.some((bp) => hitsBreakpoint(bp, f, frames.get(index - 1)));
}
