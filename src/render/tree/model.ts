import { showComm } from '../../engine/kernel/comm';
import { runNow, type Job } from './slicedJob';
import { changesByPidAtLeast } from './changes';
import { inKeyOrderJob, PidSearch, pidOf } from './pidOrder';
import { alignByPid, pidsIn } from './stepAlign';
import { describeWaitStatus } from '../../engine/kernel/signals';
import { criuRestoreNotes } from '../../engine/import/criu-notes';
import { activePid } from '../../engine/restart/view';
import {
  shownContainer,
  type ParticipantView,
  type TaskView,
  type WorldSnapshot,
} from '../../engine/snapshot';

/** What the tree view draws, derived from one WorldSnapshot; plain data, no D3. */

export type NodeKind = 'running' | 'stopped' | 'traced' | 'zombie' | 'dead';

export interface TaskNode {
  pid: number;
  comm: string;
  kind: NodeKind;
  /** Layout parent (the leader for threads); null for a root of the container. */
  parent: number | null;
  isThread: boolean;
  frozen: boolean;
  /** Second line: "zombie · exited 2", "stopped", "EXIT_DEAD". */
  status: string;
  /** Restart program counter, e.g. "wait_task_active · sleeping", or null. */
  pc: string | null;
  restarting: boolean;
  sleeping: boolean;
  runnable: boolean;
  active: boolean;
  /** Accessible name: "pid 3 worker zombie, exited 3". */
  name: string;
  /** What CRIU's restore would change about it, as badges ("CRIU: exits 72"); '' for nothing. */
  criu: string;
  task: TaskView;
}

export type CoordinatorStatus = 'waiting' | 'completed' | 'failed' | 'starting';

export interface CoordinatorNode {
  status: CoordinatorStatus;
  text: string;
  pc: string;
  sleeping: boolean;
  runnable: boolean;
  name: string;
}

export interface TreeModel {
  containerId: number;
  label: string;
  frozen: boolean;
  destroyed: boolean;
  nodes: TaskNode[];
  coordinator: CoordinatorNode | null;
  activePid: number | null;
}

function stateWord(t: TaskView): string {
  return t.state === 'dead' ? 'dead (EXIT_DEAD)' : t.state;
}

function statusText(t: TaskView): string {
  if (t.state === 'zombie') return `zombie · ${describeWaitStatus(t.exit_code)}`;
  if (t.state === 'dead') return 'EXIT_DEAD';
  return t.state;
}

/** The card's CRIU badges: what CRIU 4.1.1 would restore differently (engine/import/criu-notes). */
export function criuBadges(t: TaskView): string {
  return criuRestoreNotes(t)
    .map((n) => n.badge)
    .join(' · ');
}

export function taskName(t: TaskView, p: ParticipantView | undefined, active: boolean): string {
  const parts = [`pid ${t.pid} ${showComm(t.comm)} ${stateWord(t)}`];
  if (t.state === 'zombie') parts.push(describeWaitStatus(t.exit_code));
  const criu = criuBadges(t);
  if (criu) parts.push(criu);
  if (t.tgid !== t.pid) parts.push(`thread of ${t.tgid}`);
  if (t.frozen) parts.push('frozen');
  if (p && !p.done) {
    parts.push(`restarting in ${p.pc}`);
    if (p.hung) parts.push('hung: no ctx will come');
    else if (p.sleeping) parts.push('sleeping');
    else if (p.runnable) parts.push('runnable');
  }
  if (active) parts.push('holds active_pid');
  return parts.join(', ');
}

function pcText(p: ParticipantView): string {
  return `${p.pc} · ${p.hung ? 'hung' : p.sleeping ? 'sleeping' : p.runnable ? 'runnable' : 'running'}`;
}

/** The pid whose turn it is while the restart runs (the baton is not drawn once it is over). */
export function activePidOf(snapshot: WorldSnapshot): number | null {
  const r = snapshot.restart;
  return r && !r.finished ? activePid(r) : null;
}

function coordinatorOf(snapshot: WorldSnapshot): CoordinatorNode | null {
  const r = snapshot.restart;
  if (!r) return null;
  const p = r.participants.find((x) => x.id === 'coord');
  const ctx = r.ctx;
  const n = ctx?.nr_pids ?? r.pids.length;
  let status: CoordinatorStatus = 'starting';
  let text = 'setting up ctx';
  if (ctx?.error) {
    status = 'failed';
    text = `failed: ${ctx.error}`;
  } else if (ctx?.completed || r.finished) {
    status = ctx && !ctx.success && r.finished ? 'failed' : 'completed';
    text = status === 'completed' ? `completed ✓ ${n} of ${n}` : 'failed';
  } else if (ctx) {
    status = 'waiting';
    text = `waiting ${Math.max(0, Math.min(n, ctx.active_pid))} of ${n}`;
  }
  const pc = !p
    ? ''
    : !p.done
      ? pcText(p)
      : status === 'failed'
        ? 'sys_restart failed'
        : 'sys_restart returned';
  const state = p && !p.done ? (p.sleeping ? 'sleeping' : p.runnable ? 'runnable' : '') : '';
  const name = ['restart coordinator', text, p && !p.done ? `in ${p.pc}` : '', state]
    .filter(Boolean)
    .join(', ');
  return {
    status,
    text,
    pc,
    sleeping: p?.sleeping ?? false,
    runnable: p?.runnable ?? false,
    name,
  };
}

/**
 * The last model built through a cache: the next step is aligned with it by pid (both task
 * lists in pid order), or compared index by index when its list is not in pid order.
 */
interface LastBuild {
  containerId: number;
  tasks: readonly TaskView[];
  nodes: TaskNode[];
  /** Where each pid of `tasks` is, for parents: a binary search when `tasks` is in pid order. */
  index: PidSearch<TaskView>;
  /**
   * Each task's ppid and tgid by index, carried from step to step: which tasks a pid that came
   * or went is the parent or leader of is a pass over these, not a read of every task object.
   */
  ppids: Int32Array;
  tgids: Int32Array;
  participants: readonly ParticipantView[];
  byPid: Map<number, ParticipantView>;
  /**
   * Pids whose participant `byPid` has moved on from the one their node in `nodes` was built
   * with: a build that updated the map in place and was stopped (a newer snapshot came) before
   * its nodes were made. The next build that steps from `nodes` rebuilds them.
   */
  stale: number[];
  activePid: number | null;
}

/**
 * Memo of built nodes, keyed by the snapshot's task objects. Frames share unchanged tasks (see
 * worker/share.ts), so stepping a big tree rebuilds only the nodes of tasks that changed, and an
 * unchanged task keeps the same TaskNode object: the view can skip it by identity. `last` makes
 * a step of a tree whose tasks keep their places cost a comparison per task and a node per
 * change, not a map of every pid (50 ms a step at 100,000 tasks). `builds` counts the builds
 * started: a build in slices that a newer one overtook stops at its next yield.
 */
export interface NodeCache {
  /** The node last built for a task object (a Node: it knows the participant it was built with). */
  byTask: WeakMap<TaskView, Node>;
  last: LastBuild | null;
  builds: number;
}

export function createNodeCache(): NodeCache {
  return { byTask: new WeakMap(), last: null, builds: 0 };
}

/**
 * A token for the shape of a node array (each task's pid, parent and thread flag at its index):
 * the same object for the next step's array when the shape did not change, so forest.ts keeps
 * its structure (18 ms to build at 100,000 tasks) across steps.
 */
const shapes = new WeakMap<readonly TaskNode[], object>();

export function shapeToken(nodes: readonly TaskNode[]): object {
  return shapes.get(nodes) ?? nodes;
}

/**
 * How a node array of a new shape was stepped from the last one: that array (weakly: a chain
 * of steps must not keep every array alive) and, for each index, the index its task had there
 * (-1 for a task that came). forest.ts updates the last structure through it.
 */
export interface NodeStep {
  from: WeakRef<readonly TaskNode[]>;
  source: Int32Array;
  /** The indexes whose node was made again (maybe twice): every other node is `from`'s. */
  made: readonly number[];
}

const steps = new WeakMap<readonly TaskNode[], NodeStep>();

export function stepOf(nodes: readonly TaskNode[]): NodeStep | undefined {
  return steps.get(nodes);
}

/**
 * Participants by pid, updated from the previous map where the array changed in place. The map
 * is the builder's own (never on a model), so it is updated where it is: copying it cost 18 ms
 * a step at 100,000 participants. `last.participants` moves with it at once, so the map always
 * answers for the array it is compared with, and the pids it changed are `last.stale` until a
 * build's nodes catch up, even when a sliced build stops before its end. `all`: a new map, every
 * participant may differ (the caller looks every node up).
 */
function* participantsByPid(
  list: readonly ParticipantView[],
  last: LastBuild | null,
): Generator<void, { byPid: Map<number, ParticipantView>; all: boolean }, void> {
  if (last && last.participants === list) return { byPid: last.byPid, all: false };
  if (last && last.participants.length === list.length) {
    const prev = last.participants;
    let same = true;
    for (let i = 0; i < list.length && same; i++) {
      same = list[i].pid === prev[i].pid;
      if (i % SCAN_CHUNK === SCAN_CHUNK - 1) yield;
    }
    if (same) {
      // Nothing yields from here until the array moves with the map.
      const m = last.byPid;
      for (let i = 0; i < list.length; i++) {
        const p = list[i];
        if (p === prev[i] || p.pid === null) continue;
        m.set(p.pid, p);
        last.stale.push(p.pid);
      }
      last.participants = list;
      return { byPid: m, all: false };
    }
  }
  const m = new Map<number, ParticipantView>();
  for (let i = 0; i < list.length; i++) {
    const p = list[i];
    if (p.pid !== null) m.set(p.pid, p);
    if (i % SCAN_CHUNK === SCAN_CHUNK - 1) yield;
  }
  return { byPid: m, all: true };
}

/** Pids looked up (a binary search each) between two yields. */
const LOOKUP_CHUNK = 4096;

/** Items compared or indexed between two yields (far cheaper than a node each). */
const SCAN_CHUNK = 16_384;

/** Builds the tree model of the container shown at this snapshot (the restart's during one). */
export function buildTreeModel(snapshot: WorldSnapshot, cache?: NodeCache): TreeModel | null {
  const out: { model: TreeModel | null } = { model: null };
  runNow(treeModelJob(snapshot, cache, out));
  return out.model;
}

/** A tree of at least this many tasks, new to the cache, is built in slices (treeModelJob). */
export const SLICED_MODEL_ABOVE = 5000;

/**
 * A big tree's snapshot that changes at least this many task views or restart participants of
 * the last one built (a freeze, a jump across a restart) is built in slices too: each change is
 * a new node (100,000 of them: 120-250 ms in one task). A step changes a few.
 */
export const SLICED_CHANGES_ABOVE = 4096;

/**
 * Whether the model of `snapshot` is worth building in slices: a big container the cache has
 * not built (another container), or one whose snapshot changes SLICED_CHANGES_ABOVE or more of
 * the task views or participants the cache built last, where that many tasks get a new node.
 * A step of a built tree costs its few changes and stays synchronous.
 */
export function buildsInSlices(snapshot: WorldSnapshot, cache: NodeCache): boolean {
  const c = shownContainer(snapshot);
  if (!c || c.tasks.length < SLICED_MODEL_ABOVE) return false;
  const last = cache.last;
  if (!last || last.containerId !== c.id) return true;
  const participants = snapshot.restart?.participants ?? NO_PARTICIPANTS;
  const limit = SLICED_CHANGES_ABOVE;
  // Aligned by pid: a task gone is one change, not one per later index (a destroy's step).
  const tasks = changesByPidAtLeast(c.tasks, last.tasks, limit);
  return (
    tasks >= limit || changesByPidAtLeast(participants, last.participants, limit, tasks) >= limit
  );
}

const NO_PARTICIPANTS: readonly ParticipantView[] = [];

/** Nodes made between two yields of a model's build (a few ms even when a collection lands in it). */
const CHUNK = 512;

/**
 * buildTreeModel in slices (slicedJob.ts): the model is in `out.model` when it ends. A build
 * started after this one (the next snapshot's, maybe synchronous) makes this one stop at its
 * next yield, before it writes the cache: the newer build's `last` stays the cache's.
 */
export function* treeModelJob(
  snapshot: WorldSnapshot,
  cache: NodeCache | undefined,
  out: { model: TreeModel | null },
): Job {
  out.model = null;
  if (!cache) return yield* buildModel(snapshot, undefined, out);
  const build = ++cache.builds;
  const job = buildModel(snapshot, cache, out);
  for (let step = job.next(); !step.done; step = job.next()) {
    yield step.value;
    if (cache.builds !== build) return;
  }
}

function* buildModel(
  snapshot: WorldSnapshot,
  cache: NodeCache | undefined,
  out: { model: TreeModel | null },
): Job {
  const c = shownContainer(snapshot);
  if (!c) return;
  const activePid = activePidOf(snapshot);
  const last = cache?.last?.containerId === c.id ? cache.last : null;
  const list = snapshot.restart?.participants ?? NO_PARTICIPANTS;
  const { byPid: participants, all } = yield* participantsByPid(list, last);
  const stepped =
    last && !all ? yield* stepNodes(c.tasks, last, participants, activePid, cache!) : null;
  let index: PidSearch<TaskView>;
  let nodes: TaskNode[];
  let ppids: Int32Array;
  let tgids: Int32Array;
  if (stepped) {
    ({ index, nodes, ppids, tgids } = stepped);
  } else {
    const tasks = c.tasks;
    // A pass of compares, far less than the nodes below (a Map only for a list out of order).
    index = new PidSearch(tasks, yield* inKeyOrderJob(tasks, pidOf, SCAN_CHUNK));
    nodes = [];
    ppids = new Int32Array(tasks.length);
    tgids = new Int32Array(tasks.length);
    for (let i = 0; i < tasks.length; i++) {
      nodes.push(nodeOf(tasks[i], index, participants, activePid, cache));
      ppids[i] = tasks[i].ppid;
      tgids[i] = tasks[i].tgid;
      if (i % CHUNK === CHUNK - 1) yield;
    }
  }
  if (cache) {
    cache.last = {
      containerId: c.id,
      tasks: c.tasks,
      nodes,
      index,
      ppids,
      tgids,
      participants: list,
      byPid: participants,
      stale: [],
      activePid,
    };
  }
  out.model = {
    containerId: c.id,
    // A destroyed container has no freezer left to be in: it is only gone.
    label: c.destroyed
      ? `container ${c.id} · gone`
      : `container ${c.id}${c.freezer === 'FROZEN' ? ' · FROZEN' : ''}`,
    frozen: !c.destroyed && c.freezer === 'FROZEN',
    destroyed: c.destroyed,
    nodes,
    coordinator: coordinatorOf(snapshot),
    activePid,
  };
}

/** A task's node, through the cache's memo of task objects. */
function nodeOf(
  t: TaskView,
  pids: PidSearch<TaskView>,
  participants: Map<number, ParticipantView>,
  activePid: number | null,
  cache: NodeCache | undefined,
): TaskNode {
  const isThread = t.tgid !== t.pid && pids.has(t.tgid);
  const parent = isThread ? t.tgid : pids.has(t.ppid) && t.ppid !== t.pid ? t.ppid : null;
  const p = participants.get(t.pid);
  const active = activePid === t.pid;
  const hit = cache?.byTask.get(t);
  if (
    hit &&
    hit.participant === p &&
    hit.parent === parent &&
    hit.isThread === isThread &&
    hit.active === active
  ) {
    return hit;
  }
  const node = taskNode(t, p, parent, isThread, active);
  cache?.byTask.set(t, node);
  return node;
}

/**
 * The nodes of a step, from the last build's: an unchanged task keeps its node object, and a
 * node is made only where the task object, its participant (`last.stale`) or active_pid
 * changed, or where the task's parent or leader came or went (a task whose ppid was released
 * becomes a root without its own view changing). The lists are aligned by pid, so a task gone
 * at the front of a destroy is one change, not one per later index. Yields every SCAN_CHUNK
 * tasks compared and CHUNK nodes made (a jump that changes most tasks is built in slices).
 * Null when either list is not in pid order: then every node is looked up.
 */
function* stepNodes(
  tasks: readonly TaskView[],
  last: LastBuild,
  participants: Map<number, ParticipantView>,
  activePid: number | null,
  cache: NodeCache,
): Generator<
  void,
  { nodes: TaskNode[]; index: PidSearch<TaskView>; ppids: Int32Array; tgids: Int32Array } | null,
  void
> {
  if (!last.index.sorted) return null;
  const aligned = alignByPid(tasks, last.tasks, last.nodes);
  if (!aligned) return null;
  const { redo, moved, kept, source } = aligned;
  const index = moved.length ? new PidSearch(tasks, true) : last.index;
  let { ppids, tgids } = last;
  if (redo.length || moved.length) {
    ppids = new Int32Array(tasks.length);
    tgids = new Int32Array(tasks.length);
    for (let j = 0; j < tasks.length; j++) {
      const i = source[j];
      if (i >= 0) {
        ppids[j] = last.ppids[i];
        tgids[j] = last.tgids[i];
      }
    }
    for (const j of redo) {
      ppids[j] = tasks[j].ppid;
      tgids[j] = tasks[j].tgid;
    }
  }
  if (moved.length) {
    // One pass for the children and threads of the few pids that came or went.
    const hit = pidsIn(moved);
    for (let j = 0; j < tasks.length; j++) {
      if (hit(ppids[j]) || hit(tgids[j])) redo.push(j);
      if (j % SCAN_CHUNK === SCAN_CHUNK - 1) yield;
    }
  }
  const touched = last.stale;
  if (touched.length || last.activePid !== null || activePid !== null) {
    const pids = [...touched, last.activePid, activePid];
    for (let k = 0; k < pids.length; k++) {
      const pid = pids[k];
      const j = pid === null ? -1 : index.indexOf(pid);
      // An index here twice (a changed task, a stale pid, active_pid's) is made once: the memo.
      if (j >= 0) redo.push(j);
      // A jump across a restart moves every participant on: 100,000 lookups, in pieces.
      if (k % LOOKUP_CHUNK === LOOKUP_CHUNK - 1) yield;
    }
  }
  // Nothing to redo (the build after a sliced one, a step elsewhere): the same array, not a
  // copy of 100,000 entries for the collector.
  if (!redo.length && !moved.length) return { nodes: last.nodes, index, ppids, tgids };
  // Every hole is in `redo`: filled below.
  const nodes = kept as TaskNode[];
  let sameShape = !moved.length;
  for (let k = 0; k < redo.length; k++) {
    const j = redo[k];
    const n = nodeOf(tasks[j], index, participants, activePid, cache);
    // Without a task come or gone, index j held the same pid last time.
    const old = last.nodes[j];
    if (sameShape && (n.parent !== old.parent || n.isThread !== old.isThread)) sameShape = false;
    nodes[j] = n;
    if (k % CHUNK === CHUNK - 1) yield;
  }
  if (sameShape) shapes.set(nodes, shapeToken(last.nodes));
  else steps.set(nodes, { from: new WeakRef(last.nodes), source, made: redo });
  return { nodes, index, ppids, tgids };
}

/** A node's texts, made when first read (most nodes of a big tree are never shown). */
interface NodeTexts {
  comm?: string;
  pc?: string | null;
  status?: string;
  name?: string;
  criu?: string;
}

/**
 * A task's node: the task, its participant and its place; everything else is read from them
 * when asked. Its texts are made when first read: a 50,000-task model shows a few thousand
 * cards, and formatting names, wait statuses, comms and restart pcs for every task took most of
 * building it. A jump that changes 100,000 tasks makes 100,000 nodes, all kept: six fields each
 * (not thirteen) is less for every garbage collection to copy.
 */
class Node implements TaskNode {
  private texts: NodeTexts | undefined;

  constructor(
    readonly task: TaskView,
    readonly participant: ParticipantView | undefined,
    readonly parent: number | null,
    readonly isThread: boolean,
    readonly active: boolean,
  ) {}

  get pid(): number {
    return this.task.pid;
  }

  get kind(): NodeKind {
    return this.task.state;
  }

  get frozen(): boolean {
    return this.task.frozen;
  }

  /** A byte the kernel cut shows as \xNN, never U+FFFD. */
  get comm(): string {
    return ((this.texts ??= {}).comm ??= showComm(this.task.comm));
  }

  get restarting(): boolean {
    return !!this.participant && !this.participant.done;
  }

  get pc(): string | null {
    const texts = (this.texts ??= {});
    if (texts.pc === undefined) texts.pc = this.restarting ? pcText(this.participant!) : null;
    return texts.pc;
  }

  get sleeping(): boolean {
    return this.restarting && this.participant!.sleeping;
  }

  get runnable(): boolean {
    return this.restarting && this.participant!.runnable;
  }

  get status(): string {
    const t = this.task;
    return ((this.texts ??= {}).status ??=
      statusText(t) + (t.traced && t.state !== 'traced' ? ' · traced' : ''));
  }

  get name(): string {
    return ((this.texts ??= {}).name ??= taskName(this.task, this.participant, this.active));
  }

  get criu(): string {
    return ((this.texts ??= {}).criu ??= criuBadges(this.task));
  }
}

function taskNode(
  t: TaskView,
  p: ParticipantView | undefined,
  parent: number | null,
  isThread: boolean,
  active: boolean,
): Node {
  return new Node(t, p, parent, isThread, active);
}
