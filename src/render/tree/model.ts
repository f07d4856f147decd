import { showComm } from '../../engine/kernel/comm';
import { runNow, type Job } from './slicedJob';
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

/** The last model built through a cache: the next step is compared with it index by index. */
interface LastBuild {
  containerId: number;
  tasks: readonly TaskView[];
  nodes: TaskNode[];
  /** Pids of `tasks`, for parents, and their indexes: kept while every index keeps its pid. */
  pids: Set<number>;
  index: Map<number, number> | null;
  participants: readonly ParticipantView[];
  byPid: Map<number, ParticipantView>;
  activePid: number | null;
}

/**
 * Memo of built nodes, keyed by the snapshot's task objects. Frames share unchanged tasks (see
 * worker/share.ts), so stepping a big tree rebuilds only the nodes of tasks that changed, and an
 * unchanged task keeps the same TaskNode object: the view can skip it by identity. `last` makes
 * a step of a tree whose tasks keep their places cost a comparison per task and a node per
 * change, not a map of every pid (50 ms a step at 100,000 tasks).
 */
export interface NodeCache {
  byTask: WeakMap<TaskView, { node: TaskNode; participant: ParticipantView | undefined }>;
  last: LastBuild | null;
}

export function createNodeCache(): NodeCache {
  return { byTask: new WeakMap(), last: null };
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
 * Participants by pid, updated from the previous map where the array changed in place. The map
 * is the builder's own (never on a model), so it is updated where it is: copying it cost 18 ms
 * a step at 100,000 participants. `last.participants` moves with it at once, so the map always
 * answers for the array it is compared with, even when a sliced build stops before its end.
 */
function participantsByPid(
  list: readonly ParticipantView[],
  last: LastBuild | null,
  changed: number[],
): Map<number, ParticipantView> {
  if (last && last.participants === list) return last.byPid;
  if (last && last.participants.length === list.length) {
    const prev = last.participants;
    let same = true;
    for (let i = 0; i < list.length && same; i++) same = list[i].pid === prev[i].pid;
    if (same) {
      const m = last.byPid;
      for (let i = 0; i < list.length; i++) {
        const p = list[i];
        if (p === prev[i] || p.pid === null) continue;
        m.set(p.pid, p);
        changed.push(p.pid);
      }
      last.participants = list;
      return m;
    }
  }
  const m = new Map<number, ParticipantView>();
  for (const p of list) if (p.pid !== null) m.set(p.pid, p);
  // Every participant may differ: the caller compares them all.
  changed.push(-1);
  return m;
}

/** Builds the tree model of the container shown at this snapshot (the restart's during one). */
export function buildTreeModel(snapshot: WorldSnapshot, cache?: NodeCache): TreeModel | null {
  const out: { model: TreeModel | null } = { model: null };
  runNow(treeModelJob(snapshot, cache, out));
  return out.model;
}

/** A tree of at least this many tasks, new to the cache, is built in slices (treeModelJob). */
export const SLICED_MODEL_ABOVE = 5000;

/**
 * Whether the model of `snapshot` is worth building in slices: a big container the cache has
 * not built (another container, or this many tasks more or fewer), where every task gets a
 * node (100,000 tasks: about 180 ms in one task). A step of a built tree costs its changes.
 */
export function buildsInSlices(snapshot: WorldSnapshot, cache: NodeCache): boolean {
  const c = shownContainer(snapshot);
  if (!c || c.tasks.length < SLICED_MODEL_ABOVE) return false;
  const last = cache.last;
  return (
    !last ||
    last.containerId !== c.id ||
    Math.abs(last.tasks.length - c.tasks.length) >= SLICED_MODEL_ABOVE
  );
}

/** Tasks between two yields of a model's build. */
const CHUNK = 2048;

/** buildTreeModel in slices (slicedJob.ts): the model is in `out.model` when it ends. */
export function* treeModelJob(
  snapshot: WorldSnapshot,
  cache: NodeCache | undefined,
  out: { model: TreeModel | null },
): Job {
  const c = shownContainer(snapshot);
  out.model = null;
  if (!c) return;
  const activePid = activePidOf(snapshot);
  const last = cache?.last?.containerId === c.id ? cache.last : null;
  const changedParticipants: number[] = [];
  const participants = participantsByPid(
    snapshot.restart?.participants ?? [],
    last,
    changedParticipants,
  );
  const stepped =
    last && stepNodes(c.tasks, last, participants, changedParticipants, activePid, cache!);
  let pids: Set<number>;
  let nodes: TaskNode[];
  if (stepped) {
    pids = last!.pids;
    nodes = stepped;
  } else {
    const tasks = c.tasks;
    pids = new Set<number>();
    for (let i = 0; i < tasks.length; i++) {
      pids.add(tasks[i].pid);
      if (i % CHUNK === CHUNK - 1) yield;
    }
    nodes = [];
    for (let i = 0; i < tasks.length; i++) {
      nodes.push(nodeOf(tasks[i], pids, participants, activePid, cache));
      if (i % CHUNK === CHUNK - 1) yield;
    }
  }
  if (cache) {
    cache.last = {
      containerId: c.id,
      tasks: c.tasks,
      nodes,
      pids,
      index: stepped ? last!.index : null,
      participants: snapshot.restart?.participants ?? [],
      byPid: participants,
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
  pids: Set<number>,
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
    hit.node.parent === parent &&
    hit.node.isThread === isThread &&
    hit.node.active === active
  ) {
    return hit.node;
  }
  const node = taskNode(t, p, parent, isThread, active);
  cache?.byTask.set(t, { node, participant: p });
  return node;
}

/**
 * The nodes of a step whose tasks keep their places (each index the same pid as last time):
 * the last nodes, with a new node only where the task object, its participant or active_pid
 * changed. Null when a task came, went or moved: then every node is looked up.
 */
function stepNodes(
  tasks: readonly TaskView[],
  last: LastBuild,
  participants: Map<number, ParticipantView>,
  changedParticipants: number[],
  activePid: number | null,
  cache: NodeCache,
): TaskNode[] | null {
  const prev = last.tasks;
  if (prev.length !== tasks.length || changedParticipants.includes(-1)) return null;
  const redo: number[] = [];
  for (let i = 0; i < tasks.length; i++) {
    if (tasks[i] === prev[i]) continue;
    if (tasks[i].pid !== prev[i].pid) return null;
    redo.push(i);
  }
  const touched = new Set([...changedParticipants, last.activePid, activePid]);
  touched.delete(null);
  if (touched.size) {
    last.index ??= new Map(tasks.map((t, i) => [t.pid, i]));
    for (const pid of touched) {
      const i = last.index.get(pid!);
      if (i !== undefined) redo.push(i);
    }
  }
  const nodes = last.nodes.slice();
  let sameShape = true;
  for (const i of redo) {
    const n = nodeOf(tasks[i], last.pids, participants, activePid, cache);
    const old = last.nodes[i];
    if (n.parent !== old.parent || n.isThread !== old.isThread) sameShape = false;
    nodes[i] = n;
  }
  if (sameShape) shapes.set(nodes, shapeToken(last.nodes));
  return nodes;
}

/**
 * A task's node. Its texts are made when first read: a 50,000-task model shows a few thousand
 * cards, and formatting names and wait statuses for every task took most of building it.
 */
class Node implements TaskNode {
  readonly pid: number;
  readonly comm: string;
  readonly kind: NodeKind;
  readonly frozen: boolean;
  readonly pc: string | null;
  readonly restarting: boolean;
  readonly sleeping: boolean;
  readonly runnable: boolean;
  private statusText: string | undefined;
  private nameText: string | undefined;
  private criuText: string | undefined;

  constructor(
    readonly task: TaskView,
    private readonly participant: ParticipantView | undefined,
    readonly parent: number | null,
    readonly isThread: boolean,
    readonly active: boolean,
  ) {
    const p = participant;
    this.pid = task.pid;
    this.comm = showComm(task.comm); // a byte the kernel cut shows as \xNN, never U+FFFD
    this.kind = task.state;
    this.frozen = task.frozen;
    this.restarting = !!p && !p.done;
    this.pc = this.restarting && p ? pcText(p) : null;
    this.sleeping = this.restarting && !!p?.sleeping;
    this.runnable = this.restarting && !!p?.runnable;
  }

  get status(): string {
    const t = this.task;
    return (this.statusText ??=
      statusText(t) + (t.traced && t.state !== 'traced' ? ' · traced' : ''));
  }

  get name(): string {
    return (this.nameText ??= taskName(this.task, this.participant, this.active));
  }

  get criu(): string {
    return (this.criuText ??= criuBadges(this.task));
  }
}

function taskNode(
  t: TaskView,
  p: ParticipantView | undefined,
  parent: number | null,
  isThread: boolean,
  active: boolean,
): TaskNode {
  return new Node(t, p, parent, isThread, active);
}
