import { shapeToken, type TaskNode } from './model';
import { runNow, type Job } from './slicedJob';

/**
 * The parent and children structure of one model's tasks, with each task's descendant count.
 * Built once per node array (a model's `nodes`) and kept in a WeakMap: opening or closing a
 * subtree of a 50,000-task tree then walks only the shown part, not the whole tree again.
 * Threads count as children of their leader. Indexes in typed arrays, not a Map and an array
 * per task: building it for 50,000 tasks allocates little and takes a few milliseconds.
 */
export interface Forest {
  /** Tasks without a parent among the tasks, in model order. */
  roots: TaskNode[];
  /** Children of a task, in model order; undefined for a leaf or an unknown pid. */
  children(pid: number): TaskNode[] | undefined;
  /** The parent a task names (maybe not among the tasks); undefined for an unknown pid. */
  parentOf(pid: number): number | null | undefined;
  /** Number of descendants of a task (0 for a leaf or an unknown pid). */
  descendants(pid: number): number;
}

/** The structure by shape (model.ts shapeToken): a step that changes no parent keeps it. */
const structures = new WeakMap<object, Structure>();
const forests = new WeakMap<readonly TaskNode[], Forest>();

interface Structure {
  index: Map<number, number>;
  roots: Int32Array;
  start: Int32Array;
  list: Int32Array;
  size: Int32Array;
}

export function forestOf(all: readonly TaskNode[]): Forest {
  let f = forests.get(all);
  if (!f) {
    const token = shapeToken(all);
    if (!structures.has(token)) runNow(structureJob(all));
    f = bind(structures.get(token)!, all);
    forests.set(all, f);
  }
  return f;
}

/** The forest of one node array over a structure (indexes into any array of that shape). */
function bind({ index, roots, start, list, size }: Structure, all: readonly TaskNode[]): Forest {
  return {
    roots: Array.from(roots, (i) => all[i]),
    children(pid) {
      const i = index.get(pid);
      if (i === undefined || start[i] === start[i + 1]) return undefined;
      const out: TaskNode[] = [];
      for (let c = start[i]; c < start[i + 1]; c++) out.push(all[list[c]]);
      return out;
    },
    parentOf(pid) {
      const i = index.get(pid);
      return i === undefined ? undefined : all[i].parent;
    },
    descendants(pid) {
      const i = index.get(pid);
      return i === undefined ? 0 : size[i];
    },
  };
}

/**
 * The structure of `all` built in slices (slicedJob.ts), or null when it is built already: a
 * new tree of 100,000 tasks takes tens of milliseconds to index, more than one task should.
 */
export function forestJob(all: readonly TaskNode[]): Job | null {
  return structures.has(shapeToken(all)) ? null : structureJob(all);
}

/** Items between two yields of the structure's loops. */
const CHUNK = 4096;
/** Items between two yields of its typed-array passes (far cheaper per item). */
const PASS_CHUNK = 16_384;

/** Builds the structure of `all`, yielding every CHUNK items, and keeps it by shape. */
function* structureJob(all: readonly TaskNode[]): Job {
  const n = all.length;
  const index = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    index.set(all[i].pid, i);
    if (i % CHUNK === CHUNK - 1) yield;
  }
  const parent = new Int32Array(n).fill(-1);
  // Children as one list grouped by parent (start[p] .. start[p + 1]), in model order.
  const start = new Int32Array(n + 1);
  const roots: number[] = [];
  for (let i = 0; i < n; i++) {
    const p = all[i].parent;
    const pi = p === null ? undefined : index.get(p);
    if (pi === undefined) roots.push(i);
    else {
      parent[i] = pi;
      start[pi + 1]++;
    }
    if (i % CHUNK === CHUNK - 1) yield;
  }
  // The passes below are cheap per item but up to 100,000 items each, all after the last yield
  // of the loops above: they yield too, so a slice keeps to its budget.
  for (let i = 0; i < n; i++) start[i + 1] += start[i];
  yield;
  const fill = start.slice(0, n);
  const list = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    if (parent[i] >= 0) list[fill[parent[i]]++] = i;
    if (i % PASS_CHUNK === PASS_CHUNK - 1) yield;
  }
  // Breadth-first order, then counts summed from the leaves up in one reverse pass.
  const order = new Int32Array(n);
  let len = 0;
  for (const r of roots) order[len++] = r;
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
  structures.set(shapeToken(all), { index, roots: Int32Array.from(roots), start, list, size });
}
