import type { SessionRecording } from '../engine/session-types';

/**
 * Makes consecutive snapshots share every sub-object that did not change (a task that did not
 * change is the same object in both frames). Structured clone keeps shared references, so
 * posting a recording then costs its changes, not frames × tasks: a 390-task restart of 5,000
 * frames goes from seconds to milliseconds, and the page holds one copy of each unchanged task.
 */
export function shareUnchanged(rec: SessionRecording): SessionRecording {
  let prev: unknown = rec.initial;
  for (const frame of rec.frames) {
    frame.snapshot = share(prev, frame.snapshot) as typeof frame.snapshot;
    prev = frame.snapshot;
  }
  return rec;
}

type Obj = Record<string, unknown>;

const keyIndex = new WeakMap<unknown[], Map<string, unknown>>();

/** An element's identity inside an array: tasks by pid, containers and participants by id. */
function keyOf(item: unknown): string | null {
  if (typeof item !== 'object' || item === null) return null;
  const o = item as Obj;
  if (typeof o.id === 'number' || typeof o.id === 'string') return `id:${String(o.id)}`;
  if (typeof o.pid === 'number') return `pid:${o.pid}`;
  return null;
}

function sameIdentity(a: unknown, b: unknown): boolean {
  if (typeof a !== 'object' || a === null || typeof b !== 'object' || b === null) return true;
  const x = a as Obj;
  const y = b as Obj;
  if ('id' in y) return x.id === y.id;
  if ('pid' in y) return x.pid === y.pid;
  return true;
}

function counterpart(prev: unknown[], item: unknown, i: number): unknown {
  // Fast path: the same element at the same index (the usual case between two frames).
  if (i < prev.length && sameIdentity(prev[i], item)) return prev[i];
  const key = keyOf(item);
  if (key === null) return undefined;
  let index = keyIndex.get(prev);
  if (!index) {
    index = new Map();
    for (const p of prev) {
      const k = keyOf(p);
      if (k !== null) index.set(k, p);
    }
    keyIndex.set(prev, index);
  }
  return index.get(key);
}

/** Returns `prev` when `next` equals it, else `next` with its unchanged parts taken from `prev`. */
export function share(prev: unknown, next: unknown): unknown {
  if (prev === next || typeof next !== 'object' || next === null) return next;
  if (typeof prev !== 'object' || prev === null || ArrayBuffer.isView(next)) return next;
  if (Array.isArray(next)) {
    if (!Array.isArray(prev)) return next;
    let same = prev.length === next.length;
    for (let i = 0; i < next.length; i++) {
      const item = next[i];
      if (typeof item !== 'object' || item === null) {
        if (item !== prev[i]) same = false;
        continue;
      }
      const v = share(counterpart(prev, item, i), item);
      next[i] = v;
      if (v !== prev[i]) same = false;
    }
    return same ? prev : next;
  }
  if (Array.isArray(prev)) return next;
  const p = prev as Obj;
  const n = next as Obj;
  let same = true;
  for (const k in n) {
    const nv = n[k];
    const pv = p[k];
    if (typeof nv !== 'object' || nv === null) {
      if (nv !== pv || (pv === undefined && !(k in p))) same = false;
      continue;
    }
    const v = share(pv, nv);
    n[k] = v;
    if (v !== pv) same = false;
  }
  if (same) {
    for (const k in p) {
      if (!(k in n)) {
        same = false;
        break;
      }
    }
  }
  return same ? prev : next;
}
