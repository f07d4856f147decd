import type { ParticipantView, TaskView, WorldSnapshot } from '../snapshot';
import type { ContainerHead, FrameChange, RestartHead } from './changes';
import { containerSnapshot, headOfContainer, headOfRestart, restartSnapshot } from './views';

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

/** Snapshots kept for positions visited lately: the cursor, the end, the step before. */
const CACHED = 16;

/**
 * The world at any frame of a recording, rebuilt from the initial world and each frame's
 * change. One mutable position walks the changes forwards or backwards, so the next or the
 * previous frame costs what that frame changed; the snapshot handed out is built afresh and
 * never mutated, and a container whose tasks did not change keeps the same tasks array.
 */
export class Timeline {
  private pos = -1;
  private current: number;
  private images: string[];
  private heads: ContainerHead[];
  private readonly tasks = new Map<number, Map<number, TaskView>>();
  /** Each container's pids in order, so a frame's task list is a map, not a sort. */
  private readonly pids = new Map<number, number[]>();
  private readonly sorted = new Map<number, TaskView[]>();
  private head: RestartHead | null;
  private parts: ParticipantView[];
  private partsView: ParticipantView[] | null = null;
  private readonly cache = new Map<number, WorldSnapshot>();

  constructor(
    private readonly initial: WorldSnapshot,
    private readonly frames: readonly { change?: FrameChange | null }[],
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
      const ch = this.frames[this.pos].change;
      if (ch) this.forward(ch);
    }
    while (this.pos > i) {
      const ch = this.frames[this.pos].change;
      if (ch) this.backward(ch);
      this.pos--;
    }
  }

  private forward(ch: FrameChange): void {
    if (ch.current) this.current = ch.current[1];
    if (ch.images) this.images = ch.images[1];
    if (ch.containers) this.heads = ch.containers[1];
    for (const t of ch.tasks ?? []) this.setTask(t.c, t.before ?? t.after!, t.after);
    if (ch.restart) this.head = ch.restart[1];
    if (ch.participantsReset) this.parts = ch.participantsReset[1].slice();
    for (const p of ch.participants ?? []) this.parts[p.i] = p.after;
    if (ch.participantsReset || ch.participants) this.partsView = null;
  }

  private backward(ch: FrameChange): void {
    const parts = ch.participants ?? [];
    for (let k = parts.length - 1; k >= 0; k--) {
      const p = parts[k];
      if (p.before) this.parts[p.i] = p.before;
      else this.parts.length = p.i;
    }
    if (ch.participantsReset) this.parts = ch.participantsReset[0].slice();
    if (ch.participantsReset || ch.participants) this.partsView = null;
    if (ch.restart) this.head = ch.restart[0];
    const tasks = ch.tasks ?? [];
    for (let k = tasks.length - 1; k >= 0; k--) {
      const t = tasks[k];
      this.setTask(t.c, t.after ?? t.before!, t.before);
    }
    if (ch.containers) this.heads = ch.containers[0];
    if (ch.images) this.images = ch.images[0];
    if (ch.current) this.current = ch.current[0];
  }

  /** Puts `view` (or nothing) where task `key.pid` of container `c` is. */
  private setTask(c: number, key: TaskView, view: TaskView | null): void {
    let m = this.tasks.get(c);
    let pids = this.pids.get(c);
    if (!m || !pids) {
      m = new Map();
      pids = [];
      this.tasks.set(c, m);
      this.pids.set(c, pids);
    }
    const had = m.has(key.pid);
    if (view) m.set(key.pid, view);
    else m.delete(key.pid);
    if (had !== !!view) {
      const at = lowerBound(pids, key.pid);
      if (view) pids.splice(at, 0, key.pid);
      else pids.splice(at, 1);
    }
    this.sorted.delete(c);
  }

  private tasksOf(c: number): TaskView[] {
    let list = this.sorted.get(c);
    if (!list) {
      const m = this.tasks.get(c);
      list = m ? (this.pids.get(c) ?? []).map((pid) => m.get(pid)!) : [];
      this.sorted.set(c, list);
    }
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
