import type { RestartState } from '../restart/types';
import { hashKey, StateKeys, StateTable, type StateEntry } from './hash';

/**
 * The plain search's seen states: `find` looks a state up (and remembers it), `addFound` adds
 * the state `find` last missed. The default keys states compactly (hash.ts); a test's own key
 * (a string: the whole state, the merge oracles) goes into a Map.
 */
export interface Seen {
  find(s: RestartState): StateEntry | undefined;
  addFound(value: number): StateEntry;
  readonly size: number;
  /** What the seen states hold, in bytes (an estimate made as they are added). */
  readonly bytes: number;
}

export class CompactSeen implements Seen {
  private readonly keys = new StateKeys();
  private readonly table = new StateTable();
  private key: Int32Array = new Int32Array(0);
  private hash = 0;

  get size(): number {
    return this.table.size;
  }

  get bytes(): number {
    return this.table.bytes;
  }

  find(s: RestartState): StateEntry | undefined {
    this.key = this.keys.encode(s);
    this.hash = hashKey(this.key);
    return this.table.get(this.key, this.hash);
  }

  addFound(value: number): StateEntry {
    return this.table.add(this.key, value, this.hash);
  }
}

const NO_KEY = new Int32Array(0);

export class KeyedSeen implements Seen {
  private readonly map = new Map<string, StateEntry>();
  private key = '';
  bytes = 0;

  constructor(private readonly keyOf: (s: RestartState) => string) {}

  get size(): number {
    return this.map.size;
  }

  find(s: RestartState): StateEntry | undefined {
    this.key = this.keyOf(s);
    return this.map.get(this.key);
  }

  addFound(value: number): StateEntry {
    const e: StateEntry = { key: NO_KEY, value, next: null };
    this.map.set(this.key, e);
    this.bytes += 2 * this.key.length + 96;
    return e;
  }
}
