/**
 * Reading and writing one field described by a layout table (layout.ts). Everything that
 * touches record bytes goes through these functions, driven by the tables.
 */
import type { FieldKind, FieldSpec } from './layout';
import type { FieldValue } from './types';
import { commFromBytes, commToBytes, hasRawBytes } from '../kernel/comm';

const TWO32 = 0x1_0000_0000;
/** Largest high word for which hi * 2^32 + lo is still a safe integer. */
const SAFE_HI = 0x1f_ffff;

const encoder = new TextEncoder();

export function viewOf(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** A numeric field as a number; a u64 above 2^53 comes back rounded (see readU64Value). */
export function readNumber(view: DataView, at: number, kind: FieldKind): number {
  switch (kind) {
    case 'u16':
      return view.getUint16(at, true);
    case 's32':
      return view.getInt32(at, true);
    case 'u64':
      return view.getUint32(at + 4, true) * TWO32 + view.getUint32(at, true);
    default:
      return view.getUint32(at, true);
  }
}

export function readU64Big(view: DataView, at: number): bigint {
  return view.getBigUint64(at, true);
}

/** A u64 as a number when it is a safe integer, else its exact value as "0x" + 16 hex digits. */
export function readU64Value(view: DataView, at: number): number | string {
  const hi = view.getUint32(at + 4, true);
  if (hi <= SAFE_HI) return hi * TWO32 + view.getUint32(at, true);
  return `0x${view.getBigUint64(at, true).toString(16).padStart(16, '0')}`;
}

/**
 * Write a numeric field. Numbers are taken modulo the field width (two's complement), so -1
 * lands as 0xffffffff in a u32; strings and bigints are accepted for u64 values above 2^53.
 */
export function writeNumber(
  view: DataView,
  at: number,
  kind: FieldKind,
  value: number | string | bigint,
): void {
  if (kind === 'u64') {
    if (typeof value === 'number' && value >= 0 && value <= Number.MAX_SAFE_INTEGER) {
      view.setUint32(at, value % TWO32, true);
      view.setUint32(at + 4, Math.floor(value / TWO32), true);
    } else {
      view.setBigUint64(at, BigInt.asUintN(64, BigInt(value)), true);
    }
    return;
  }
  const n = Number(value);
  if (kind === 'u16') view.setUint16(at, n & 0xffff, true);
  else view.setUint32(at, n >>> 0, true);
}

export type NumberWriter = (view: DataView, base: number, value: number) => void;

/**
 * A writer for one numeric field of a table, for hot loops: the offset and kind come from the
 * table, and each returned closure is specialised to its kind, so that a call site that always
 * writes the same field stays monomorphic (a generic loop over the table is 4x slower).
 */
export function fieldWriter(f: FieldSpec): NumberWriter {
  const off = f.offset;
  switch (f.kind) {
    case 'u16':
      return (view, base, value) => view.setUint16(base + off, value & 0xffff, true);
    case 'u32':
    case 's32':
      return (view, base, value) => view.setUint32(base + off, value >>> 0, true);
    case 'u64':
      return (view, base, value) => writeNumber(view, base + off, 'u64', value);
    default:
      return () => undefined;
  }
}

/**
 * Write text NUL-terminated into `size` bytes that are already zero. encodeInto stops before a
 * character that would not fit, so at most size-1 bytes of whole UTF-8 characters are kept and
 * the text reads back unchanged (a JS string cannot hold half a character).
 */
export function writeCString(bytes: Uint8Array, at: number, size: number, text: string): void {
  // Fast path for the usual short ASCII name: no subarray, no encoder call.
  if (text.length < size) {
    let i = 0;
    for (; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 0 || c >= 0x80) break;
      bytes[at + i] = c;
    }
    if (i === text.length) return;
    bytes.fill(0, at, at + i);
  }
  if (hasRawBytes(text)) {
    // A comm holding bytes that are not UTF-8 (kernel/comm.ts): those bytes, as they were.
    bytes.set(commToBytes(text).subarray(0, size - 1), at);
    return;
  }
  encoder.encodeInto(text, bytes.subarray(at, at + size - 1));
}

/** How many bytes of whole UTF-8 characters of `text` fit in `max` bytes. */
export function utf8Fit(text: string, max: number): number {
  return encoder.encodeInto(text, new Uint8Array(max)).written;
}

/** The text before the first NUL of a fixed-size string field, and whether it is canonical. */
export function readCString(
  bytes: Uint8Array,
  at: number,
  size: number,
): { text: string; canonical: boolean } {
  let end = at;
  const stop = at + size;
  let ascii = true;
  while (end < stop && bytes[end] !== 0) {
    if (bytes[end] >= 0x80) ascii = false;
    end++;
  }
  let text = '';
  if (ascii) {
    for (let i = at; i < end; i++) text += String.fromCharCode(bytes[i]);
  } else {
    // Bytes that are not UTF-8 come back as escapes, never as U+FFFD (kernel/comm.ts).
    text = commFromBytes(bytes.subarray(at, end));
  }
  // Canonical: what writeCString would produce from `text` (terminated, zero after the NUL).
  let canonical = end < stop;
  for (let i = end; canonical && i < stop; i++) canonical = bytes[i] === 0;
  if (canonical && !ascii) {
    const again = commToBytes(text);
    canonical = again.length === end - at && again.every((b, i) => b === bytes[at + i]);
  }
  return { text, canonical };
}

export function toHex(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += b.toString(16).padStart(2, '0');
  return s;
}

/** Parse hex ("66000000", spaces allowed); undefined when it is not whole bytes of hex. */
export function parseHex(hex: string): Uint8Array | undefined {
  const clean = hex.replace(/\s+/g, '');
  if (clean.length === 0 || clean.length % 2 !== 0 || !/^[0-9a-fA-F]+$/.test(clean))
    return undefined;
  const out = new Uint8Array(clean.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(clean.slice(2 * i, 2 * i + 2), 16);
  return out;
}

const rawKeys = new Map<string, string>();
/** `<name>.raw`, built once per field name: this runs for every string field of every record. */
function rawKey(name: string): string {
  let key = rawKeys.get(name);
  if (key === undefined) rawKeys.set(name, (key = `${name}.raw`));
  return key;
}

function isZero(bytes: Uint8Array, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (bytes[i] !== 0) return false;
  return true;
}

function fieldSize(f: FieldSpec, recordLen: number): number {
  return f.size >= 0 ? f.size : recordLen - f.offset;
}

/**
 * The lossless field view of a record at `base` (used for inspect and for re-encoding):
 * padding appears only when it is not zero, strings carry `.raw` when not canonical.
 */
export function decodeFields(
  bytes: Uint8Array,
  base: number,
  specs: readonly FieldSpec[],
  recordLen: number,
  view: DataView = viewOf(bytes),
): Record<string, FieldValue> {
  const out: Record<string, FieldValue> = {};
  for (const f of specs) {
    const at = base + f.offset;
    const size = fieldSize(f, recordLen);
    if (f.kind === 'pad' || f.kind === 'bytes') {
      if (f.kind === 'bytes' || !isZero(bytes, at, at + size)) {
        out[f.name] = toHex(bytes.subarray(at, at + size));
      }
    } else if (f.kind === 'string') {
      const s = readCString(bytes, at, size);
      out[f.name] = s.text;
      if (!s.canonical) out[rawKey(f.name)] = toHex(bytes.subarray(at, at + size));
    } else if (f.kind === 'u64') {
      out[f.name] = readU64Value(view, at);
    } else {
      out[f.name] = readNumber(view, at, f.kind);
    }
  }
  return out;
}

/**
 * Inverse of decodeFields: write the fields of one record into zeroed bytes at `base`. A field
 * without a value stays zero. This is the writer's inner loop, so it avoids allocations.
 */
export function encodeFields(
  bytes: Uint8Array,
  base: number,
  specs: readonly FieldSpec[],
  recordLen: number,
  fields: Readonly<Record<string, FieldValue | bigint | undefined>>,
  view: DataView = viewOf(bytes),
): void {
  for (let i = 0; i < specs.length; i++) {
    const f = specs[i];
    const at = base + f.offset;
    if (f.kind === 'string') {
      const raw = fields[rawKey(f.name)];
      const value = fields[f.name];
      if (typeof raw === 'string') writeHex(bytes, at, fieldSize(f, recordLen), raw);
      else if (typeof value === 'string') writeCString(bytes, at, fieldSize(f, recordLen), value);
      continue;
    }
    const value = fields[f.name];
    if (value === undefined || typeof value === 'object') continue;
    if (f.kind === 'pad' || f.kind === 'bytes')
      writeHex(bytes, at, fieldSize(f, recordLen), String(value));
    else writeNumber(view, at, f.kind, value);
  }
}

function writeHex(bytes: Uint8Array, at: number, size: number, hex: string): void {
  const data = parseHex(hex);
  if (data) bytes.set(data.subarray(0, size), at);
}
