import type { Scenario } from '../engine/scenario/types';
import type { SessionRecording } from '../engine/session-types';
import { TASK_STATE_NAMES, TASK_VIEW_FIELDS, TASK_VIEW_KEYS } from '../engine/kernel/view';
import type { TaskView } from '../engine/snapshot';
import type { Frame, TaskChange } from '../engine/timeline/changes';
import { allFrames, frameList } from '../engine/timeline/frames';
import { PACK_MIN, packStrings, stringAt, type StringColumn } from './columns';
import { fromWire, toWire, type WireScenario } from './wireScenario';

/**
 * Posting a recording to the page costs its objects: structured clone deserializes about a
 * million small objects a second on the page's thread, so a 100,000-task restart (a few hundred
 * thousand task views) would freeze the page for over a second. Long lists of tasks therefore
 * travel as columns (typed arrays and one string) and are rebuilt on the page with plain object
 * literals, which is several times faster. Short lists stay as they are.
 */

/**
 * A task view's columns, from the engine's table of its fields: each `int` field one Int32, and
 * one more Int32 with the state name's number in its low three bits and a bit per `flag` field
 * above them; `text` fields are string columns.
 */
const INTS = TASK_VIEW_KEYS.filter((k) => TASK_VIEW_FIELDS[k].wire === 'int');
const FLAGS = TASK_VIEW_KEYS.filter((k) => TASK_VIEW_FIELDS[k].wire === 'flag');
const TEXTS = TASK_VIEW_KEYS.filter((k) => TASK_VIEW_FIELDS[k].wire === 'text');
const STATE_BITS = 3;
const TASK_FIELDS = INTS.length + 1;
const BITS = INTS.length;

/** A list of task views (or holes) as columns. */
export interface PackedTasks {
  n: number;
  /** The int fields of each task, then its state and flags (see TASK_FIELDS above). */
  nums: Int32Array;
  /** One column per text field (the comm). */
  texts: StringColumn[];
  /** 0 where the list has null. */
  present: Uint8Array;
}

/** Where a packed list goes back in the recording. */
export type Pack =
  | { kind: 'initial'; container: number; tasks: PackedTasks }
  | { kind: 'tasks'; frame: number; c: Int32Array; pid: Int32Array; after: PackedTasks };

export interface PackedRecording {
  /**
   * The recording with its long lists emptied; its scenario null when it is the one sent; its
   * frames as an array (what structured clone carries).
   */
  recording: Omit<SessionRecording, 'scenario' | 'frames'> & {
    scenario: WireScenario | null;
    frames: Frame[];
  };
  packs: Pack[];
}

export function packTasks(list: readonly (TaskView | null)[]): PackedTasks {
  const n = list.length;
  const nums = new Int32Array(n * TASK_FIELDS);
  const present = new Uint8Array(n);
  list.forEach((t, i) => {
    if (!t) return;
    const o = i * TASK_FIELDS;
    for (let j = 0; j < INTS.length; j++) nums[o + j] = t[INTS[j]] as number;
    let bits = TASK_STATE_NAMES.indexOf(t.state);
    for (let j = 0; j < FLAGS.length; j++) if (t[FLAGS[j]]) bits |= 1 << (STATE_BITS + j);
    nums[o + BITS] = bits;
    present[i] = 1;
  });
  const texts = TEXTS.map((k) => packStrings(list.map((t) => (t ? (t[k] as string) : null))));
  return { n, nums, texts, present };
}

/** Where each int field sits in a task's columns. */
const AT = Object.fromEntries(INTS.map((k, j) => [k, j])) as Record<keyof TaskView, number>;
const FLAG_BIT = Object.fromEntries(FLAGS.map((k, j) => [k, 1 << (STATE_BITS + j)])) as Record<
  keyof TaskView,
  number
>;

/**
 * Rebuilt as an object literal (the compiler asks for every field; pack.test.ts checks the keys
 * come back in table order): on the page's thread, a walk over the table to build each view
 * took three times as long for 100,000 tasks.
 */
export function unpackTasks(p: PackedTasks): (TaskView | null)[] {
  const out: (TaskView | null)[] = new Array(p.n);
  const { nums, present } = p;
  const [comms] = p.texts;
  for (let i = 0; i < p.n; i++) {
    if (!present[i]) {
      out[i] = null;
      continue;
    }
    const o = i * TASK_FIELDS;
    const bits = nums[o + BITS];
    out[i] = {
      pid: nums[o + AT.pid],
      tgid: nums[o + AT.tgid],
      ppid: nums[o + AT.ppid],
      pgid: nums[o + AT.pgid],
      sid: nums[o + AT.sid],
      comm: stringAt(comms, i),
      state: TASK_STATE_NAMES[bits & ((1 << STATE_BITS) - 1)],
      exit_code: nums[o + AT.exit_code],
      exit_signal: nums[o + AT.exit_signal],
      pdeath_signal: nums[o + AT.pdeath_signal],
      frozen: (bits & FLAG_BIT.frozen) !== 0,
      traced: (bits & FLAG_BIT.traced) !== 0,
    };
  }
  return out;
}

/**
 * Moves the recording's long lists into columns, and leaves the scenario out when it is the
 * one the page sent (`sentText`: its JSON). Consumes `rec` (the worker posts it and forgets
 * it): the lists it packs are emptied in place.
 */
export function packRecording(rec: SessionRecording, sentText?: string): PackedRecording {
  const packs: Pack[] = [];
  rec.initial.containers.forEach((c, container) => {
    if (c.tasks.length < PACK_MIN) return;
    packs.push({ kind: 'initial', container, tasks: packTasks(c.tasks) });
    c.tasks = [];
  });
  const frames = allFrames(rec.frames);
  frames.forEach((f, frame) => {
    const ch = f.change;
    if (!ch) return;
    if (ch.tasks && ch.tasks.length >= PACK_MIN) {
      packs.push({
        kind: 'tasks',
        frame,
        c: Int32Array.from(ch.tasks, (t) => t.c),
        pid: Int32Array.from(ch.tasks, (t) => t.pid),
        after: packTasks(ch.tasks.map((t) => t.after)),
      });
      ch.tasks = [];
    }
  });
  const same = sentText !== undefined && JSON.stringify(rec.scenario) === sentText;
  return { recording: { ...rec, frames, scenario: same ? null : toWire(rec.scenario) }, packs };
}

/** Puts the packed lists (and the scenario the page sent) back: the recording as the engine made it. */
export function unpackRecording(packed: PackedRecording, sent: Scenario): SessionRecording {
  const rec = withScenario(packed, sent);
  for (const p of packed.packs) applyPack(rec, p);
  return rec;
}

/**
 * The same, one packed list per turn of the event loop (`turn` waits for the next one): a
 * 100,000-task restart has several lists of 100,000 tasks, each a few tens of milliseconds.
 */
export async function unpackRecordingInTurns(
  packed: PackedRecording,
  sent: Scenario,
  turn: () => Promise<void>,
): Promise<SessionRecording> {
  const rec = withScenario(packed, sent);
  for (const p of packed.packs) {
    await turn();
    applyPack(rec, p);
  }
  return rec;
}

function withScenario({ recording }: PackedRecording, sent: Scenario): SessionRecording {
  return {
    ...recording,
    frames: frameList(recording.frames),
    scenario: recording.scenario ? fromWire(recording.scenario) : sent,
  };
}

function applyPack(rec: SessionRecording, p: Pack): void {
  if (p.kind === 'initial') {
    rec.initial.containers[p.container].tasks = unpackTasks(p.tasks) as TaskView[];
    return;
  }
  const after = unpackTasks(p.after);
  const tasks: TaskChange[] = new Array(p.c.length);
  for (let i = 0; i < p.c.length; i++) tasks[i] = { c: p.c[i], pid: p.pid[i], after: after[i] };
  rec.frames.get(p.frame)!.change!.tasks = tasks;
}
