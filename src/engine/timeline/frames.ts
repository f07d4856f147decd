import type { Frame } from './changes';

/**
 * The frames of a recording, as everything after the recorder reads them: a length and one
 * frame at a time. A recording of a 100,000-task restart has over a million frames, which are
 * best kept in columns and built one by one when read, so readers never index, map or slice the
 * whole list; `get` (not `at`, whose −1 is the last element) is undefined outside the list.
 */
export interface FrameList {
  readonly length: number;
  /** Frame `i`, or undefined outside 0 … length − 1. Read it; do not keep or change it. */
  get(i: number): Frame | undefined;
}

/** A FrameList over frames held as objects (the recorder's, and tests'). */
export class FrameArray implements FrameList {
  constructor(readonly items: readonly Frame[]) {}

  get length(): number {
    return this.items.length;
  }

  get(i: number): Frame | undefined {
    return i >= 0 && i < this.items.length ? this.items[i] : undefined;
  }
}

export function frameList(items: readonly Frame[]): FrameArray {
  return new FrameArray(items);
}

/** The frames of no recording. */
export const NO_FRAMES: FrameList = new FrameArray([]);

/** Every frame as an object, for what must hold them all (a bench's peer, a trace export). */
export function allFrames(frames: FrameList): Frame[] {
  if (frames instanceof FrameArray) return frames.items.slice();
  return Array.from({ length: frames.length }, (_, i) => frames.get(i)!);
}
