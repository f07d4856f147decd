import type { TaskNode } from './model';

/**
 * The parent and children structure of one model's tasks, with each task's descendant count.
 * Built once per node array (a model's `nodes`) and kept in a WeakMap: opening or closing a
 * subtree of a 50,000-task tree then walks only the shown part, not the whole tree again.
 * Threads count as children of their leader.
 */
export interface Forest {
  /** Tasks without a parent among the tasks, in model order. */
  roots: TaskNode[];
  /** Children of each task that has some, in model order. */
  kids: Map<number, TaskNode[]>;
  parentOf: Map<number, number | null>;
  /** Number of descendants of each task (0 for a leaf). */
  descendants(pid: number): number;
}

const forests = new WeakMap<readonly TaskNode[], Forest>();

export function forestOf(all: readonly TaskNode[]): Forest {
  let f = forests.get(all);
  if (!f) {
    f = buildForest(all);
    forests.set(all, f);
  }
  return f;
}

function buildForest(all: readonly TaskNode[]): Forest {
  const kids = new Map<number, TaskNode[]>();
  const parentOf = new Map<number, number | null>();
  const roots: TaskNode[] = [];
  for (const n of all) parentOf.set(n.pid, n.parent);
  for (const n of all) {
    if (n.parent === null || !parentOf.has(n.parent)) roots.push(n);
    else {
      const k = kids.get(n.parent);
      if (k) k.push(n);
      else kids.set(n.parent, [n]);
    }
  }
  // Breadth-first order, then counts summed from the leaves up in one reverse pass.
  const order = roots.map((n) => n.pid);
  for (let i = 0; i < order.length; i++) {
    for (const c of kids.get(order[i]) ?? []) order.push(c.pid);
  }
  const size = new Map<number, number>();
  for (let i = order.length - 1; i >= 0; i--) {
    const pid = order[i];
    let n = 0;
    for (const c of kids.get(pid) ?? []) n += 1 + (size.get(c.pid) ?? 0);
    size.set(pid, n);
  }
  return { roots, kids, parentOf, descendants: (pid) => size.get(pid) ?? 0 };
}
