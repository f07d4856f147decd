import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { changesAtLeast, changesByPidAtLeast } from './changes';

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

describe('changesByPidAtLeast', () => {
  /** Items gone, come or replaced between two lists, counted by pid with Maps. */
  function reference(now: { pid: number }[], before: { pid: number }[]): number {
    const a = new Map(now.map((x) => [x.pid, x]));
    const b = new Map(before.map((x) => [x.pid, x]));
    let n = 0;
    for (const [pid, x] of a) if (b.get(pid) !== x) n++;
    for (const pid of b.keys()) if (!a.has(pid)) n++;
    return n;
  }

  it('counts an item gone, come or changed as one, aligned by pid, up to the limit', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 1, max: 200 }), { maxLength: 60 }),
        fc.array(fc.constantFrom('keep', 'drop', 'change'), { maxLength: 60 }),
        fc.uniqueArray(fc.integer({ min: 1, max: 200 }), { maxLength: 10 }),
        fc.integer({ min: 1, max: 80 }),
        (pids, fate, added, limit) => {
          const before = pids.sort((x, y) => x - y).map((pid) => ({ pid }));
          const now = before
            .flatMap((x, i) =>
              fate[i] === 'drop' ? [] : fate[i] === 'change' ? [{ pid: x.pid }] : [x],
            )
            .concat(added.filter((p) => !pids.includes(p)).map((pid) => ({ pid })))
            .sort((x, y) => x.pid - y.pid);
          const full = reference(now, before);
          const n = changesByPidAtLeast(now, before, limit);
          expect(Math.min(n, limit)).toBe(Math.min(full, limit));
          expect(n >= limit).toBe(full >= limit);
        },
      ),
    );
  });

  it('is one change for the lowest of 10,000 gone (index by index: 9,999 and more)', () => {
    const before = Array.from({ length: 10_000 }, (_, i) => ({ pid: i + 1 }));
    expect(changesByPidAtLeast(before.slice(1), before, 4096)).toBe(1);
  });

  it('compares lists out of pid order (a null pid) index by index', () => {
    const a = [{ pid: 3 }, { pid: 1 }];
    const b = [{ pid: null }, { pid: 1 }];
    expect(changesByPidAtLeast([a[1], a[0]], a, 10)).toBe(2);
    expect(changesByPidAtLeast(b, [b[0], { pid: 1 }], 10)).toBe(1);
  });
});
