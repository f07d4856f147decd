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

/**
 * The same for frame `index` of `frames`, through its columns (no frame is built: markers and
 * Reverse continue ask it of every frame of a 1.4-million-frame restart).
 */
export function hitsAny(bps: Breakpoint[], frames: FrameList, index: number): boolean {
  if (!(index >= 0 && index < frames.length)) return false;
  for (const bp of bps) {
    switch (bp.kind) {
      case 'fn':
        if (frames.fnAt(index) === bp.fn) return true;
        break;
      case 'error':
        if (frames.errnoAt(index)) return true;
        break;
      case 'active':
        if (
          frames.activeAt(index) === bp.pid &&
          (index === 0 || frames.activeAt(index - 1) !== bp.pid)
        )
          return true;
    }
  }
  return false;
}
