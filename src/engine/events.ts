import type { KernelFn } from './kernel-fns';
import type { Actor } from './part-id';

/**
 * One engine step = one event, named after the kernel (or user-space tool) function it stands
 * for. `actor` is `coord`, `pid:N` (a task of the current container), `user` for actions
 * outside any task (freezer writes, destroy), or `checkpoint` for the checkpointer.
 */
export interface EngineEvent {
  seq: number;
  actor: Actor;
  fn: KernelFn;
  what: string;
  /** The task the step acted on, when there is one. */
  pid?: number;
  /** errno name when the step failed or recorded an error. */
  errno?: string;
  /** Small, flat facts about the state change (active_pid, refcount, status, ...). */
  data?: Record<string, number | string | boolean | null>;
}

export type EventInput = Omit<EngineEvent, 'seq'> & {
  /**
   * For an event whose function may change any task (KERNEL_FNS 'any'): the tasks it did act
   * on, when the step that emits it knows them exactly (a restart step that logged its kernel
   * sub-steps elsewhere). Not stored in the event; the session's timeline recorder then compares
   * only these tasks (and their parents) instead of every task.
   */
  touched?: readonly number[];
};

/** Append-only event list owned by one world; never shared between worlds. */
export class EngineLog {
  readonly events: EngineEvent[] = [];
  private seq = 0;

  emit(e: EventInput): EngineEvent {
    // Field by field so `seq` comes first in JSON; no spread on this hot path.
    const ev: EngineEvent = { seq: this.seq++, actor: e.actor, fn: e.fn, what: e.what };
    if (e.pid !== undefined) ev.pid = e.pid;
    if (e.errno !== undefined) ev.errno = e.errno;
    if (e.data !== undefined) ev.data = e.data;
    this.events.push(ev);
    return ev;
  }

  get length(): number {
    return this.events.length;
  }

  /** Drops events after `length` (a failed op is rolled back with its events). */
  truncate(length: number): void {
    this.events.length = length;
    this.seq = length === 0 ? 0 : this.events[length - 1].seq + 1;
  }
}

/** A log that keeps nothing: the explorer steps millions of states and replays the one it reports. */
export class NullLog extends EngineLog {
  override emit(e: EventInput): EngineEvent {
    return { seq: 0, ...e };
  }
}
