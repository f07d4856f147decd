import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { PidIndex } from './pidIndex';

/** What a Map filled in list order answers. */
function mapOf(pids: readonly (number | null)[]): Map<number, number> {
  const m = new Map<number, number>();
  pids.forEach((pid, i) => {
    if (pid !== null) m.set(pid, i);
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
  it('answers as a Map filled in list order does (get, has, size, iteration order)', () => {
    fc.assert(
      fc.property(
        fc.array(pid, { maxLength: 60 }),
        fc.array(pid, { maxLength: 20 }),
        (pids, asked) => {
          const index = new PidIndex(pids);
          const map = mapOf(pids);
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
