import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { PidIndex } from './pidIndex';

/** What a Map filled in list order answers. */
function mapOf(pids: readonly (number | null)[], skip: readonly number[]): Map<number, number> {
  const m = new Map<number, number>();
  pids.forEach((pid, i) => {
    if (pid !== null && !skip[i]) m.set(pid, i);
  });
  return m;
}

const pid = fc.oneof(
  fc.integer({ min: 0, max: 300 }),
  fc.constant(null),
  // Beyond PID_MAX_LIMIT, negative or fractional: the Map fallback.
  fc.constantFrom(5_000_000, -3, 2.5),
);

describe('PidIndex', () => {
  it('answers as a Map filled in list order does (get, has, size, iteration order), skips too', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(pid, fc.constantFrom(0, 0, 1)), { maxLength: 60 }),
        fc.array(pid, { maxLength: 20 }),
        (entries, asked) => {
          const pids = entries.map(([p]) => p);
          const skip = entries.map(([, s]) => s);
          const index = new PidIndex(pids, Uint8Array.from(skip));
          const map = mapOf(pids, skip);
          expect(index.size).toBe(map.size);
          expect([...index]).toEqual([...map]);
          expect([...index.keys()]).toEqual([...map.keys()]);
          expect([...index.values()]).toEqual([...map.values()]);
          for (const q of [...asked, ...pids]) {
            if (q === null) continue;
            expect(index.get(q)).toBe(map.get(q));
            expect(index.has(q)).toBe(map.has(q));
          }
          const seen: [number, number][] = [];
          index.forEach((i, p) => seen.push([p, i]));
          expect(seen).toEqual([...map]);
        },
      ),
    );
  });
});
