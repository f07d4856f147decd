import type { EngineEvent } from '../../events';
import { KERNEL_FN_NAMES } from '../../kernel-fns';
import { partId, type Actor } from '../../part-id';
import type { Pc } from '../../restart/types';
import type { ParticipantView, TaskView } from '../../snapshot';
import type { FrameChange, RestartHead } from '../changes';
import { NONE, textAt } from './grow';
import {
  ACTOR_CHECKPOINT,
  ACTOR_COORD,
  ACTOR_USER,
  HEAD_COMPLETED,
  HEAD_CTX,
  HEAD_FINISHED,
  HEAD_FREED,
  HEAD_SUCCESS,
  PART_CTX,
  PART_DONE,
  PART_HUNG,
  PART_RUNNABLE,
  PART_SLEEPING,
  PART_ZOMBIE,
  type FrameColumns,
  type PartsReset,
} from './layout';
import { readTask, TASK_FIELDS } from './task-codec';

/**
 * Reads the compact recording's rows back as the objects the debugger shows. Each row's object
 * is made once and kept, so a task that did not change between two frames is the same TaskView
 * object in both snapshots (the tree's node cache relies on that identity).
 */
export class ColumnReader {
  private readonly taskViews: (TaskView | undefined)[] = [];
  private readonly partViews: (ParticipantView | undefined)[] = [];
  private readonly headViews: (RestartHead | undefined)[] = [];
  /** The participant resets of each frame that has one, in order. */
  private readonly resetsOf = new Map<number, PartsReset[]>();

  constructor(readonly cols: FrameColumns) {
    for (const r of cols.resets) {
      const list = this.resetsOf.get(r.frame);
      if (list) list.push(r);
      else this.resetsOf.set(r.frame, [r]);
    }
  }

  /** Seeds row `row` with an existing view (the initial snapshot's, so the two are one object). */
  seedTask(row: number, view: TaskView): void {
    this.taskViews[row] = view;
  }

  /** The view of task row `row`; null when the row says the task is gone. */
  task(row: number): TaskView | null {
    const t = this.cols.tasks;
    if (!t.present[row]) return null;
    let v = this.taskViews[row];
    if (!v) {
      v = readTask(t.nums, row * TASK_FIELDS, textAt(t.comm, row));
      this.taskViews[row] = v;
    }
    return v;
  }

  part(row: number): ParticipantView {
    let v = this.partViews[row];
    if (v) return v;
    const p = this.cols.parts;
    const bits = p.bits[row];
    const pid = p.pid[row] === NONE ? null : p.pid[row];
    v = {
      id: partId(pid),
      pid,
      pc: this.cols.strings[p.pc[row]] as Pc,
      sleeping: (bits & PART_SLEEPING) !== 0,
      runnable: (bits & PART_RUNNABLE) !== 0,
      done: (bits & PART_DONE) !== 0,
      zombie: (bits & PART_ZOMBIE) !== 0,
      checkpoint_ctx: bits & PART_CTX ? 'ctx' : 'NULL',
      hung: (bits & PART_HUNG) !== 0,
    };
    this.partViews[row] = v;
    return v;
  }

  /** The restart head of row `row`; null for -1 (no restart). */
  head(row: number): RestartHead | null {
    if (row < 0) return null;
    let v = this.headViews[row];
    if (v) return v;
    const h = this.cols.heads;
    const b = this.cols.bases[h.base[row]];
    const bits = h.bits[row];
    const err = h.error[row];
    v = {
      variant: b.variant,
      image: b.image,
      container: b.container,
      pids: b.pids,
      order: b.order,
      orderLength: h.orderLength[row],
      ctx:
        bits & HEAD_CTX
          ? {
              active_pid: h.active_pid[row],
              nr_pids: h.nr_pids[row],
              refcount: h.refcount[row],
              history: b.history,
              historyLength: h.historyLength[row],
              error: err === NONE ? null : this.cols.strings[err],
              completed: (bits & HEAD_COMPLETED) !== 0,
              success: (bits & HEAD_SUCCESS) !== 0,
              freed: (bits & HEAD_FREED) !== 0,
            }
          : null,
      finished: (bits & HEAD_FINISHED) !== 0,
    };
    this.headViews[row] = v;
    return v;
  }

  resets(frame: number): readonly PartsReset[] | undefined {
    return this.resetsOf.get(frame);
  }

  /** The resets of frames a..b, in order (the list is in frame order: a binary search). */
  resetsIn(a: number, b: number): readonly PartsReset[] {
    const list = this.cols.resets;
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (list[mid].frame < a) lo = mid + 1;
      else hi = mid;
    }
    let end = lo;
    while (end < list.length && list[end].frame <= b) end++;
    return lo === end ? [] : list.slice(lo, end);
  }

  /** Where frame `f`'s task rows start (the initial rows come before frame 0's). */
  taskStart(f: number): number {
    return f > 0 ? this.cols.taskEnd[f - 1] : this.cols.initialTasks;
  }

  partStart(f: number): number {
    return f > 0 ? this.cols.partEnd[f - 1] : this.cols.initialPartRows;
  }

  headBefore(f: number): number {
    return f > 0 ? this.cols.headAt[f - 1] : this.cols.initialHead;
  }

  rareBefore(f: number): number {
    return f > 0 ? this.cols.rareAt[f - 1] : this.cols.initialRare;
  }

  actor(i: number): Actor {
    const a = this.cols.events.actor[i];
    if (a === ACTOR_COORD) return 'coord';
    if (a === ACTOR_USER) return 'user';
    if (a === ACTOR_CHECKPOINT) return 'checkpoint';
    return partId(a);
  }

  event(i: number): EngineEvent {
    const e = this.cols.events;
    const ev: EngineEvent = {
      seq: e.seq[i],
      actor: this.actor(i),
      fn: KERNEL_FN_NAMES[e.fn[i]],
      what: textAt(e.what, i),
    };
    if (e.pid[i] !== NONE) ev.pid = e.pid[i];
    if (e.errno[i] !== NONE) ev.errno = this.cols.strings[e.errno[i]];
    const data = this.data(i);
    if (data) ev.data = data;
    return ev;
  }

  /** Event i's data, parsed only when it has some (most events have none). */
  data(i: number): EngineEvent['data'] {
    const text = textAt(this.cols.events.data, i);
    return text ? (JSON.parse(text) as EngineEvent['data']) : undefined;
  }

  /** Frame `f`'s change as the object form has it (changes.ts); null when it changed nothing. */
  change(f: number): FrameChange | null {
    const c = this.cols;
    const ch: FrameChange = {};
    const rare = c.rare[c.rareAt[f]];
    const before = c.rare[this.rareBefore(f)];
    if (rare !== before) {
      if (rare.current !== before.current) ch.current = rare.current;
      if (rare.images !== before.images) ch.images = rare.images;
      if (rare.containers !== before.containers) ch.containers = rare.containers;
    }
    const t0 = this.taskStart(f);
    const t1 = c.taskEnd[f];
    if (t1 > t0) {
      ch.tasks = [];
      for (let r = t0; r < t1; r++)
        ch.tasks.push({ c: c.tasks.c[r], pid: c.tasks.pid[r], after: this.task(r) });
    }
    if (c.headAt[f] !== this.headBefore(f)) ch.restart = this.head(c.headAt[f]);
    let from = this.partStart(f);
    const to = c.partEnd[f];
    const resets = this.resets(f);
    if (resets) {
      const last = resets[resets.length - 1];
      ch.participantsReset = Array.from(last.after, (r) => this.part(r));
      from = last.at + last.after.length;
    }
    if (to > from) {
      ch.participants = [];
      for (let r = from; r < to; r++)
        ch.participants.push({ i: c.parts.i[r], after: this.part(r) });
    }
    for (const _ in ch) return ch;
    return null;
  }
}
