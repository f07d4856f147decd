import type { EngineEvent } from '../../events';
import type { KernelFn } from '../../kernel-fns';
import { KERNEL_FN_NAMES } from '../../kernel-fns';
import type { Frame } from '../changes';
import type { FrameList } from '../frames';
import { NONE, textAt } from './grow';
import type { Actor } from '../../part-id';
import type { FrameColumns } from './layout';
import { ColumnReader } from './read';

/** Frames built lately and kept (the cursor's, its neighbours', a visible page of the log). */
const KEPT = 512;

/**
 * The frames of a compact recording as a FrameList (frames.ts): `get(i)` builds frame i's event and change from
 * the columns when it is read, and the column reads (`fnAt`, `pidAt`, ...) let scans over a
 * million frames (markers, breakpoints, the filter) go without building any frame.
 */
export class RecordedFrames implements FrameList {
  readonly reader: ColumnReader;
  private readonly recent = new Map<number, Frame>();
  private readonly recentEvents = new Map<number, EngineEvent>();

  constructor(readonly columns: FrameColumns) {
    this.reader = new ColumnReader(columns);
  }

  get length(): number {
    return this.columns.frames;
  }

  /**
   * Frame i. The frames read lately are kept, so reading the same frame twice gives the same
   * object (a store selector of the cursor's event must not see a new one on every render).
   */
  get(i: number): Frame | undefined {
    if (!(i >= 0 && i < this.columns.frames)) return undefined;
    const hit = this.recent.get(i);
    if (hit) return hit;
    const active = this.columns.events.active[i];
    const frame: Frame = {
      event: this.reader.event(i),
      step: this.columns.events.step[i],
      change: this.reader.change(i),
      active: active === NONE ? null : active,
    };
    this.recent.set(i, frame);
    if (this.recent.size > KEPT) this.recent.delete(this.recent.keys().next().value!);
    return frame;
  }

  fnAt(i: number): KernelFn {
    return KERNEL_FN_NAMES[this.columns.events.fn[i]];
  }

  actorAt(i: number): Actor {
    return this.reader.actor(i);
  }

  actorPidAt(i: number): number | undefined {
    const a = this.columns.events.actor[i];
    return a >= 0 ? a : undefined;
  }

  whatAt(i: number): string {
    return textAt(this.columns.events.what, i);
  }

  /** The pid the event names, or undefined. */
  pidAt(i: number): number | undefined {
    const p = this.columns.events.pid[i];
    return p === NONE ? undefined : p;
  }

  errnoAt(i: number): string | undefined {
    const e = this.columns.events.errno[i];
    return e === NONE ? undefined : this.columns.strings[e];
  }

  stepAt(i: number): number {
    return this.columns.events.step[i];
  }

  activeAt(i: number): number | null {
    const a = this.columns.events.active[i];
    return a === NONE ? null : a;
  }

  dataAt(i: number): EngineEvent['data'] {
    return this.reader.data(i);
  }

  /**
   * Frame i's event without building its change (a log row's): the change of a restore frame
   * is a task's whole row, 23 ms of the first render of a 100,000-task restart's log. Kept as
   * `get` keeps frames, so a row reads the same object twice.
   */
  eventAt(i: number): EngineEvent | undefined {
    if (!(i >= 0 && i < this.columns.frames)) return undefined;
    const built = this.recent.get(i)?.event ?? this.recentEvents.get(i);
    if (built) return built;
    const event = this.reader.event(i);
    this.recentEvents.set(i, event);
    if (this.recentEvents.size > KEPT)
      this.recentEvents.delete(this.recentEvents.keys().next().value!);
    return event;
  }

  /** One pass over the errno column (1.4 million frames in a few ms, not one call per frame). */
  nextErrorAt(from: number): number {
    const errno = this.columns.events.errno;
    const end = this.columns.frames;
    for (let i = Math.max(0, from); i < end; i++) if (errno[i] !== NONE) return i;
    return -1;
  }
}
