/**
 * An append-only list shared between copies: the explorer copies a restart at every branch, and
 * sharing the common prefix keeps each copy O(1) instead of O(steps so far).
 */
export interface Trail<T> {
  readonly last: T;
  readonly prev: Trail<T> | null;
  readonly length: number;
}

export function append<T>(trail: Trail<T> | null, value: T): Trail<T> {
  return { last: value, prev: trail, length: (trail?.length ?? 0) + 1 };
}

export function toArray<T>(trail: Trail<T> | null): T[] {
  const out: T[] = new Array(trail?.length ?? 0);
  for (let t = trail, i = out.length - 1; t; t = t.prev, i--) out[i] = t.last;
  return out;
}
