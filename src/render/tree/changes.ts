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
 * not 70,000 (every later item moved up one index). Pids are read only where the lists differ
 * (a read of every item was a cache miss each, 8 ms at 70,000); a list found out of pid order
 * there (or a null pid among restart participants) is compared index by index. Stops counting
 * at `limit`.
 */
export function changesByPidAtLeast<T extends { readonly pid: number | null }>(
  now: readonly T[],
  before: readonly T[],
  limit: number,
  counted = 0,
): number {
  if (now === before) return counted;
  const pid = (x: T | undefined) => (x ? (x.pid ?? NaN) : -Infinity);
  let n = counted;
  let i = 0;
  let j = 0;
  while (i < before.length && j < now.length && n < limit) {
    const a = now[j];
    const b = before[i];
    if (a === b) {
      i++;
      j++;
      continue;
    }
    const pa = pid(a);
    const pb = pid(b);
    if (!(pa > pid(now[j - 1])) || !(pb > pid(before[i - 1])))
      return changesAtLeast(now, before, limit, counted);
    n++;
    if (pb <= pa) i++;
    if (pa <= pb) j++;
  }
  // What is left on one side (stopped at the limit or not) came or went: each item is one.
  return n + (before.length - i) + (now.length - j);
}
