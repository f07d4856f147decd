import type { ParticipantView, TaskView, WorldSnapshot } from '../snapshot';
import type { Frame } from './changes';
import { allFrames, type FrameList } from './frames';
import type { ColumnReader } from './columns/read';
import { NOWHERE, planMove, rowsTo, walkStop, warmFrame } from './move-plan';
import { RowRestore } from './row-restore';
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

/**
 * Rows a piece of a sliced seek reads (a view looked up or built and a map updated each): a few
 * milliseconds of the page's thread.
 */
export const SEEK_ROWS = 2048;

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
  /** The frame the maps below stand at; NOWHERE until the first move restores a world. */
  private pos = NOWHERE;
  private rare: number;
  private tasks = new Map<number, Map<number, TaskView>>();
  /** Each container's pids in order, so a frame's task list is a map, not a sort. */
  private pids = new Map<number, number[]>();
  /**
   * Each container's task views in pid order, kept beside `pids` and patched as rows apply:
   * reading 70,000 views out of the map for each step of a big destroy was the costliest part
   * of the page's step (7 ms); a copy of this array is a memcpy. Missing until first read.
   */
  private lists = new Map<number, TaskView[]>();
  /** Containers whose pid list is out of date, until tasksOf re-sorts it. */
  private readonly stale = new Set<number>();
  private readonly sorted = new Map<number, TaskView[]>();
  private head: number;
  private parts: ParticipantView[] = [];
  private partsView: ParticipantView[] | null = null;
  private readonly cache = new Map<number, WorldSnapshot>();
  private readonly rows: ColumnReader;
  /** A restore a sliced seek has begun and not finished (the maps above are untouched by it). */
  private restoring: RowRestore | null = null;
  private initialRows: Int32Array | null = null;

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
    // No world is restored here: the first move restores the one it needs (a checkpoint near
    // the end, for the end), in pieces when it is a sliced seek.
  }

  get length(): number {
    return this.rows.cols.frames;
  }

  /** The world after frame `index` (-1: before the first; clamped to the recording). */
  at(index: number): WorldSnapshot {
    const i = this.clamp(index);
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
   * The rows `at(index)` would read now, from where the replay stands (0 for a snapshot kept),
   * so that a caller can decide to move there at once or through `seek`.
   */
  cost(index: number): number {
    const i = this.clamp(index);
    if (i < 0 || i === this.pos || this.cache.has(i)) return 0;
    return planMove(this.rows, this.pos, i).rows;
  }

  /**
   * Moves toward frame `index` in pieces of about `budget` rows, yielding after each: a
   * checkpoint's restore is built apart and taken over once complete, a walk stops at frame
   * boundaries. Between pieces the replay stands at a frame with every map consistent, so a seek
   * dropped half-way (or any `at` meanwhile) leaves `at(j)` right for every j, and each piece
   * plans afresh from where the replay then stands. Once it is done, `at(index)` only builds
   * the snapshot: the last piece also puts the containers' task lists in pid order.
   */
  *seek(index: number, budget = SEEK_ROWS): Generator<void, void, void> {
    const i = this.clamp(index);
    if (i < 0) return; // the initial world is kept as a snapshot: nothing to move
    let warmed = NOWHERE;
    for (;;) {
      while (this.pos !== i) {
        const plan = planMove(this.rows, this.pos, i);
        if (plan.restore !== null) {
          const r = this.restoreOf(plan.restore);
          if (r.step(budget)) this.adopt(r);
        } else {
          const stop = walkStop(this.rows, this.pos, i, budget);
          // One frame of more rows than a piece (a restart's participants reset at once): its
          // views are built first, in pieces that leave the replay as it is, then taken in one.
          const frame = stop > this.pos ? stop : this.pos;
          const big = Math.abs(rowsTo(this.rows, stop) - rowsTo(this.rows, this.pos)) > budget;
          if (big && warmed !== frame) {
            yield* warmFrame(this.rows, frame, stop > this.pos, budget);
            warmed = frame;
            continue;
          }
          this.walk(stop);
        }
        yield;
      }
      // The last piece: the task lists in pid order. Ended only where nothing is left to do, so
      // an at() elsewhere during that piece's yield sends the seek back on its way.
      let listed = false;
      for (const { id } of this.rows.cols.rare[this.rare].containers) {
        if (this.sorted.has(id)) continue;
        this.tasksOf(id); // the lists build() reads
        listed = true;
      }
      if (!listed) return;
      yield;
    }
  }

  private clamp(index: number): number {
    return Math.max(-1, Math.min(this.length - 1, Math.trunc(index)));
  }

  /**
   * Walks to frame `i`: forwards or backwards over the rows in between (rows are contiguous
   * across frames, so a walk over many frames is one pass over their rows), or from the nearest
   * checkpoint before `i` when putting its tasks back and walking on is fewer rows.
   */
  private moveTo(i: number): void {
    if (i === this.pos) return;
    const { restore } = planMove(this.rows, this.pos, i);
    if (restore !== null) {
      const r = this.restoreOf(restore);
      r.step(Infinity);
      this.adopt(r);
    }
    this.walk(i);
  }

  /** Walks the rows between the replay's frame and frame `i`. */
  private walk(i: number): void {
    if (this.pos < i) this.forward(this.pos + 1, i);
    else if (this.pos > i) this.backward(i + 1, this.pos);
    this.pos = i;
  }

  /** The restore of checkpoint `k` (−1: the initial world), the one begun if it is that one. */
  private restoreOf(k: number): RowRestore {
    if (this.restoring?.checkpoint === k) return this.restoring;
    const cols = this.rows.cols;
    let r: RowRestore;
    if (k >= 0) {
      const ck = cols.checkpoints[k];
      r = new RowRestore(this.rows, ck.frame, k, ck.tasks, ck.parts);
    } else {
      if (!this.initialRows) {
        this.initialRows = new Int32Array(cols.initialTasks);
        for (let row = 0; row < cols.initialTasks; row++) this.initialRows[row] = row;
      }
      r = new RowRestore(this.rows, -1, -1, this.initialRows, cols.initialParts);
    }
    this.restoring = r;
    return r;
  }

  /** Takes a complete restore's world over: the replay now stands at its frame. */
  private adopt(r: RowRestore): void {
    const cols = this.rows.cols;
    this.tasks = r.tasks;
    this.pids = r.pids;
    this.lists = new Map();
    this.stale.clear();
    this.sorted.clear();
    this.parts = r.parts;
    this.partsView = null;
    this.rare = r.frame >= 0 ? cols.rareAt[r.frame] : cols.initialRare;
    this.head = r.frame >= 0 ? cols.headAt[r.frame] : cols.initialHead;
    this.pos = r.frame;
    this.restoring = null;
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
    const pids = this.pids.get(c);
    const list = this.lists.get(c);
    if (!old === !view) {
      // The same task, another view: patched in place where the list is kept.
      if (view && list && pids && !this.stale.has(c)) list[lowerBound(pids, pid)] = view;
      return;
    }
    // A task came or went: keep the pid list sorted, one insertion at a time while that is
    // cheap; a big change (a destroy, a whole restored tree) re-sorts once when next read.
    if (!pids || this.stale.has(c)) {
      this.stale.add(c);
      return;
    }
    const at = lowerBound(pids, pid);
    if (view) {
      pids.splice(at, 0, pid);
      list?.splice(at, 0, view);
    } else {
      pids.splice(at, 1);
      list?.splice(at, 1);
    }
  }

  private tasksOf(c: number): TaskView[] {
    let list = this.sorted.get(c);
    if (list) return list;
    const m = this.tasks.get(c);
    let pids = this.pids.get(c);
    let kept = this.lists.get(c);
    if (!pids || this.stale.has(c)) {
      pids = m ? [...m.keys()].sort((a, b) => a - b) : [];
      this.pids.set(c, pids);
      this.stale.delete(c);
      kept = undefined;
    }
    if (!kept) {
      kept = m ? pids.map((pid) => m.get(pid)!) : [];
      this.lists.set(c, kept);
    }
    // A copy: the snapshot handed out is never changed, and `kept` is patched by the next rows.
    list = kept.slice();
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
