/**
 * Field checkers shared by the tree and step validators. Each takes the place being checked
 * (`steps[3]`, `tree[2] (pid 3)`, or '' for the top level) so every message names it.
 *
 * Validation stops at the first problem: a checker throws SchemaError, and parseScenario turns
 * it into `{ ok: false, message }`. The exception never leaves the parser; it only spares every
 * checker call site an early-return.
 */
import { signalNumber } from '../kernel/signals';
import { didYouMean } from './parse-suggest';

export class SchemaError {
  constructor(readonly message: string) {}
}

export type Obj = Record<string, unknown>;

export function bad(place: string, message: string): never {
  throw new SchemaError(place ? `${place}: ${message}` : message);
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'object') return 'an object';
  return JSON.stringify(v);
}

export function asObject(v: unknown, place: string, what = 'an object'): Obj {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) {
    bad(place, `must be ${what}, got ${describe(v)}`);
  }
  return v as Obj;
}

/** Rejects keys outside `allowed`, naming the closest allowed key when it looks like a typo. */
export function checkKeys(o: Obj, allowed: readonly string[], place: string): void {
  for (const k of Object.keys(o)) {
    if (!allowed.includes(k)) bad(place, `unknown key "${k}"${didYouMean(k, allowed)}`);
  }
}

export function has(o: Obj, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(o, key);
}

function need(o: Obj, key: string, place: string): unknown {
  if (!has(o, key)) bad(place, `missing required key "${key}"`);
  return o[key];
}

export function int(o: Obj, key: string, place: string, min: number, max: number): number {
  const v = need(o, key, place);
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) {
    bad(place, `"${key}" must be an integer from ${min} to ${max}, got ${describe(v)}`);
  }
  return v;
}

export const PID_MAX = 0x7fffffff; // pids are s32 in the image

export function pid(o: Obj, key: string, place: string): number {
  const v = need(o, key, place);
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 1 || v > PID_MAX) {
    bad(place, `"${key}" must be a positive integer, got ${describe(v)}`);
  }
  return v;
}

export function bool(o: Obj, key: string, place: string): boolean {
  const v = need(o, key, place);
  if (typeof v !== 'boolean') bad(place, `"${key}" must be true or false, got ${describe(v)}`);
  return v;
}

export function str(o: Obj, key: string, place: string): string {
  const v = need(o, key, place);
  if (typeof v !== 'string') bad(place, `"${key}" must be a string, got ${describe(v)}`);
  return v;
}

export function oneOf<T extends string>(
  o: Obj,
  key: string,
  place: string,
  values: readonly T[],
): T {
  const v = need(o, key, place);
  if (typeof v !== 'string' || !(values as readonly string[]).includes(v)) {
    const hint = typeof v === 'string' ? didYouMean(v, values) : '';
    bad(place, `"${key}" must be one of ${values.join(', ')}, got ${describe(v)}${hint}`);
  }
  return v as T;
}

/** A signal as a number in [min, 64] or a name ("SIGTERM", "TERM", "SIGRTMIN+2"). */
export function signal(o: Obj, key: string, place: string, min = 0): number {
  const v = need(o, key, place);
  if (typeof v === 'string') {
    const n = signalNumber(v);
    if (n === undefined) bad(place, `"${key}": unknown signal name ${describe(v)}`);
    return n;
  }
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > 64) {
    bad(place, `"${key}" must be a signal number from ${min} to 64 or a name, got ${describe(v)}`);
  }
  return v;
}

/** Optional variant of a checker: undefined when the key is absent. */
export function opt<T>(o: Obj, key: string, check: (o: Obj, key: string) => T): T | undefined {
  return has(o, key) ? check(o, key) : undefined;
}
