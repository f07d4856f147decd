/**
 * Append-only typed columns for the compact recording: a recording is written once, row by row,
 * while the engine runs, so each column doubles its buffer when full and is trimmed to its
 * length when the recording is done (the trimmed arrays are what travels to the page).
 */

type IntArray = Int32Array | Uint32Array | Uint8Array | Uint16Array;

interface IntArrayConstructor<A extends IntArray> {
  new (length: number): A;
}

export class GrowColumn<A extends IntArray> {
  private data: A;
  length = 0;

  constructor(
    private readonly make: IntArrayConstructor<A>,
    initial = 1024,
  ) {
    this.data = new make(initial);
  }

  push(value: number): number {
    if (this.length === this.data.length) this.grow(this.length * 2);
    this.data[this.length] = value;
    return this.length++;
  }

  /** Overwrites row `i` (already pushed). */
  set(i: number, value: number): void {
    this.data[i] = value;
  }

  get(i: number): number {
    return this.data[i];
  }

  private grow(size: number): void {
    const next = new this.make(Math.max(16, size));
    next.set(this.data);
    this.data = next;
  }

  /** The column as written, in an array of its own length (a copy: the writer may go on). */
  done(): A {
    return this.data.slice(0, this.length) as A;
  }
}

export const int32s = () => new GrowColumn(Int32Array);
export const uint32s = () => new GrowColumn(Uint32Array);
export const uint8s = () => new GrowColumn(Uint8Array);

/**
 * Texts as UTF-8 bytes, one after another, and where each ends (`ends[i]`). A text UTF-8 cannot
 * carry (a lone surrogate: comm keeps a raw byte as one, kernel/comm.ts) is kept whole in `odd`
 * by its index instead, and its bytes are empty: such texts are few (a task named by raw bytes).
 */
export interface TextColumn {
  bytes: Uint8Array;
  ends: Uint32Array;
  odd: Record<number, string>;
}

/** A lone surrogate: UTF-8 has no bytes for it, and TextEncoder would write U+FFFD instead. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function wellFormed(text: string): boolean {
  return !LONE_SURROGATE.test(text);
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Writes texts into one growing byte buffer (TextEncoder.encodeInto, no string per row kept). */
export class TextSink {
  private bytes = new Uint8Array(64 * 1024);
  private used = 0;
  private readonly ends = uint32s();
  private readonly odd: Record<number, string> = {};

  get length(): number {
    return this.ends.length;
  }

  push(text: string): number {
    if (!wellFormed(text)) {
      this.odd[this.ends.length] = text;
      return this.ends.push(this.used);
    }
    // UTF-8 takes at most three bytes per UTF-16 code unit.
    const need = this.used + text.length * 3;
    if (need > this.bytes.length) {
      const next = new Uint8Array(Math.max(need, this.bytes.length * 2));
      next.set(this.bytes.subarray(0, this.used));
      this.bytes = next;
    }
    this.used += encoder.encodeInto(text, this.bytes.subarray(this.used)).written;
    return this.ends.push(this.used);
  }

  done(): TextColumn {
    return { bytes: this.bytes.slice(0, this.used), ends: this.ends.done(), odd: this.odd };
  }
}

export function textAt(col: TextColumn, i: number): string {
  const start = i > 0 ? col.ends[i - 1] : 0;
  const end = col.ends[i];
  if (start === end) return col.odd[i] ?? '';
  // ASCII (nearly every text the engine writes) is read without a decoder.
  const b = col.bytes;
  let ascii = true;
  for (let k = start; k < end; k++)
    if (b[k] > 0x7f) {
      ascii = false;
      break;
    }
  if (ascii && end - start < 256)
    return String.fromCharCode.apply(null, b.subarray(start, end) as unknown as number[]);
  return decoder.decode(b.subarray(start, end));
}

/** A small table of distinct strings (pcs, errno names, error texts), each kept once. */
export class StringTable {
  readonly list: string[] = [];
  private readonly index = new Map<string, number>();

  of(s: string): number {
    let i = this.index.get(s);
    if (i === undefined) {
      i = this.list.length;
      this.list.push(s);
      this.index.set(s, i);
    }
    return i;
  }
}

/** A missing number (no pid, no active task) in an Int32 column. */
export const NONE = -0x80000000;
