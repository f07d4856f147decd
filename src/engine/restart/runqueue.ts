/**
 * The run queue: participant slots (0 = coordinator, i + 1 = the task of pids[i]) in the order
 * they became runnable, as a doubly linked list over small-integer arrays: O(1) add, delete and
 * first. A JS Set keeps that order too, but after many deletions from its front `first` has to
 * skip the holes they leave, which made a 100,000-task restart quadratic. Plain arrays rather
 * than typed ones: the explorer copies small queues constantly, and typed-array allocation is
 * the slower of the two there.
 */
export class RunQueue {
  private next: number[] = [];
  private prev: number[] = [];
  private member: number[] = [];
  private head = -1;
  private tail = -1;
  private count = 0;

  get size(): number {
    return this.count;
  }

  has(slot: number): boolean {
    return this.member[slot] === 1;
  }

  first(): number {
    return this.head;
  }

  /** The slot that became runnable last. */
  last(): number {
    return this.tail;
  }

  add(slot: number): void {
    if (slot >= this.member.length) this.grow(slot + 1);
    if (this.member[slot] === 1) return;
    this.member[slot] = 1;
    this.count++;
    this.next[slot] = -1;
    this.prev[slot] = this.tail;
    if (this.tail >= 0) this.next[this.tail] = slot;
    else this.head = slot;
    this.tail = slot;
  }

  delete(slot: number): void {
    if (!this.has(slot)) return;
    const n = this.next[slot];
    const p = this.prev[slot];
    if (p >= 0) this.next[p] = n;
    else this.head = n;
    if (n >= 0) this.prev[n] = p;
    else this.tail = p;
    this.member[slot] = 0;
    this.count--;
  }

  /**
   * The k-th slot in queue order (0 <= k < size), walked to from the nearer end without
   * allocating: the seeded random schedule picks one this way at every step, and making the
   * whole list for it was most of the time of a random walk on a large tree.
   */
  at(k: number): number {
    if (k < this.count / 2) {
      let s = this.head;
      for (let i = 0; i < k; i++) s = this.next[s];
      return s;
    }
    let s = this.tail;
    for (let i = this.count - 1; i > k; i--) s = this.prev[s];
    return s;
  }

  /** Slots in queue order. */
  slots(): number[] {
    const out: number[] = [];
    for (let s = this.head; s >= 0; s = this.next[s]) out.push(s);
    return out;
  }

  clone(): RunQueue {
    const q = new RunQueue();
    q.next = this.next.slice();
    q.prev = this.prev.slice();
    q.member = this.member.slice();
    q.head = this.head;
    q.tail = this.tail;
    q.count = this.count;
    return q;
  }

  /** Keeps the arrays dense (no holes), so they stay fast small-integer arrays. */
  private grow(min: number): void {
    for (let i = this.member.length; i < min; i++) {
      this.next.push(-1);
      this.prev.push(-1);
      this.member.push(0);
    }
  }
}
