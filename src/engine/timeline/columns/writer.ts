import type { EngineEvent } from '../../events';
import { KERNEL_FN_NAMES, type KernelFn } from '../../kernel-fns';
import { parsePartId } from '../../part-id';
import type { ParticipantView, TaskView, WorldSnapshot } from '../../snapshot';
import type { FrameChange, RestartHead } from '../changes';
import { headOfContainer, headOfRestart } from '../views';
import { int32s, NONE, StringTable, TextSink, uint32s, uint8s } from './grow';
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
  type Checkpoint,
  type FrameColumns,
  type HeadBase,
  type PartsReset,
  type RareState,
} from './layout';
import { TASK_FIELDS, writeTaskNums } from './task-codec';

const FN_INDEX = new Map<KernelFn, number>(KERNEL_FN_NAMES.map((f, i) => [f, i]));
const NO_HISTORY: number[] = [];

function actorCode(actor: string): number {
  if (actor === 'user') return ACTOR_USER;
  if (actor === 'checkpoint') return ACTOR_CHECKPOINT;
  const pid = parsePartId(actor);
  return pid === null || pid === undefined ? ACTOR_COORD : pid;
}

/**
 * A checkpoint every this many frames: a jump rebuilds the world from the nearest one before it
 * (every task put back: O(tasks)) and applies at most this many frames' rows, so about the
 * task count balances the two halves of a jump, and the checkpoints together cost about 8 bytes
 * per task per 0.07 tasks of frames... in all ~8 × frames bytes (a restart has about 14 events a
 * task). Never fewer than 256 frames apart: small runs need few.
 */
export function checkpointEvery(tasks: number): number {
  let k = 256;
  while (k < tasks) k *= 2;
  return k;
}

/**
 * Writes a recording as columns (layout.ts) while it is made: `event` adds each frame as its
 * event is emitted, `change` what the frame changed once it is known (frames are changed in
 * order; the last one may be changed again, as a step's late effects are folded into it).
 */
export class FrameWriter {
  private readonly ev = {
    seq: int32s(),
    fn: uint8s(),
    actor: int32s(),
    pid: int32s(),
    errno: int32s(),
    step: int32s(),
    active: int32s(),
    what: new TextSink(),
    data: new TextSink(),
  };
  private readonly taskEnd = uint32s();
  private readonly partEnd = uint32s();
  private readonly headAt = int32s();
  private readonly rareAt = int32s();
  private readonly tasks = {
    c: int32s(),
    pid: int32s(),
    present: uint8s(),
    nums: int32s(),
    comm: new TextSink(),
    prev: int32s(),
  };
  private readonly parts = {
    i: int32s(),
    pid: int32s(),
    pc: int32s(),
    bits: uint8s(),
    prev: int32s(),
  };
  private readonly heads = {
    base: int32s(),
    orderLength: int32s(),
    historyLength: int32s(),
    active_pid: int32s(),
    nr_pids: int32s(),
    refcount: int32s(),
    error: int32s(),
    bits: uint8s(),
  };
  private readonly bases: HeadBase[] = [];
  private readonly rare: RareState[] = [];
  private readonly resets: PartsReset[] = [];
  private readonly checkpoints: Checkpoint[] = [];
  private readonly strings = new StringTable();
  private readonly scratch = new Int32Array(TASK_FIELDS);
  /** The latest row of each task, by container and pid (its `prev` when it changes again). */
  private readonly latest = new Map<number, Map<number, number>>();
  /** The latest row of each participant, by index. */
  private partRows: number[] = [];
  private head = -1;
  private rareNow: number;
  /** The last frame whose change is written (later frames changed nothing yet). */
  private last = -1;
  private nextCheckpoint: number;
  private readonly initialTasks: number;
  private readonly initialParts: Int32Array;
  private readonly initialPartRows: number;
  private readonly initialHead: number;
  private readonly initialRare: number;

  constructor(
    initial: WorldSnapshot,
    readonly every: number,
  ) {
    this.nextCheckpoint = every - 1;
    for (const c of initial.containers) for (const t of c.tasks) this.taskRow(c.id, t.pid, t);
    this.initialTasks = this.tasks.c.length;
    this.rareNow =
      this.rare.push({
        current: initial.current,
        images: initial.images,
        containers: initial.containers.map(headOfContainer),
      }) - 1;
    this.initialRare = this.rareNow;
    const r = initial.restart;
    if (r) {
      this.head = this.headRow(headOfRestart(r));
      this.partRows = r.participants.map((p, i) => this.partRow(i, p));
    }
    this.initialHead = this.head;
    this.initialParts = Int32Array.from(this.partRows);
    this.initialPartRows = this.parts.i.length;
  }

  get frames(): number {
    return this.ev.seq.length;
  }

  /** Adds the frame of event `e` (during scenario step `step`); returns its index. */
  event(e: EngineEvent, step: number): number {
    const ev = this.ev;
    ev.seq.push(e.seq);
    ev.fn.push(FN_INDEX.get(e.fn) ?? 0);
    ev.actor.push(actorCode(e.actor));
    ev.pid.push(e.pid ?? NONE);
    ev.errno.push(e.errno === undefined ? NONE : this.strings.of(e.errno));
    ev.step.push(step);
    ev.active.push(NONE);
    ev.what.push(e.what);
    ev.data.push(e.data === undefined ? '' : JSON.stringify(e.data));
    this.taskEnd.push(this.tasks.c.length);
    this.partEnd.push(this.parts.i.length);
    this.headAt.push(this.head);
    return this.rareAt.push(this.rareNow);
  }

  /** What frame `f` changed (null: nothing visible) and who holds active_pid after it. */
  change(f: number, ch: FrameChange | null, active: number | null): void {
    if (f < this.last || f >= this.frames) throw new Error(`frame ${f} changed out of order`);
    if (f > this.last) this.seal(f - 1);
    if (ch) this.write(f, ch);
    this.ev.active.set(f, active ?? NONE);
    this.taskEnd.set(f, this.tasks.c.length);
    this.partEnd.set(f, this.parts.i.length);
    this.headAt.set(f, this.head);
    this.rareAt.set(f, this.rareNow);
    this.last = f;
  }

  /** Frames last+1 .. upTo changed nothing: they show the world as it is now (and checkpoints). */
  private seal(upTo: number): void {
    for (let k = this.last + 1; k <= upTo; k++) {
      this.taskEnd.set(k, this.tasks.c.length);
      this.partEnd.set(k, this.parts.i.length);
      this.headAt.set(k, this.head);
      this.rareAt.set(k, this.rareNow);
    }
    while (this.nextCheckpoint <= upTo) {
      if (this.nextCheckpoint >= this.last) this.checkpoint(this.nextCheckpoint);
      this.nextCheckpoint += this.every;
    }
  }

  private checkpoint(frame: number): void {
    const rows: number[] = [];
    for (const m of this.latest.values()) {
      const pids = [...m.keys()].sort((a, b) => a - b);
      for (const pid of pids) rows.push(m.get(pid)!);
    }
    this.checkpoints.push({
      frame,
      tasks: Int32Array.from(rows),
      parts: Int32Array.from(this.partRows),
    });
  }

  private write(f: number, ch: FrameChange): void {
    if (ch.current !== undefined || ch.images || ch.containers) {
      const now = this.rare[this.rareNow];
      this.rareNow =
        this.rare.push({
          current: ch.current ?? now.current,
          images: ch.images ?? now.images,
          containers: ch.containers ?? now.containers,
        }) - 1;
    }
    if (ch.tasks) for (const t of ch.tasks) this.taskRow(t.c, t.pid, t.after);
    if (ch.restart !== undefined) this.head = ch.restart ? this.headRow(ch.restart) : -1;
    if (ch.participantsReset) {
      const at = this.parts.i.length;
      const before = Int32Array.from(this.partRows);
      this.partRows = [];
      ch.participantsReset.forEach((p, i) => this.partRows.push(this.partRow(i, p, -1)));
      this.resets.push({ frame: f, at, before, after: Int32Array.from(this.partRows) });
    }
    if (ch.participants) {
      for (const p of ch.participants) this.partRows[p.i] = this.partRow(p.i, p.after);
    }
  }

  private taskRow(c: number, pid: number, view: TaskView | null): number {
    const t = this.tasks;
    let m = this.latest.get(c);
    if (!m) {
      m = new Map();
      this.latest.set(c, m);
    }
    const row = t.c.push(c);
    t.pid.push(pid);
    t.present.push(view ? 1 : 0);
    t.prev.push(m.get(pid) ?? -1);
    if (view) writeTaskNums(view, this.scratch, 0);
    else this.scratch.fill(0);
    for (let k = 0; k < TASK_FIELDS; k++) t.nums.push(this.scratch[k]);
    if (view) {
      t.comm.push(view.comm);
      m.set(pid, row);
    } else {
      t.comm.push('');
      m.delete(pid);
    }
    return row;
  }

  private partRow(i: number, p: ParticipantView, prev = this.partRows[i] ?? -1): number {
    const r = this.parts;
    const row = r.i.push(i);
    r.pid.push(p.pid ?? NONE);
    r.pc.push(this.strings.of(p.pc));
    r.bits.push(
      (p.sleeping ? PART_SLEEPING : 0) |
        (p.runnable ? PART_RUNNABLE : 0) |
        (p.done ? PART_DONE : 0) |
        (p.zombie ? PART_ZOMBIE : 0) |
        (p.checkpoint_ctx === 'ctx' ? PART_CTX : 0) |
        (p.hung ? PART_HUNG : 0),
    );
    r.prev.push(prev);
    return row;
  }

  private headRow(h: RestartHead): number {
    const history = h.ctx ? h.ctx.history : NO_HISTORY;
    let base = this.bases.length - 1;
    const b = this.bases[base];
    if (
      !b ||
      b.variant !== h.variant ||
      b.image !== h.image ||
      b.container !== h.container ||
      b.pids !== h.pids ||
      b.order !== h.order ||
      (h.ctx && b.history !== history)
    ) {
      base =
        this.bases.push({
          variant: h.variant,
          image: h.image,
          container: h.container,
          pids: h.pids,
          order: h.order,
          history,
        }) - 1;
    }
    const r = this.heads;
    const ctx = h.ctx;
    const row = r.base.push(base);
    r.orderLength.push(h.orderLength);
    r.historyLength.push(ctx ? ctx.historyLength : 0);
    r.active_pid.push(ctx ? ctx.active_pid : 0);
    r.nr_pids.push(ctx ? ctx.nr_pids : 0);
    r.refcount.push(ctx ? ctx.refcount : 0);
    r.error.push(ctx && ctx.error !== null ? this.strings.of(ctx.error) : NONE);
    r.bits.push(
      (ctx ? HEAD_CTX : 0) |
        (ctx?.completed ? HEAD_COMPLETED : 0) |
        (ctx?.success ? HEAD_SUCCESS : 0) |
        (ctx?.freed ? HEAD_FREED : 0) |
        (h.finished ? HEAD_FINISHED : 0),
    );
    return row;
  }

  /** The recording as written (frames not changed yet changed nothing). */
  done(): FrameColumns {
    this.seal(this.frames - 1);
    this.last = this.frames - 1;
    const ev = this.ev;
    const t = this.tasks;
    const p = this.parts;
    const h = this.heads;
    return {
      frames: this.frames,
      events: {
        seq: ev.seq.done(),
        fn: ev.fn.done(),
        actor: ev.actor.done(),
        pid: ev.pid.done(),
        errno: ev.errno.done(),
        step: ev.step.done(),
        active: ev.active.done(),
        what: ev.what.done(),
        data: ev.data.done(),
      },
      taskEnd: this.taskEnd.done(),
      partEnd: this.partEnd.done(),
      headAt: this.headAt.done(),
      rareAt: this.rareAt.done(),
      tasks: {
        c: t.c.done(),
        pid: t.pid.done(),
        present: t.present.done(),
        nums: t.nums.done(),
        comm: t.comm.done(),
        prev: t.prev.done(),
      },
      parts: {
        i: p.i.done(),
        pid: p.pid.done(),
        pc: p.pc.done(),
        bits: p.bits.done(),
        prev: p.prev.done(),
      },
      heads: {
        base: h.base.done(),
        orderLength: h.orderLength.done(),
        historyLength: h.historyLength.done(),
        active_pid: h.active_pid.done(),
        nr_pids: h.nr_pids.done(),
        refcount: h.refcount.done(),
        error: h.error.done(),
        bits: h.bits.done(),
      },
      bases: this.bases,
      rare: this.rare,
      resets: this.resets,
      strings: this.strings.list,
      initialTasks: this.initialTasks,
      initialParts: this.initialParts,
      initialPartRows: this.initialPartRows,
      initialHead: this.initialHead,
      initialRare: this.initialRare,
      every: this.every,
      checkpoints: this.checkpoints,
    };
  }
}
