/**
 * The two crit key styles and number encodings made uniform (spec 4.4): every key in
 * snake_case, and integers read from JSON numbers, decimal strings (Go's 64-bit fields) or
 * `"0x…"` strings (`--pretty` hex fields).
 */

export type Obj = Record<string, unknown>;

export function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** `taskState` -> `task_state`; snake_case keys come back unchanged. */
export function snakeKey(k: string): string {
  return k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

/** A deep copy with every object key in snake_case. */
export function normalizeKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(normalizeKeys);
  if (!isObj(v)) return v;
  const out: Obj = {};
  for (const [k, val] of Object.entries(v)) out[snakeKey(k)] = normalizeKeys(val);
  return out;
}

/** An integer in any of crit's encodings, or undefined. */
export function toInt(v: unknown): number | undefined {
  if (typeof v === 'number') return Number.isSafeInteger(v) ? v : undefined;
  if (typeof v !== 'string') return undefined;
  const s = v.trim();
  let n: number;
  if (/^-?\d+$/.test(s)) n = Number(s);
  else if (/^0x[0-9a-f]+$/i.test(s)) n = parseInt(s.slice(2), 16);
  else return undefined;
  return Number.isSafeInteger(n) ? n : undefined;
}

export { describeValue as describe } from '../quote';
