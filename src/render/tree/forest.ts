import { shapeToken, stepOf, type TaskNode } from './model';
import { runNow, type Job } from './slicedJob';

/**
 * The parent and children structure of one model's tasks, with each task's descendant count.
 * Built once per shape (model.ts shapeToken) and kept in a WeakMap: opening or closing a
 * subtree of a 50,000-task tree then walks only the shown part, not the whole tree again.
 * Threads count as children of their leader. Indexes in typed arrays, and a pid found by a
 * binary search over the pids in pid order (the model's order), not a Map and an array per
 * task: a Map of 70,000 pids took 40 ms a step of a big destroy, where the shape changes at
 * every step. A step's structure is the last one's, updated (stepStructure).
 */
export interface Forest {
  /** Tasks without a parent among the tasks, in model order. */
  readonly roots: TaskNode[];
  /** Children of a task, in model order; undefined for a leaf or an unknown pid. */
  children(pid: number): TaskNode[] | undefined;
  /** The parent a task names (maybe not among the tasks); undefined for an unknown pid. */
  parentOf(pid: number): number | null | undefined;
  /** Number of descendants of a task (0 for a leaf or an unknown pid). */
  descendants(pid: number): number;
  /** The same, by index into the node array (for walks that read every shown task). */
  readonly index: ForestIndex;
}

/** The forest's typed arrays: indexes into the node array it was built for. */
export interface ForestIndex {
  /** Indexes of the roots, in model order. */
  readonly roots: Int32Array;
  /** Children of index i: list[start[i]] .. list[start[i + 1] - 1], in model order. */
  readonly start: Int32Array;
  readonly list: Int32Array;
  /** Parent index of each index, -1 for a root. */
  readonly parent: Int32Array;
  /** Descendants of each index. */
  readonly size: Int32Array;
  /** Each index's pid (the node's, read without touching the node). */
  readonly pids: Int32Array;
  /** The index of a pid, or -1. */
  indexOf(pid: number): number;
}

/** The structure by shape (model.ts shapeToken): a step that changes no parent keeps it. */
const structures = new WeakMap<object, Structure>();
const forests = new WeakMap<readonly TaskNode[], Forest>();

interface Structure {
  /** Each index's pid. */
  pids: Int32Array;
  /** Indexes in pid order, or null when `pids` is in pid order already (the model's lists). */
  byPid: Int32Array | null;
  parent: Int32Array;
  roots: Int32Array;
  start: Int32Array;
  list: Int32Array;
  size: Int32Array;
}

/** The index of `pid` in a structure: a binary search, through `byPid` when out of order. */
function indexIn({ pids, byPid }: Structure, pid: number): number {
  let lo = 0;
  let hi = pids.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const at = byPid ? byPid[mid] : mid;
    const p = pids[at];
    if (p < pid) lo = mid + 1;
    else if (p > pid) hi = mid - 1;
    else return at;
  }
  return -1;
}

export function forestOf(all: readonly TaskNode[]): Forest {
  let f = forests.get(all);
  if (!f) {
    const token = shapeToken(all);
    if (!structures.has(token) && !stepStructure(all)) runNow(structureJob(all));
    f = bind(structures.get(token)!, all);
    forests.set(all, f);
  }
  return f;
}

/** The forest of one node array over a structure (indexes into any array of that shape). */
function bind(s: Structure, all: readonly TaskNode[]): Forest {
  const { start, list, size } = s;
  const indexOf = (pid: number) => indexIn(s, pid);
  let roots: TaskNode[] | undefined;
  return {
    // Made when first read: the shown part walks indexes (36,000 roots half-way through a
    // destroy of 100,000 tasks).
    get roots() {
      return (roots ??= Array.from(s.roots, (i) => all[i]));
    },
    children(pid) {
      const i = indexOf(pid);
      if (i < 0 || start[i] === start[i + 1]) return undefined;
      const out: TaskNode[] = [];
      for (let c = start[i]; c < start[i + 1]; c++) out.push(all[list[c]]);
      return out;
    },
    parentOf(pid) {
      const i = indexOf(pid);
      return i < 0 ? undefined : all[i].parent;
    },
    descendants(pid) {
      const i = indexOf(pid);
      return i < 0 ? 0 : size[i];
    },
    index: { roots: s.roots, start, list, parent: s.parent, size, pids: s.pids, indexOf },
  };
}

/**
 * The structure of `all` built in slices (slicedJob.ts), or null when it is built already (or
 * stepped from the last one at once: a few typed-array passes): a new tree of 100,000 tasks
 * takes tens of milliseconds to index, more than one task should.
 */
export function forestJob(all: readonly TaskNode[]): Job | null {
  return structures.has(shapeToken(all)) || stepStructure(all) ? null : structureJob(all);
}

/** Items between two yields of the structure's loops. */
const CHUNK = 4096;

/** Builds the structure of `all`, yielding every CHUNK items, and keeps it by shape. */
function* structureJob(all: readonly TaskNode[]): Job {
  const n = all.length;
  const pids = new Int32Array(n);
  let sorted = true;
  for (let i = 0; i < n; i++) {
    pids[i] = all[i].pid;
    if (i > 0 && pids[i] <= pids[i - 1]) sorted = false;
    if (i % CHUNK === CHUNK - 1) yield;
  }
  const byPid = sorted ? null : Int32Array.from(pids.keys()).sort((a, b) => pids[a] - pids[b]);
  yield;
  const s = { pids, byPid } as Structure;
  const parent = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const p = all[i].parent;
    parent[i] = p === null ? -1 : indexIn(s, p);
    if (i % CHUNK === CHUNK - 1) yield;
  }
  yield* linkJob(s, parent);
  structures.set(shapeToken(all), s);
}

/** Typed-array items between two yields of linkJob (far cheaper than an item of the above). */
const PASS_CHUNK = 16_384;

/**
 * Fills in `s`'s children lists, roots and descendant counts from `parent`: passes over typed
 * arrays only (under 2 ms at 100,000 tasks), yielding every PASS_CHUNK items.
 */
function* linkJob(s: Structure, parent: Int32Array): Generator<void, void, void> {
  const n = parent.length;
  // Children as one list grouped by parent (start[p] .. start[p + 1]), in model order.
  const start = new Int32Array(n + 1);
  let rootCount = 0;
  for (let i = 0; i < n; i++) {
    if (parent[i] < 0) rootCount++;
    else start[parent[i] + 1]++;
  }
  for (let i = 0; i < n; i++) start[i + 1] += start[i];
  yield;
  const fill = start.slice(0, n);
  const list = new Int32Array(n);
  const roots = new Int32Array(rootCount);
  for (let i = 0, r = 0; i < n; i++) {
    if (parent[i] >= 0) list[fill[parent[i]]++] = i;
    else roots[r++] = i;
    if (i % PASS_CHUNK === PASS_CHUNK - 1) yield;
  }
  // Breadth-first order, then counts summed from the leaves up in one reverse pass.
  const order = new Int32Array(n);
  let len = 0;
  for (let r = 0; r < roots.length; r++) order[len++] = roots[r];
  for (let q = 0; q < len; q++) {
    const i = order[q];
    for (let c = start[i]; c < start[i + 1]; c++) order[len++] = list[c];
    if (q % PASS_CHUNK === PASS_CHUNK - 1) yield;
  }
  const size = new Int32Array(n);
  for (let q = len - 1; q >= 0; q--) {
    const i = order[q];
    if (parent[i] >= 0) size[parent[i]] += size[i] + 1;
    if (q % PASS_CHUNK === 0) yield;
  }
  Object.assign(s, { parent, roots, start, list, size });
}

/**
 * The structure of a stepped node array (model.ts stepOf: the array it was stepped from and
 * where each of its nodes was there) from that array's structure, when it is still kept: the
 * pids and parent indexes carried over through the step's alignment, a node read only where
 * the model made it again (its parent may have changed), then linkJob's typed passes. 2-4 ms at
 * 70,000 tasks, where reading every node and searching its parent took 10. False when there
 * is nothing to step from.
 */
function stepStructure(all: readonly TaskNode[]): boolean {
  const step = stepOf(all);
  const from = step?.from.deref();
  const prev = from && structures.get(shapeToken(from));
  if (!step || !from || !prev || prev.byPid) return false;
  const { source } = step;
  const n = all.length;
  const pids = new Int32Array(n);
  for (let j = 0; j < n; j++) pids[j] = source[j] >= 0 ? prev.pids[source[j]] : all[j].pid;
  // Old index → new index (-1: gone), for the parents carried over.
  const moved = new Int32Array(from.length).fill(-1);
  for (let j = 0; j < n; j++) if (source[j] >= 0) moved[source[j]] = j;
  const s = { pids, byPid: null } as Structure;
  // A node kept names the same parent: where that parent is now (the model makes a new node
  // for a task whose parent came or went). A node made again is searched.
  const parent = new Int32Array(n);
  for (let j = 0; j < n; j++) {
    const i = source[j];
    const old = i >= 0 ? prev.parent[i] : -1;
    parent[j] = old >= 0 ? moved[old] : -1;
  }
  for (const j of step.made) {
    const p = all[j].parent;
    parent[j] = p === null ? -1 : indexIn(s, p);
  }
  runNow(linkJob(s, parent));
  structures.set(shapeToken(all), s);
  return true;
}
