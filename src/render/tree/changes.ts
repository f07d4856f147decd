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
