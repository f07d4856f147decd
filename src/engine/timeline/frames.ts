import type { EngineEvent } from '../events';
import type { KernelFn } from '../kernel-fns';
import { parsePartId, type Actor } from '../part-id';
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
  /**
   * Column reads of frame i (0 … length − 1) without building the frame: what scans over a
   * million frames need (markers, breakpoints, jumps, the filter's terms, lesson anchors).
   */
  fnAt(i: number): KernelFn;
  actorAt(i: number): Actor;
  /** The pid of the task the event is by (a `pid:N` actor); undefined for any other actor. */
  actorPidAt(i: number): number | undefined;
  /** The pid the event names, if any. */
  pidAt(i: number): number | undefined;
  errnoAt(i: number): string | undefined;
  whatAt(i: number): string;
  stepAt(i: number): number;
  activeAt(i: number): number | null;
  /** The event's data (a schedule's `scheduled`, a record's fields), if it has any. */
  dataAt(i: number): EngineEvent['data'];
  /** Frame i's event alone (what a log row shows), without its change; undefined outside. */
  eventAt(i: number): EngineEvent | undefined;
  /** The first frame from `from` on whose event failed (has an errno), or −1. */
  nextErrorAt(from: number): number;
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

  fnAt(i: number): KernelFn {
    return this.items[i].event.fn;
  }

  actorAt(i: number): Actor {
    return this.items[i].event.actor;
  }

  actorPidAt(i: number): number | undefined {
    return parsePartId(this.items[i].event.actor) ?? undefined;
  }

  pidAt(i: number): number | undefined {
    return this.items[i].event.pid;
  }

  errnoAt(i: number): string | undefined {
    return this.items[i].event.errno;
  }

  whatAt(i: number): string {
    return this.items[i].event.what;
  }

  stepAt(i: number): number {
    return this.items[i].step;
  }

  activeAt(i: number): number | null {
    return this.items[i].active;
  }

  dataAt(i: number): EngineEvent['data'] {
    return this.items[i].event.data;
  }

  eventAt(i: number): EngineEvent | undefined {
    return this.get(i)?.event;
  }

  nextErrorAt(from: number): number {
    for (let i = Math.max(0, from); i < this.items.length; i++)
      if (this.items[i].event.errno) return i;
    return -1;
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
