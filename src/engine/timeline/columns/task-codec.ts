import { TASK_STATE_NAMES, TASK_VIEW_FIELDS, TASK_VIEW_KEYS } from '../../kernel/view';
import type { TaskView } from '../../snapshot';

/**
 * A task view as a row of Int32 columns, from the engine's field table (TASK_VIEW_FIELDS): each
 * `int` field one Int32, then one Int32 with the state name's number in its low three bits and a
 * bit per `flag` field above them; the `text` field (comm) goes to a text column of its own.
 * The recording (timeline/columns) and the worker's packed task lists use this one layout.
 */
export const TASK_INTS = TASK_VIEW_KEYS.filter((k) => TASK_VIEW_FIELDS[k].wire === 'int');
const FLAGS = TASK_VIEW_KEYS.filter((k) => TASK_VIEW_FIELDS[k].wire === 'flag');
export const TASK_TEXTS = TASK_VIEW_KEYS.filter((k) => TASK_VIEW_FIELDS[k].wire === 'text');
const STATE_BITS = 3;
/** Int32s per task row. */
export const TASK_FIELDS = TASK_INTS.length + 1;
const BITS = TASK_INTS.length;

/** Writes `t`'s numbers into `out` from `o` on (TASK_FIELDS of them). */
export function writeTaskNums(t: TaskView, out: { [i: number]: number }, o: number): void {
  for (let j = 0; j < TASK_INTS.length; j++) out[o + j] = t[TASK_INTS[j]] as number;
  let bits = TASK_STATE_NAMES.indexOf(t.state);
  for (let j = 0; j < FLAGS.length; j++) if (t[FLAGS[j]]) bits |= 1 << (STATE_BITS + j);
  out[o + BITS] = bits;
}

/** Where each int field sits in a task's row. */
const AT = Object.fromEntries(TASK_INTS.map((k, j) => [k, j])) as Record<keyof TaskView, number>;
const FLAG_BIT = Object.fromEntries(FLAGS.map((k, j) => [k, 1 << (STATE_BITS + j)])) as Record<
  keyof TaskView,
  number
>;

/**
 * The view of the row at `o`, as an object literal (the compiler asks for every field;
 * task-codec.test.ts checks the keys come back in table order): on the page's thread, a walk
 * over the table to build each view took three times as long for 100,000 tasks.
 */
export function readTask(nums: Int32Array, o: number, comm: string): TaskView {
  const bits = nums[o + BITS];
  return {
    pid: nums[o + AT.pid],
    tgid: nums[o + AT.tgid],
    ppid: nums[o + AT.ppid],
    pgid: nums[o + AT.pgid],
    sid: nums[o + AT.sid],
    comm,
    state: TASK_STATE_NAMES[bits & ((1 << STATE_BITS) - 1)],
    exit_code: nums[o + AT.exit_code],
    exit_signal: nums[o + AT.exit_signal],
    pdeath_signal: nums[o + AT.pdeath_signal],
    frozen: (bits & FLAG_BIT.frozen) !== 0,
    traced: (bits & FLAG_BIT.traced) !== 0,
  };
}
