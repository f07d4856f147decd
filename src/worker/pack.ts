import type { Scenario } from '../engine/scenario/types';
import type { SessionRecording } from '../engine/session-types';
import type { TaskStateName, TaskView } from '../engine/snapshot';
import type { TaskChange } from '../engine/timeline/changes';
import { PACK_MIN, packStrings, stringAt, type StringColumn } from './columns';
import { fromWire, toWire, type WireScenario } from './wireScenario';

/**
 * Posting a recording to the page costs its objects: structured clone deserializes about a
 * million small objects a second on the page's thread, so a 100,000-task restart (a few hundred
 * thousand task views) would freeze the page for over a second. Long lists of tasks therefore
 * travel as columns (typed arrays and one string) and are rebuilt on the page with plain object
 * literals, which is several times faster. Short lists stay as they are.
 */

const STATES: readonly TaskStateName[] = ['running', 'stopped', 'traced', 'zombie', 'dead'];
const TASK_FIELDS = 9;

/** A list of task views (or holes) as columns. */
export interface PackedTasks {
  n: number;
  /** pid, tgid, ppid, pgid, sid, exit_code, exit_signal, pdeath_signal, flags per task. */
  nums: Int32Array;
  comms: StringColumn;
  /** 0 where the list has null. */
  present: Uint8Array;
}

/** Where a packed list goes back in the recording. */
export type Pack =
  | { kind: 'initial'; container: number; tasks: PackedTasks }
  | { kind: 'tasks'; frame: number; c: Int32Array; pid: Int32Array; after: PackedTasks };

export interface PackedRecording {
  /** The recording with its long lists emptied; its scenario null when it is the one sent. */
  recording: Omit<SessionRecording, 'scenario'> & { scenario: WireScenario | null };
  packs: Pack[];
}

export function packTasks(list: readonly (TaskView | null)[]): PackedTasks {
  const n = list.length;
  const nums = new Int32Array(n * TASK_FIELDS);
  const present = new Uint8Array(n);
  list.forEach((t, i) => {
    if (!t) return;
    const o = i * TASK_FIELDS;
    nums[o] = t.pid;
    nums[o + 1] = t.tgid;
    nums[o + 2] = t.ppid;
    nums[o + 3] = t.pgid;
    nums[o + 4] = t.sid;
    nums[o + 5] = t.exit_code;
    nums[o + 6] = t.exit_signal;
    nums[o + 7] = t.pdeath_signal;
    nums[o + 8] = STATES.indexOf(t.state) | (t.frozen ? 8 : 0) | (t.traced ? 16 : 0);
    present[i] = 1;
  });
  return { n, nums, comms: packStrings(list.map((t) => t?.comm ?? null)), present };
}

export function unpackTasks(p: PackedTasks): (TaskView | null)[] {
  const out: (TaskView | null)[] = new Array(p.n);
  const { nums, present } = p;
  for (let i = 0; i < p.n; i++) {
    if (!present[i]) {
      out[i] = null;
      continue;
    }
    const o = i * TASK_FIELDS;
    const flags = nums[o + 8];
    // Keys in TaskView order, so JSON of an unpacked view is byte-identical to the original's.
    out[i] = {
      pid: nums[o],
      tgid: nums[o + 1],
      ppid: nums[o + 2],
      pgid: nums[o + 3],
      sid: nums[o + 4],
      comm: stringAt(p.comms, i),
      state: STATES[flags & 7],
      exit_code: nums[o + 5],
      exit_signal: nums[o + 6],
      pdeath_signal: nums[o + 7],
      frozen: (flags & 8) !== 0,
      traced: (flags & 16) !== 0,
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
  rec.frames.forEach((f, frame) => {
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
  return { recording: { ...rec, scenario: same ? null : toWire(rec.scenario) }, packs };
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
  return { ...recording, scenario: recording.scenario ? fromWire(recording.scenario) : sent };
}

function applyPack(rec: SessionRecording, p: Pack): void {
  if (p.kind === 'initial') {
    rec.initial.containers[p.container].tasks = unpackTasks(p.tasks) as TaskView[];
    return;
  }
  const after = unpackTasks(p.after);
  const tasks: TaskChange[] = new Array(p.c.length);
  for (let i = 0; i < p.c.length; i++) tasks[i] = { c: p.c[i], pid: p.pid[i], after: after[i] };
  rec.frames[p.frame].change!.tasks = tasks;
}
