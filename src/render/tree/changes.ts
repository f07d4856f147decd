/**
 * Whether `now` differs from `before` in at least `limit` places, index by index (each extra
 * or missing item counts as one), by identity: frames share the objects they did not change
 * (worker/share.ts), and so do the node arrays built from them (model.ts). It stops counting at
 * `limit`, so a step of a big tree pays one comparison per index at most.
 */
export function changesAtLeast<T>(
  now: readonly T[],
  before: readonly T[],
  limit: number,
  counted = 0,
): number {
  let n = counted;
  if (now === before) return n;
  n += Math.abs(now.length - before.length);
  const common = Math.min(now.length, before.length);
  for (let i = 0; i < common && n < limit; i++) if (now[i] !== before[i]) n++;
  return n;
}

/**
 * changesAtLeast for lists in pid order, aligned by pid: an item gone or come is one change and
 * one whose object differs is one, so releasing the lowest pid of 70,000 tasks is one change,
 * not 70,000 (every later item moved up one index). Lists not in pid order (a null pid among
 * restart participants) are compared index by index. Stops counting at `limit`.
 */
export function changesByPidAtLeast<T extends { readonly pid: number | null }>(
  now: readonly T[],
  before: readonly T[],
  limit: number,
  counted = 0,
): number {
  if (now === before) return counted;
  let n = counted;
  let i = 0;
  let j = 0;
  // The last pid passed on each side: a pid not above it (or null: NaN) is out of order.
  let lastNow = -Infinity;
  let lastBefore = -Infinity;
  while (i < before.length && j < now.length && n < limit) {
    const a = now[j];
    const b = before[i];
    const pa = a.pid ?? NaN;
    const pb = b.pid ?? NaN;
    if (!(pa > lastNow) || !(pb > lastBefore)) return changesAtLeast(now, before, limit, counted);
    if (a === b) {
      i++;
      j++;
      lastNow = pa;
      lastBefore = pb;
      continue;
    }
    n++;
    if (pb <= pa) {
      i++;
      lastBefore = pb;
    }
    if (pa <= pb) {
      j++;
      lastNow = pa;
    }
  }
  // What is left on one side (stopped at the limit or not) came or went: out of order or not,
  // each item of it is one change.
  return n + (before.length - i) + (now.length - j);
}
