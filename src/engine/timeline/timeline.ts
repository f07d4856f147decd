import type { ParticipantView, TaskView, WorldSnapshot } from '../snapshot';
import type { Frame } from './changes';
import { allFrames, type FrameList } from './frames';
import type { ColumnReader } from './columns/read';
import { RecordedFrames } from './columns/recorded-frames';
import { checkpointEvery, FrameWriter } from './columns/writer';
import { containerSnapshot, restartSnapshot } from './views';

/** Index of the first element of the ascending `list` that is >= `value`. */
function lowerBound(list: number[], value: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** A change to more tasks than this re-sorts the pid list instead of inserting one by one. */
const BULK = 64;

/** Snapshots kept for positions visited lately: the cursor, the end, the step before. */
const CACHED = 16;

function taskCount(s: WorldSnapshot): number {
  let n = 0;
  for (const c of s.containers) n += c.tasks.length;
  return n;
}

/** Frames as objects (tests, hand-made recordings) in the compact form, so one replay reads both. */
export function compactFrames(
  initial: WorldSnapshot,
  frames: readonly Frame[],
  every = checkpointEvery(taskCount(initial)),
): RecordedFrames {
  const w = new FrameWriter(initial, every);
  frames.forEach((f, i) => {
    w.event(f.event, f.step);
    w.change(i, f.change, f.active);
  });
  return new RecordedFrames(w.done());
}

/**
 * How a replay at frame `pos` best reaches frame `i`: null to walk the rows in between, else the
 * checkpoint to restore first (−1: the initial world), when putting its rows back and walking on
 * from there is fewer rows.
 */
function restoreFor(rows: ColumnReader, pos: number, i: number): number | null {
  const { every, checkpoints, taskEnd, partEnd } = rows.cols;
  const k = Math.min(checkpoints.length, Math.floor((i + 1) / every)) - 1;
  const from = k >= 0 ? checkpoints[k].frame : -1;
  const rowsTo = (f: number) =>
    f < 0 ? rows.taskStart(0) + rows.partStart(0) : taskEnd[f] + partEnd[f];
  const walk = Math.abs(rowsTo(i) - rowsTo(pos));
  const restored =
    k >= 0 ? checkpoints[k].tasks.length + checkpoints[k].parts.length : rows.taskStart(0);
  return restored + rowsTo(i) - rowsTo(from) < walk ? k : null;
}

/** Rows read per piece of warmRows: a few milliseconds of building views. */
const WARM_ROWS = 8192;

/**
 * Builds, ahead, the row views a new replay's first `at(i)` will read (the rows of the checkpoint
 * it restores and of the frames it then walks), yielding after every few thousand rows: the page
 * runs it over turns of its event loop, so the first look at the end of a 100,000-task restart
 * (several hundred thousand views, over half a second in one go) is left only its map updates.
 * The initial rows are left alone: the replay seeds them with the initial snapshot's views.
 */
export function* warmRows(frames: FrameList, i: number): Generator<void> {
  if (!(frames instanceof RecordedFrames)) return;
  const rows = frames.reader;
  const cols = rows.cols;
  const last = Math.min(i, cols.frames - 1);
  if (last < 0) return;
  let done = 0;
  const k = restoreFor(rows, -1, last);
  const start = k !== null && k >= 0 ? cols.checkpoints[k].frame + 1 : 0;
  if (k !== null && k >= 0) {
    const ck = cols.checkpoints[k];
    for (const row of ck.tasks) {
      if (row >= cols.initialTasks) rows.task(row);
      if (++done % WARM_ROWS === 0) yield;
    }
    for (const row of ck.parts) {
      rows.part(row);
      if (++done % WARM_ROWS === 0) yield;
    }
  }
  for (let r = Math.max(rows.taskStart(start), cols.initialTasks); r < cols.taskEnd[last]; r++) {
    rows.task(r);
    if (++done % WARM_ROWS === 0) yield;
  }
  for (let r = rows.partStart(start); r < cols.partEnd[last]; r++) {
    rows.part(r);
    if (++done % WARM_ROWS === 0) yield;
  }
}

/** Any FrameList as the compact form (a RecordedFrames as it is). */
export function recordedFrames(initial: WorldSnapshot, frames: FrameList): RecordedFrames {
  return frames instanceof RecordedFrames ? frames : compactFrames(initial, allFrames(frames));
}

/**
 * The world before the first frame, rebuilt from the columns alone (the page gets only those):
 * the initial task rows grouped by container in row order, which is pid order.
 */
export function initialSnapshot(frames: RecordedFrames): WorldSnapshot {
  const rows = frames.reader;
  const cols = rows.cols;
  const byContainer = new Map<number, TaskView[]>();
  for (let r = 0; r < cols.initialTasks; r++) {
    const c = cols.tasks.c[r];
    let list = byContainer.get(c);
    if (!list) {
      list = [];
      byContainer.set(c, list);
    }
    list.push(rows.task(r)!);
  }
  const rare = cols.rare[cols.initialRare];
  const head = rows.head(cols.initialHead);
  return {
    current: rare.current,
    containers: rare.containers.map((h) => containerSnapshot(h, byContainer.get(h.id) ?? [])),
    images: rare.images,
    restart: head
      ? restartSnapshot(
          head,
          Array.from(cols.initialParts, (r) => rows.part(r)),
        )
      : null,
  };
}

/**
 * The world at any frame of a compact recording (columns/), rebuilt from its rows. One mutable
 * position walks the frames forwards or backwards, so the next or the previous frame costs what
 * that frame changed (each row knows the row it replaced, so a step back is a read, not an
 * undo log); a jump restores the nearest checkpoint before it (every K frames) and walks at
 * most K frames from there, whichever of the two is shorter. The snapshot handed out is built
 * afresh and never mutated, a container whose tasks did not change keeps the same tasks
 * array, and a task that did not change keeps its TaskView object (one object per row).
 */
export class WorldReplay {
  private pos = -1;
  private rare: number;
  private readonly tasks = new Map<number, Map<number, TaskView>>();
  /** Each container's pids in order, so a frame's task list is a map, not a sort. */
  private readonly pids = new Map<number, number[]>();
  /** Containers whose pid list is out of date, until tasksOf re-sorts it. */
  private readonly stale = new Set<number>();
  private readonly sorted = new Map<number, TaskView[]>();
  private head: number;
  private parts: ParticipantView[] = [];
  private partsView: ParticipantView[] | null = null;
  private readonly cache = new Map<number, WorldSnapshot>();
  private readonly rows: ColumnReader;

  constructor(
    private readonly initial: WorldSnapshot,
    frames: FrameList,
  ) {
    this.rows = recordedFrames(initial, frames).reader;
    const cols = this.rows.cols;
    // The initial snapshot's views are rows 0..initialTasks-1: one object for both.
    let r = 0;
    for (const c of initial.containers) for (const t of c.tasks) this.rows.seedTask(r++, t);
    this.rare = cols.initialRare;
    this.head = cols.initialHead;
    this.restoreInitial();
  }

  get length(): number {
    return this.rows.cols.frames;
  }

  /** The world after frame `index` (-1: before the first; clamped to the recording). */
  at(index: number): WorldSnapshot {
    const i = Math.max(-1, Math.min(this.length - 1, Math.trunc(index)));
    if (i < 0) return this.initial;
    const hit = this.cache.get(i);
    if (hit) {
      this.cache.delete(i);
      this.cache.set(i, hit);
      return hit;
    }
    this.moveTo(i);
    const snap = this.build();
    this.cache.set(i, snap);
    if (this.cache.size > CACHED) this.cache.delete(this.cache.keys().next().value!);
    return snap;
  }

  /**
   * Walks to frame `i`: forwards or backwards over the rows in between (rows are contiguous
   * across frames, so a walk over many frames is one pass over their rows), or from the nearest
   * checkpoint before `i` when putting its tasks back and walking on is fewer rows.
   */
  private moveTo(i: number): void {
    if (i === this.pos) return;
    const k = restoreFor(this.rows, this.pos, i);
    if (k !== null) {
      if (k >= 0) this.restore(k);
      else this.restoreInitial();
    }
    if (this.pos < i) this.forward(this.pos + 1, i);
    else if (this.pos > i) this.backward(i + 1, this.pos);
    this.pos = i;
  }

  private restoreInitial(): void {
    const cols = this.rows.cols;
    const rows = new Int32Array(cols.initialTasks);
    for (let r = 0; r < rows.length; r++) rows[r] = r;
    this.restoreRows(rows, cols.initialParts);
    this.rare = cols.initialRare;
    this.head = cols.initialHead;
    this.pos = -1;
  }

  private restore(k: number): void {
    const cols = this.rows.cols;
    const ck = cols.checkpoints[k];
    this.restoreRows(ck.tasks, ck.parts);
    this.rare = cols.rareAt[ck.frame];
    this.head = cols.headAt[ck.frame];
    this.pos = ck.frame;
  }

  /** Puts the world's tasks and participants back from rows (task rows by container, pid order). */
  private restoreRows(taskRows: Int32Array, partRows: Int32Array): void {
    this.tasks.clear();
    this.pids.clear();
    this.stale.clear();
    this.sorted.clear();
    const cs = this.rows.cols.tasks.c;
    for (const row of taskRows) {
      const c = cs[row];
      let m = this.tasks.get(c);
      let pids = this.pids.get(c);
      if (!m || !pids) {
        m = new Map();
        pids = [];
        this.tasks.set(c, m);
        this.pids.set(c, pids);
      }
      const v = this.rows.task(row)!;
      m.set(v.pid, v);
      pids.push(v.pid);
    }
    this.parts = Array.from(partRows, (r) => this.rows.part(r));
    this.partsView = null;
  }

  /** Applies the rows of frames a..b. */
  private forward(a: number, b: number): void {
    const rows = this.rows;
    const cols = rows.cols;
    this.rare = cols.rareAt[b];
    this.head = cols.headAt[b];
    const t0 = rows.taskStart(a);
    const t1 = cols.taskEnd[b];
    const tc = cols.tasks.c;
    const tp = cols.tasks.pid;
    if (t1 - t0 > BULK) for (let r = t0; r < t1; r++) this.stale.add(tc[r]);
    for (let r = t0; r < t1; r++) this.setTask(tc[r], tp[r], rows.task(r));
    let r = rows.partStart(a);
    const end = cols.partEnd[b];
    const resets = rows.resetsIn(a, b);
    if (r === end && !resets.length) return;
    const pi = cols.parts.i;
    for (const reset of resets) {
      for (; r < reset.at; r++) this.parts[pi[r]] = rows.part(r);
      this.parts = Array.from(reset.after, (row) => rows.part(row));
      r = reset.at + reset.after.length;
    }
    for (; r < end; r++) this.parts[pi[r]] = rows.part(r);
    this.partsView = null;
  }

  /** Takes the rows of frames b..a back, in the reverse order of forward. */
  private backward(a: number, b: number): void {
    const rows = this.rows;
    const cols = rows.cols;
    this.rare = rows.rareBefore(a);
    this.head = rows.headBefore(a);
    const start = rows.partStart(a);
    let r = cols.partEnd[b] - 1;
    const resets = rows.resetsIn(a, b);
    if (r >= start || resets.length) {
      const { i: pi, prev } = cols.parts;
      const undo = (row: number) => {
        const p = prev[row];
        if (p >= 0) this.parts[pi[row]] = rows.part(p);
        else this.parts.length = pi[row];
      };
      for (let k = resets.length - 1; k >= 0; k--) {
        const reset = resets[k];
        for (; r >= reset.at + reset.after.length; r--) undo(r);
        this.parts = Array.from(reset.before, (row) => rows.part(row));
        r = reset.at - 1;
      }
      for (; r >= start; r--) undo(r);
      this.partsView = null;
    }
    const t0 = rows.taskStart(a);
    const t1 = cols.taskEnd[b];
    const { c: tc, pid: tp, prev } = cols.tasks;
    if (t1 - t0 > BULK) for (let k = t0; k < t1; k++) this.stale.add(tc[k]);
    for (let k = t1 - 1; k >= t0; k--) {
      const p = prev[k];
      this.setTask(tc[k], tp[k], p >= 0 ? rows.task(p) : null);
    }
  }

  /** Puts `view` (or nothing) where task `pid` of container `c` is. */
  private setTask(c: number, pid: number, view: TaskView | null): void {
    let m = this.tasks.get(c);
    if (!m) {
      m = new Map();
      this.tasks.set(c, m);
    }
    const old = m.get(pid) ?? null;
    if (view) m.set(pid, view);
    else m.delete(pid);
    this.sorted.delete(c);
    if (!old === !view) return;
    // A task came or went: keep the pid list sorted, one insertion at a time while that is
    // cheap; a big change (a destroy, a whole restored tree) re-sorts once when next read.
    const pids = this.pids.get(c);
    if (!pids || this.stale.has(c)) {
      this.stale.add(c);
      return;
    }
    const at = lowerBound(pids, pid);
    if (view) pids.splice(at, 0, pid);
    else pids.splice(at, 1);
  }

  private tasksOf(c: number): TaskView[] {
    let list = this.sorted.get(c);
    if (list) return list;
    const m = this.tasks.get(c);
    let pids = this.pids.get(c);
    if (!pids || this.stale.has(c)) {
      pids = m ? [...m.keys()].sort((a, b) => a - b) : [];
      this.pids.set(c, pids);
      this.stale.delete(c);
    }
    list = m ? pids.map((pid) => m.get(pid)!) : [];
    this.sorted.set(c, list);
    return list;
  }

  private build(): WorldSnapshot {
    const rare = this.rows.cols.rare[this.rare];
    const head = this.rows.head(this.head);
    if (head && !this.partsView) this.partsView = this.parts.slice();
    return {
      current: rare.current,
      containers: rare.containers.map((h) => containerSnapshot(h, this.tasksOf(h.id))),
      images: rare.images,
      restart: head ? restartSnapshot(head, this.partsView ?? []) : null,
    };
  }
}
