/**
 * Where each pid is in a list (its index), as a ReadonlyMap backed by a typed array indexed by
 * pid: filling it costs a store per task, not a hash-map insertion (a Map of the 36,000 cards
 * shown half-way through a 100,000-task destroy was the biggest part of a step's layout).
 * Pids above PID_MAX_LIMIT (include/linux/threads.h: 4 * 1024 * 1024 with a 64-bit long) or not
 * integers would make
 * the array too big or wrong: such a list gets a Map.
 */
const PID_MAX_LIMIT = 4 * 1024 * 1024;

export class PidIndex implements ReadonlyMap<number, number> {
  /** index + 1 by pid (0: absent). */
  private readonly at: Int32Array | null;
  private readonly map: Map<number, number> | null;

  /**
   * `pids[i]` is at i, but for null or where `skip[i]` is set; a pid listed twice is found at
   * its last place, as Map.set leaves it.
   */
  constructor(
    private readonly pids: ArrayLike<number | null>,
    private readonly skip?: ArrayLike<number>,
  ) {
    const n = pids.length;
    let max = 0;
    let small = true;
    for (let i = 0; i < n; i++) {
      const pid = pids[i];
      if (pid === null || skip?.[i]) continue;
      if (!(Number.isInteger(pid) && pid >= 0 && pid <= PID_MAX_LIMIT)) small = false;
      else if (pid > max) max = pid;
    }
    if (small) {
      const at = new Int32Array(max + 1);
      for (let i = 0; i < n; i++) {
        const pid = pids[i];
        if (pid !== null && !skip?.[i]) at[pid] = i + 1;
      }
      this.at = at;
      this.map = null;
    } else {
      this.at = null;
      this.map = new Map();
      for (let i = 0; i < n; i++) {
        const pid = pids[i];
        if (pid !== null && !skip?.[i]) this.map.set(pid, i);
      }
    }
  }

  get size(): number {
    return this.map ? this.map.size : this.keysOnce().length;
  }

  get(pid: number): number | undefined {
    if (this.map) return this.map.get(pid);
    const i = Number.isInteger(pid) && pid >= 0 && pid < this.at!.length ? this.at![pid] : 0;
    return i ? i - 1 : undefined;
  }

  has(pid: number): boolean {
    return this.get(pid) !== undefined;
  }

  forEach(fn: (index: number, pid: number, map: ReadonlyMap<number, number>) => void): void {
    for (const [pid, i] of this.entries()) fn(i, pid, this);
  }

  *entries(): MapIterator<[number, number]> {
    if (this.map) {
      yield* this.map.entries();
      return;
    }
    for (const pid of this.keysOnce()) yield [pid, this.get(pid)!];
  }

  *keys(): MapIterator<number> {
    for (const [pid] of this.entries()) yield pid;
  }

  *values(): MapIterator<number> {
    for (const [, i] of this.entries()) yield i;
  }

  [Symbol.iterator](): MapIterator<[number, number]> {
    return this.entries();
  }

  /** The distinct pids in the order a Map would keep them (first insertion). */
  private distinct: number[] | null = null;
  private keysOnce(): number[] {
    if (!this.distinct) {
      const seen = new Set<number>();
      this.distinct = [];
      for (let i = 0; i < this.pids.length; i++) {
        const pid = this.pids[i];
        if (pid === null || this.skip?.[i] || seen.has(pid)) continue;
        seen.add(pid);
        this.distinct.push(pid);
      }
    }
    return this.distinct;
  }
}
