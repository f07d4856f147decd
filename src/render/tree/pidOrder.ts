/**
 * Finding a task by pid in a list that is in pid order, without a Map of every pid. The
 * engine hands out each container's tasks sorted by pid (timeline.ts's tasksOf keeps a sorted
 * pid list; views.ts's sortedTasks; the initial rows are in pid order), so a lookup is a binary
 * search and two steps of a tree are aligned by a merge. A list that is not in pid order falls
 * back to a Map, built when first asked.
 */

/**
 * Whether `list` is in strictly increasing `key` order (NaN, e.g. a null pid, is not), yielding
 * every `chunk` items: a sliced build's pass over 100,000 tasks.
 */
export function* inKeyOrderJob<T>(
  list: readonly T[],
  key: (item: T) => number,
  chunk: number,
): Generator<void, boolean, void> {
  let before = -Infinity;
  for (let i = 0; i < list.length; i++) {
    const k = key(list[i]);
    if (!(k > before)) return false;
    before = k;
    if (i % chunk === chunk - 1) yield;
  }
  return true;
}

/** The index of `k` in strictly increasing keys, or -1. */
function searchKeys(keys: Int32Array, k: number): number {
  let lo = 0;
  let hi = keys.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const m = keys[mid];
    if (m < k) lo = mid + 1;
    else if (m > k) hi = mid - 1;
    else return mid;
  }
  return -1;
}

/** The index of the item whose key is `k` in a list in strictly increasing key order, or -1. */
export function searchSorted<T>(list: readonly T[], k: number, key: (item: T) => number): number {
  let lo = 0;
  let hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const m = key(list[mid]);
    if (m < k) lo = mid + 1;
    else if (m > k) hi = mid - 1;
    else return mid;
  }
  return -1;
}

/** Lookups over the items themselves before their pids are copied into one typed array. */
const LOOKUPS_BEFORE_KEYS = 256;

/**
 * The index of a pid among a list's items: a binary search when they are in pid order. A step
 * looks a few pids up, each a search over the items (no pass over them all); a full build looks
 * up two per task, and a search over 100,000 scattered objects is some 17 cache misses: after
 * LOOKUPS_BEFORE_KEYS lookups the pids are copied into an Int32Array searched instead.
 */
export class PidSearch<T extends { readonly pid: number }> {
  private map: Map<number, number> | null = null;
  private keys: Int32Array | null = null;
  private lookups = 0;

  constructor(
    readonly list: readonly T[],
    readonly sorted: boolean,
  ) {}

  indexOf(pid: number): number {
    if (this.sorted) {
      if (this.keys) return searchKeys(this.keys, pid);
      if (++this.lookups > LOOKUPS_BEFORE_KEYS) {
        this.keys = Int32Array.from(this.list, pidOf);
        return searchKeys(this.keys, pid);
      }
      return searchSorted(this.list, pid, pidOf);
    }
    if (!this.map) {
      this.map = new Map();
      for (let i = 0; i < this.list.length; i++) this.map.set(this.list[i].pid, i);
    }
    return this.map.get(pid) ?? -1;
  }

  has(pid: number): boolean {
    return this.indexOf(pid) >= 0;
  }
}

export const pidOf = (x: { readonly pid: number }): number => x.pid;
