import { sameTaskView, taskView } from '../kernel/view';
import type { Container, Task, World } from '../kernel/types';
import type { Part, RestartState } from '../restart/types';
import type { EngineEvent } from '../events';
import { changesOnlyNamedTask } from '../kernel-fns';
import { parsePartId } from '../part-id';
import type { TaskView, WorldSnapshot } from '../snapshot';
import type { ContainerHead, FrameChange, TaskChange } from './changes';
import { RestartRecorder } from './restart-recorder';
import { containerSnapshot, sortedTasks } from './views';

function sameHead(a: ContainerHead, c: Container): boolean {
  return (
    a.id === c.id && a.destroyed === c.destroyed && a.freezer === c.freezer && a.root === c.root
  );
}

function headOf(c: Container): ContainerHead {
  return { id: c.id, destroyed: c.destroyed, freezer: c.freezer, root: c.root };
}

/**
 * Watches the world during a session and says, at each frame, what changed since the frame
 * before: the engine side of the timeline (src/engine/timeline/timeline.ts is the page side);
 * the restart's head and participants are RestartRecorder's part.
 * The events and restart steps since the last frame (noteEvent, noteStep) say which tasks and
 * participants may have changed; only those are compared, unless an event may have touched
 * others, then every one is (without allocating). Memory is O(changes): views that did not
 * change are reused.
 */
export class ChangeRecorder {
  private current: number;
  private images: string[];
  private heads: ContainerHead[];
  private readonly views = new Map<number, Map<number, TaskView>>();
  private readonly restart = new RestartRecorder();
  /** Since the last frame: every task must be compared, or only these pids. */
  private allTasks = false;
  private dirty = new Set<number>();
  /**
   * The tasks named since the frame before the last, compared again: an event emitted just
   * before its change is made would otherwise lose that change (it lands a frame late; the
   * kernel model says a change, then emits, as zap's release_task now does).
   */
  private carried = new Set<number>();

  constructor(world: World) {
    this.current = world.current;
    this.images = [...world.images.keys()];
    this.heads = world.containers.map(headOf);
    for (const c of world.containers) {
      const m = new Map<number, TaskView>();
      for (const t of c.tasks.values()) m.set(t.pid, taskView(c, t));
      this.views.set(c.id, m);
    }
  }

  /** The world as the recorder last saw it (no restart runs before the first step). */
  snapshot(): WorldSnapshot {
    return {
      current: this.current,
      containers: this.heads.map((h) =>
        containerSnapshot(h, sortedTasks(this.views.get(h.id) ?? new Map())),
      ),
      images: this.images,
      restart: null,
    };
  }

  /** Pid of the task holding active_pid as last recorded; null outside a restart or past the end. */
  activePid(): number | null {
    return this.restart.activePid();
  }

  /**
   * An engine event happened: remembers which tasks it may have changed (`touched`: the ones
   * an event of a function that may change any task did act on, when its step knows them).
   */
  noteEvent(e: EngineEvent, touched?: readonly number[]): void {
    if (this.allTasks) return;
    if (touched) {
      for (const pid of touched) this.dirty.add(pid);
      return;
    }
    if (!changesOnlyNamedTask(e.fn)) {
      this.allTasks = true;
      return;
    }
    if (e.pid !== undefined) this.dirty.add(e.pid);
    const actor = parsePartId(e.actor);
    if (typeof actor === 'number') this.dirty.add(actor);
  }

  /** A restart step finished: `p` stepped, and `broadcast` steps may have woken everyone. */
  noteStep(p: Part, broadcast: boolean): void {
    this.restart.noteStep(p, broadcast);
  }

  /** What changed since the last call (or construction); null when nothing visible did. */
  record(world: World, run: RestartState | null): FrameChange | null {
    const ch: FrameChange = {};
    if (world.current !== this.current) {
      ch.current = world.current;
      this.current = world.current;
    }
    if (
      world.images.size !== this.images.length ||
      this.images.some((name) => !world.images.has(name))
    ) {
      const next = [...world.images.keys()];
      ch.images = next;
      this.images = next;
    }
    const cs = world.containers;
    if (cs.length !== this.heads.length || cs.some((c, i) => !sameHead(this.heads[i], c))) {
      const next = cs.map(headOf);
      ch.containers = next;
      this.heads = next;
      // A freezer write changes every task's `frozen`; a destroy or a new container, their lists.
      this.allTasks = true;
    }
    const tasks: TaskChange[] = [];
    for (const c of cs) {
      if (this.allTasks) this.diffTasks(c, tasks);
      else this.diffDirtyTasks(c, tasks);
    }
    if (this.views.size > cs.length) this.dropVanished(world, tasks);
    if (tasks.length) ch.tasks = tasks;
    this.allTasks = false;
    const next = this.carried;
    next.clear();
    this.carried = this.dirty;
    this.dirty = next;
    this.restart.diff(run, ch);
    for (const _ in ch) return ch;
    return null;
  }

  /** Compares the tasks the events named and their parents; all of them if the count is off. */
  private diffDirtyTasks(c: Container, out: TaskChange[]): void {
    const views = this.views.get(c.id);
    if (!views) return this.diffTasks(c, out);
    for (const pid of this.carried) if (!this.dirty.has(pid)) this.diffPid(c, pid, views, out);
    for (const pid of this.dirty) this.diffPid(c, pid, views, out);
    // A task created or released without an event naming it: fall back to a full compare.
    if (views.size !== c.tasks.size) this.diffTasks(c, out);
  }

  /** Compares task `pid` and its parent, or notes that it is gone. */
  private diffPid(
    c: Container,
    pid: number,
    views: Map<number, TaskView>,
    out: TaskChange[],
  ): void {
    const t = c.tasks.get(pid);
    if (t) {
      this.diffTask(c, t, views, out);
      const parent = c.tasks.get(t.parent);
      if (parent) this.diffTask(c, parent, views, out);
    } else if (views.has(pid)) {
      out.push({ c: c.id, pid, after: null });
      views.delete(pid);
    }
  }

  private diffTask(c: Container, t: Task, views: Map<number, TaskView>, out: TaskChange[]): void {
    const v = views.get(t.pid);
    if (v && sameTaskView(c, t, v)) return;
    const next = taskView(c, t);
    out.push({ c: c.id, pid: t.pid, after: next });
    views.set(t.pid, next);
  }

  private diffTasks(c: Container, out: TaskChange[]): void {
    let views = this.views.get(c.id);
    if (!views) {
      views = new Map();
      this.views.set(c.id, views);
    }
    for (const t of c.tasks.values()) this.diffTask(c, t, views, out);
    if (views.size === c.tasks.size) return;
    for (const pid of views.keys()) {
      if (c.tasks.has(pid)) continue;
      out.push({ c: c.id, pid, after: null });
      views.delete(pid);
    }
  }

  private dropVanished(world: World, out: TaskChange[]): void {
    const ids = new Set(world.containers.map((c) => c.id));
    for (const [id, views] of this.views) {
      if (ids.has(id)) continue;
      for (const pid of views.keys()) out.push({ c: id, pid, after: null });
      this.views.delete(id);
    }
  }
}
