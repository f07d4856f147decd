import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { changesAtLeast } from './changes';

describe('changesAtLeast', () => {
  it('counts the places two arrays differ by identity, up to the limit', () => {
    fc.assert(
      fc.property(
        fc.array(fc.boolean(), { maxLength: 60 }),
        fc.integer({ min: -5, max: 5 }),
        fc.integer({ min: 1, max: 80 }),
        (keep, grow, limit) => {
          const before = keep.map((_, i) => ({ i }));
          const now = before.map((o, i) => (keep[i] ? o : { ...o }));
          if (grow > 0) for (let k = 0; k < grow; k++) now.push({ i: -1 });
          else now.length = Math.max(0, now.length + grow);
          let full = Math.abs(now.length - before.length);
          for (let i = 0; i < Math.min(now.length, before.length); i++)
            if (now[i] !== before[i]) full++;
          const n = changesAtLeast(now, before, limit);
          expect(Math.min(n, limit)).toBe(Math.min(full, limit));
          expect(n >= limit).toBe(full >= limit);
        },
      ),
    );
  });

  it('is 0 for the same array, whatever its length', () => {
    const a = Array.from({ length: 10 }, (_, i) => ({ i }));
    expect(changesAtLeast(a, a, 5)).toBe(0);
  });
});
