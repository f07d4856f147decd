/**
 * The run queue: participant slots (0 = coordinator, i + 1 = the task of pids[i]) in the order
 * they became runnable, with O(1) add, delete and first over typed arrays. A JS Set keeps that
 * order too, but after many deletions from its front `first` has to skip the holes they leave,
 * which made a 100,000-task restart quadratic; string keys also cost a hash per step.
 */
export class RunQueue {
  private next: Int32Array;
  private prev: Int32Array;
  private member: Uint8Array;
  private head = -1;
  private tail = -1;
  private count = 0;

  constructor(capacity = 16) {
    this.next = new Int32Array(capacity);
    this.prev = new Int32Array(capacity);
    this.member = new Uint8Array(capacity);
  }

  get size(): number {
    return this.count;
  }

  has(slot: number): boolean {
    return slot < this.member.length && this.member[slot] === 1;
  }

  first(): number {
    return this.head;
  }

  add(slot: number): void {
    if (slot >= this.member.length) this.grow(slot + 1);
    if (this.member[slot]) return;
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

  /** Slots in queue order. */
  slots(): number[] {
    const out: number[] = [];
    for (let s = this.head; s >= 0; s = this.next[s]) out.push(s);
    return out;
  }

  clone(): RunQueue {
    const q = new RunQueue(0);
    q.next = this.next.slice();
    q.prev = this.prev.slice();
    q.member = this.member.slice();
    q.head = this.head;
    q.tail = this.tail;
    q.count = this.count;
    return q;
  }

  private grow(min: number): void {
    const cap = Math.max(min, this.member.length * 2);
    const grow = <T extends Int32Array | Uint8Array>(a: T, make: (n: number) => T): T => {
      const b = make(cap);
      b.set(a);
      return b;
    };
    this.next = grow(this.next, (n) => new Int32Array(n));
    this.prev = grow(this.prev, (n) => new Int32Array(n));
    this.member = grow(this.member, (n) => new Uint8Array(n));
  }
}
