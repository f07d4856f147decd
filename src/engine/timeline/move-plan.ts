import type { ColumnReader } from './columns/read';

/**
 * How a replay at frame `pos` reaches frame `i`, and what that costs in rows (each row read is a
 * view looked up and a map updated: the unit of a replay's work).
 * `restore` is null to walk the rows in between, else the checkpoint to restore first (−1: the
 * initial world), chosen when putting its rows back and walking on from there is fewer rows.
 */
export interface MovePlan {
  restore: number | null;
  rows: number;
}

/** Where a replay stands before its first move: no world restored yet, any move restores one. */
export const NOWHERE = -2;

/** Rows of the recording up to the end of frame `f` (−1: the initial rows): a running total. */
export function rowsTo(rows: ColumnReader, f: number): number {
  const { taskEnd, partEnd } = rows.cols;
  return f < 0 ? rows.taskStart(0) + rows.partStart(0) : taskEnd[f] + partEnd[f];
}

/** The frame whose state a restore of checkpoint `k` (−1: the initial world) leaves. */
export function restoredFrame(rows: ColumnReader, k: number): number {
  return k >= 0 ? rows.cols.checkpoints[k].frame : -1;
}

/** Rows a restore of checkpoint `k` (−1: the initial world) puts back. */
export function restoredRows(rows: ColumnReader, k: number): number {
  const { checkpoints, initialTasks, initialParts } = rows.cols;
  return k >= 0
    ? checkpoints[k].tasks.length + checkpoints[k].parts.length
    : initialTasks + initialParts.length;
}

export function planMove(rows: ColumnReader, pos: number, i: number): MovePlan {
  const { every, checkpoints } = rows.cols;
  const k = Math.min(checkpoints.length, Math.floor((i + 1) / every)) - 1;
  const walk = pos === NOWHERE ? Infinity : Math.abs(rowsTo(rows, i) - rowsTo(rows, pos));
  const restored = restoredRows(rows, k) + rowsTo(rows, i) - rowsTo(rows, restoredFrame(rows, k));
  return restored < walk ? { restore: k, rows: restored } : { restore: null, rows: walk };
}

/**
 * The frame a walk from `pos` toward `i` stops at after about `budget` rows: the farthest frame
 * boundary within the budget, at least one frame on (a frame's rows are never split, so the
 * replay is at a frame between pieces).
 */
export function walkStop(rows: ColumnReader, pos: number, i: number, budget: number): number {
  const from = rowsTo(rows, pos);
  if (i > pos) {
    let lo = pos + 1; // the answer is in [lo, hi]
    let hi = i;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (rowsTo(rows, mid) - from <= budget) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
  let lo = i;
  let hi = pos - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (from - rowsTo(rows, mid) <= budget) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * Builds the views walking over frame `f` reads (forwards: its rows; backwards: the rows they
 * replaced), yielding after every `budget` rows. Views are kept by the reader, so this changes
 * nothing a replay shows; it leaves the walk over the frame only its map updates.
 */
export function* warmFrame(
  rows: ColumnReader,
  f: number,
  forwards: boolean,
  budget: number,
): Generator<void, void, void> {
  const { tasks, parts } = rows.cols;
  let done = 0;
  const read = function* (list: ArrayLike<number>, view: (row: number) => unknown) {
    for (let k = 0; k < list.length; k++) {
      if (list[k] >= 0) view(list[k]);
      if (++done % budget === 0) yield;
    }
  };
  const t0 = rows.taskStart(f);
  const t1 = rows.cols.taskEnd[f];
  const p0 = rows.partStart(f);
  const p1 = rows.cols.partEnd[f];
  const task = (row: number) => rows.task(row);
  const part = (row: number) => rows.part(row);
  if (forwards) {
    yield* read(rowRange(t0, t1), task);
    yield* read(rowRange(p0, p1), part);
    for (const reset of rows.resetsIn(f, f)) yield* read(reset.after, part);
  } else {
    yield* read(tasks.prev.subarray(t0, t1), task);
    yield* read(parts.prev.subarray(p0, p1), part);
    for (const reset of rows.resetsIn(f, f)) yield* read(reset.before, part);
  }
}

/** Rows a..b−1 as a list. */
function rowRange(a: number, b: number): Int32Array {
  const out = new Int32Array(Math.max(0, b - a));
  for (let k = 0; k < out.length; k++) out[k] = a + k;
  return out;
}
