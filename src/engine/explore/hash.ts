import { ERRNO, type KError } from '../errno';
import { COORD_PCS, TASK_PCS } from '../restart/footprint';
import type { RestartState } from '../restart/types';

/*
 * The explorer's state key: everything that decides what a restart can still do, the fields
 * the tables of restart/fields.ts mark `state` (restart/fields.test.ts checks the key changes
 * with each of them and with no other), written as small integers into a typed array. Schedule
 * history (the run queue's order, the steps taken) is left out so that interleavings reaching
 * the same state merge. Program counters are coded by their place in footprint.ts's tables and
 * errors by their errno number, both fixed, so that keys compare across searches.
 *
 * The table of seen states (StateTable) is indexed by a 53-bit hash of the key (two 32-bit
 * multiplicative hashes with different seeds) and keeps each key itself: a hit is compared in
 * full, so a hash collision costs a comparison, never a wrongly merged state.
 */

const PC_CODE: ReadonlyMap<string, number> = new Map([
  ...TASK_PCS.map((pc, i) => [pc, i] as const),
  ...COORD_PCS.map((pc, i) => [pc, 100 + i] as const),
]);

const NONE = -1;
const errnoCode = (e: KError | null | undefined): number => (e ? ERRNO[e.errno] : NONE);
const pcCode = (pc: string): number => PC_CODE.get(pc) ?? NONE;

/** Writes state keys into one growing buffer; `encode` returns a view valid until the next call. */
export class StateKeys {
  private buf = new Int32Array(256);
  private n = 0;

  private put(x: number): void {
    if (this.n === this.buf.length) {
      const bigger = new Int32Array(this.buf.length * 2);
      bigger.set(this.buf);
      this.buf = bigger;
    }
    this.buf[this.n++] = x;
  }

  encode(s: RestartState): Int32Array {
    this.n = 0;
    const c = s.coord;
    this.put(pcCode(c.pc));
    this.put(c.nextClone);
    this.put(errnoCode(c.result));
    this.put((c.hasPtr ? 1 : 0) | (c.hasAlloc ? 2 : 0));
    this.put(s.offset);
    const ctx = s.ctx;
    if (ctx) {
      this.put(ctx.refcount);
      this.put(ctx.active);
      this.put(ctx.nrTotal);
      this.put(errnoCode(ctx.error));
      this.put((ctx.completed ? 1 : 0) | (ctx.success ? 2 : 0) | 4);
    } else this.put(NONE);
    const tasks = s.container?.tasks;
    this.put(s.tasks.length);
    for (const t of s.tasks) {
      this.put(pcCode(t.pc));
      this.put(
        (t.hasPtr ? 1 : 0) |
          (t.hasLocal ? 2 : 0) |
          (t.zombie ? 4 : 0) |
          (t.killed ? 8 : 0) |
          (t.restored ? 16 : 0) |
          (t.ctxNull ? 32 : 0),
      );
      this.put(errnoCode(t.ret));
      const task = tasks?.get(t.pid);
      if (task) {
        this.put(task.state);
        this.put(task.exit_state);
        this.put(task.flags);
        this.put(task.parent);
      } else this.put(NONE - 1);
    }
    this.put(s.order.length);
    this.put(s.sigchldFromRestarting);
    this.put(s.spurious ? 1 : 0);
    const done = s.completion;
    if (done) {
      this.put(done.liveNotRestored.length);
      for (const pid of done.liveNotRestored) this.put(pid);
      this.put(done.zombiesNotZombie.length);
      for (const pid of done.zombiesNotZombie) this.put(pid);
    } else this.put(NONE);
    return this.buf.subarray(0, this.n);
  }
}

/** A 53-bit hash of a key: two 32-bit multiplicative hashes with different seeds. */
export function hashKey(k: Int32Array): number {
  let a = 0x811c9dc5 ^ k.length;
  let b = 0x9e3779b9 ^ k.length;
  for (let i = 0; i < k.length; i++) {
    const x = k[i];
    a = Math.imul(a ^ x, 0x01000193);
    b = Math.imul(b ^ x, 0x5bd1e995);
    b ^= b >>> 15;
  }
  a ^= a >>> 16;
  a = Math.imul(a, 0x85ebca6b);
  a ^= a >>> 13;
  return (a >>> 0) * 0x200000 + (b >>> 11);
}

function sameKey(a: Int32Array, b: Int32Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** One seen state: its key (a private copy) and what the search keeps for it. */
export interface StateEntry {
  readonly key: Int32Array;
  value: number;
  next: StateEntry | null;
}

/** Bytes one entry costs besides its key: the entry object, the map slot, the array header. */
const ENTRY_BYTES = 96;

/**
 * Seen states by key, compared in full on a hash hit (entries with one hash are chained).
 * `bytes` is what the table holds, counted as it grows (the engine has no heap to ask).
 */
export class StateTable {
  private readonly byHash = new Map<number, StateEntry>();
  size = 0;
  bytes = 0;

  get(key: Int32Array, hash = hashKey(key)): StateEntry | undefined {
    for (let e: StateEntry | null | undefined = this.byHash.get(hash); e; e = e.next)
      if (sameKey(e.key, key)) return e;
    return undefined;
  }

  /** Adds a key known to be absent (`get` said so) with its value. */
  add(key: Int32Array, value: number, hash = hashKey(key)): StateEntry {
    const e: StateEntry = { key: key.slice(), value, next: this.byHash.get(hash) ?? null };
    this.byHash.set(hash, e);
    this.size++;
    this.bytes += e.key.byteLength + ENTRY_BYTES;
    return e;
  }
}

/** The key as text, for tests and for final-state fingerprints (walks.ts). */
export function stateKey(s: RestartState): string {
  return new StateKeys().encode(s).join(',');
}
