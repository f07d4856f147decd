import type { ParticipantView, TaskView, WorldSnapshot } from '../snapshot';
import type { ContainerHead, FrameChange, RestartHead } from './changes';
import type { FrameList } from './frames';
import { containerSnapshot, headOfContainer, headOfRestart, restartSnapshot } from './views';

/** What applying one frame replaced: enough to take it back. */
interface Undo {
  current?: number;
  images?: string[];
  containers?: ContainerHead[];
  /** The views the change's tasks replaced, in the change's order. */
  tasks?: (TaskView | null)[];
  restart?: RestartHead | null;
  participantsReset?: ParticipantView[];
  participants?: { i: number; before: ParticipantView | null }[];
}

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
 * The world at any frame of a recording, rebuilt from the initial world and each frame's
 * change. One mutable position walks the changes forwards or backwards, so the next or the
 * previous frame costs what that frame changed; walking forwards notes what each change
 * replaced, which is how it walks back. The snapshot handed out is built afresh and never
 * mutated, and a container whose tasks did not change keeps the same tasks array.
 */
export class WorldReplay {
  private pos = -1;
  private current: number;
  private images: string[];
  private heads: ContainerHead[];
  private readonly tasks = new Map<number, Map<number, TaskView>>();
  /** Each container's pids in order, so a frame's task list is a map, not a sort. */
  private readonly pids = new Map<number, number[]>();
  /** Containers whose pid list is out of date, until tasksOf re-sorts it. */
  private readonly stale = new Set<number>();
  private readonly sorted = new Map<number, TaskView[]>();
  private head: RestartHead | null;
  private parts: ParticipantView[];
  private partsView: ParticipantView[] | null = null;
  private readonly cache = new Map<number, WorldSnapshot>();
  /** Per frame applied so far, what it replaced (frames are always reached forwards first). */
  private readonly undo: (Undo | undefined)[] = [];

  constructor(
    private readonly initial: WorldSnapshot,
    private readonly frames: FrameList,
  ) {
    this.current = initial.current;
    this.images = initial.images;
    this.heads = initial.containers.map(headOfContainer);
    for (const c of initial.containers) {
      this.tasks.set(c.id, new Map(c.tasks.map((t) => [t.pid, t])));
      this.pids.set(
        c.id,
        c.tasks.map((t) => t.pid),
      );
      this.sorted.set(c.id, c.tasks);
    }
    this.head = initial.restart ? headOfRestart(initial.restart) : null;
    this.parts = initial.restart ? initial.restart.participants.slice() : [];
  }

  get length(): number {
    return this.frames.length;
  }

  /** The world after frame `index` (-1: before the first; clamped to the recording). */
  at(index: number): WorldSnapshot {
    const i = Math.max(-1, Math.min(this.frames.length - 1, Math.trunc(index)));
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

  private moveTo(i: number): void {
    while (this.pos < i) {
      this.pos++;
      const ch = this.frames.get(this.pos)!.change;
      if (ch) this.forward(ch);
    }
    while (this.pos > i) {
      this.backward();
      this.pos--;
    }
  }

  /** Applies frame `pos`'s change and notes what it replaced, for the walk back. */
  private forward(ch: FrameChange): void {
    const undo: Undo = {};
    if (ch.current !== undefined) {
      undo.current = this.current;
      this.current = ch.current;
    }
    if (ch.images) {
      undo.images = this.images;
      this.images = ch.images;
    }
    if (ch.containers) {
      undo.containers = this.heads;
      this.heads = ch.containers;
    }
    if (ch.tasks) {
      if (ch.tasks.length > BULK) for (const t of ch.tasks) this.stale.add(t.c);
      undo.tasks = ch.tasks.map((t) => this.setTask(t.c, t.pid, t.after));
    }
    if (ch.restart !== undefined) {
      undo.restart = this.head;
      this.head = ch.restart;
    }
    if (ch.participantsReset) {
      undo.participantsReset = this.parts;
      this.parts = ch.participantsReset.slice();
    }
    if (ch.participants) {
      undo.participants = ch.participants.map((p) => {
        const old = this.parts[p.i] ?? null;
        this.parts[p.i] = p.after;
        return { i: p.i, before: old };
      });
    }
    if (ch.participantsReset || ch.participants) this.partsView = null;
    this.undo[this.pos] = undo;
  }

  /** Takes frame `pos`'s change back, in the reverse order of forward. */
  private backward(): void {
    const undo = this.undo[this.pos];
    if (!undo) return;
    const parts = undo.participants ?? [];
    for (let k = parts.length - 1; k >= 0; k--) {
      const p = parts[k];
      if (p.before) this.parts[p.i] = p.before;
      else this.parts.length = p.i;
    }
    if (undo.participantsReset) this.parts = undo.participantsReset;
    if (undo.participantsReset || undo.participants) this.partsView = null;
    if (undo.restart !== undefined) this.head = undo.restart;
    const old = undo.tasks;
    const tasks = this.frames.get(this.pos)!.change?.tasks;
    if (old && tasks) {
      if (tasks.length > BULK) for (const t of tasks) this.stale.add(t.c);
      for (let k = tasks.length - 1; k >= 0; k--) this.setTask(tasks[k].c, tasks[k].pid, old[k]);
    }
    if (undo.containers) this.heads = undo.containers;
    if (undo.images) this.images = undo.images;
    if (undo.current !== undefined) this.current = undo.current;
  }

  /** Puts `view` (or nothing) where task `pid` of container `c` is; returns what was there. */
  private setTask(c: number, pid: number, view: TaskView | null): TaskView | null {
    let m = this.tasks.get(c);
    if (!m) {
      m = new Map();
      this.tasks.set(c, m);
    }
    const old = m.get(pid) ?? null;
    if (view) m.set(pid, view);
    else m.delete(pid);
    this.sorted.delete(c);
    if (!old === !view) return old;
    // A task came or went: keep the pid list sorted, one insertion at a time while that is
    // cheap; a big change (a destroy, a whole restored tree) re-sorts once when next read.
    const pids = this.pids.get(c);
    if (!pids || this.stale.has(c)) {
      this.stale.add(c);
      return old;
    }
    const at = lowerBound(pids, pid);
    if (view) pids.splice(at, 0, pid);
    else pids.splice(at, 1);
    return old;
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
    if (this.head && !this.partsView) this.partsView = this.parts.slice();
    return {
      current: this.current,
      containers: this.heads.map((h) => containerSnapshot(h, this.tasksOf(h.id))),
      images: this.images,
      restart: this.head ? restartSnapshot(this.head, this.partsView ?? []) : null,
    };
  }
}
