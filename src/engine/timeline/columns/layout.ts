import type { ContainerHead } from '../changes';
import type { TextColumn } from './grow';

/**
 * The compact recording: a scenario run as typed-array columns, written by FrameWriter while the
 * engine runs (in the worker) and read by RecordedFrames and WorldReplay (on the page), so the
 * 1.4 million frames of a 100,000-task restart never exist as objects at once, and the whole
 * recording crosses to the page as ArrayBuffers in the transfer list. Rows of every kind are
 * appended in frame order; frame i's rows are [end[i-1], end[i]) of their kind.
 */

/** The event of each frame: KERNEL_FN_NAMES index, actor, pid, errno, step, active pid, texts. */
export interface EventColumns {
  seq: Int32Array;
  /** Index into KERNEL_FN_NAMES. */
  fn: Uint8Array;
  /** The actor: a pid (>= 0), or ACTOR_COORD, ACTOR_USER, ACTOR_CHECKPOINT. */
  actor: Int32Array;
  /** The task the event names, NONE without one. */
  pid: Int32Array;
  /** The errno name's index in `strings`, NONE without one. */
  errno: Int32Array;
  step: Int32Array;
  /** Pid of the task holding active_pid after the frame, NONE outside a restart. */
  active: Int32Array;
  what: TextColumn;
  /** The event's data as JSON; empty without data. */
  data: TextColumn;
}

/** Task views: the initial world's (rows 0 .. initialTasks-1), then each frame's changes. */
export interface TaskRows {
  c: Int32Array;
  pid: Int32Array;
  /** 0: the task is gone (the change's `after` is null). */
  present: Uint8Array;
  /** TASK_FIELDS Int32s per row (task-codec.ts). */
  nums: Int32Array;
  comm: TextColumn;
  /** The row this row replaced for the same task (-1: none), so a step back is a read. */
  prev: Int32Array;
}

/** Participant views; a participant's id is partId(pid). */
export interface PartRows {
  /** The participant's index (0: the coordinator). */
  i: Int32Array;
  /** NONE for the coordinator. */
  pid: Int32Array;
  /** The program counter's index in `strings`. */
  pc: Int32Array;
  /** PART_* bits. */
  bits: Uint8Array;
  /** The row this row replaced at the same index (-1: the participant is new). */
  prev: Int32Array;
}

export const PART_SLEEPING = 1;
export const PART_RUNNABLE = 2;
export const PART_DONE = 4;
export const PART_ZOMBIE = 8;
export const PART_CTX = 16;
export const PART_HUNG = 32;

/** What a run's heads share: the arrays only grow during a run (changes.ts RestartHead). */
export interface HeadBase {
  variant: string;
  image: string;
  container: number;
  pids: number[];
  order: number[];
  history: number[];
}

/** Restart heads, one row per head the run went through. */
export interface HeadRows {
  base: Int32Array;
  orderLength: Int32Array;
  historyLength: Int32Array;
  active_pid: Int32Array;
  nr_pids: Int32Array;
  refcount: Int32Array;
  /** The ctx error's index in `strings`, NONE for null. */
  error: Int32Array;
  /** HEAD_* bits. */
  bits: Uint8Array;
}

export const HEAD_CTX = 1;
export const HEAD_COMPLETED = 2;
export const HEAD_SUCCESS = 4;
export const HEAD_FREED = 8;
export const HEAD_FINISHED = 16;

/** The rare parts of the world (a few per run): current container, images, container heads. */
export interface RareState {
  current: number;
  images: string[];
  containers: ContainerHead[];
}

/**
 * A participant list replaced wholesale at a frame (a restart began or ended), after the
 * frame's part rows before `at` and before the others.
 */
export interface PartsReset {
  frame: number;
  at: number;
  before: Int32Array;
  after: Int32Array;
}

/** The world after frame `frame`, whole: task rows by container then pid, participant rows. */
export interface Checkpoint {
  frame: number;
  tasks: Int32Array;
  parts: Int32Array;
}

export interface FrameColumns {
  frames: number;
  events: EventColumns;
  /** Per frame: end of its task rows, of its part rows; head row and rare state after it. */
  taskEnd: Uint32Array;
  partEnd: Uint32Array;
  /** -1: no restart. */
  headAt: Int32Array;
  rareAt: Int32Array;
  tasks: TaskRows;
  parts: PartRows;
  heads: HeadRows;
  bases: HeadBase[];
  rare: RareState[];
  resets: PartsReset[];
  /** Small strings by index: errno names, program counters, ctx error texts. */
  strings: string[];
  /** The world before the first frame: its task rows are 0 .. initialTasks-1. */
  initialTasks: number;
  initialParts: Int32Array;
  /** Part rows 0 .. initialPartRows-1 are the initial participants'. */
  initialPartRows: number;
  initialHead: number;
  initialRare: number;
  /** A checkpoint every `every` frames (after frames every-1, 2*every-1, ...). */
  every: number;
  checkpoints: Checkpoint[];
}

export const ACTOR_COORD = -1;
export const ACTOR_USER = -2;
export const ACTOR_CHECKPOINT = -3;

/** Every ArrayBuffer of the recording, for the transfer list of postMessage. */
export function recordingBuffers(c: FrameColumns): ArrayBuffer[] {
  const out = new Set<ArrayBuffer>();
  const add = (o: object) => {
    for (const v of Object.values(o)) {
      if (ArrayBuffer.isView(v)) out.add(v.buffer as ArrayBuffer);
      else if (v && typeof v === 'object' && !Array.isArray(v)) add(v);
    }
  };
  add(c.events);
  add(c.tasks);
  add(c.parts);
  add(c.heads);
  for (const k of [c.taskEnd, c.partEnd, c.headAt, c.rareAt, c.initialParts])
    out.add(k.buffer as ArrayBuffer);
  for (const r of c.resets)
    out.add(r.before.buffer as ArrayBuffer).add(r.after.buffer as ArrayBuffer);
  for (const k of c.checkpoints)
    out.add(k.tasks.buffer as ArrayBuffer).add(k.parts.buffer as ArrayBuffer);
  return [...out];
}

/** Bytes of the recording's columns, by part (the bench reports them). */
export function recordingBytes(c: FrameColumns): {
  events: number;
  changes: number;
  checkpoints: number;
} {
  const sum = (o: object): number => {
    let n = 0;
    for (const v of Object.values(o)) {
      if (ArrayBuffer.isView(v)) n += v.byteLength;
      else if (v && typeof v === 'object' && !Array.isArray(v)) n += sum(v);
    }
    return n;
  };
  return {
    events: sum(c.events),
    changes:
      sum(c.tasks) +
      sum(c.parts) +
      sum(c.heads) +
      c.taskEnd.byteLength +
      c.partEnd.byteLength +
      c.headAt.byteLength +
      c.rareAt.byteLength,
    checkpoints: c.checkpoints.reduce((n, k) => n + k.tasks.byteLength + k.parts.byteLength, 0),
  };
}
