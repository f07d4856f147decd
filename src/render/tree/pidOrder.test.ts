import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inKeyOrderJob, PidSearch, pidOf } from './pidOrder';

const run = (job: Generator<void, boolean, void>) => {
  for (let step = job.next(); ; step = job.next()) if (step.done) return step.value;
};

describe('PidSearch', () => {
  it('finds every pid as a search of the list would, before and after its keys are copied', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 1, max: 5000 }), { maxLength: 400 }),
        fc.array(fc.integer({ min: 0, max: 5001 }), { minLength: 300, maxLength: 700 }),
        fc.boolean(),
        (pids, queries, sort) => {
          const list = (sort ? pids.slice().sort((a, b) => a - b) : pids).map((pid) => ({ pid }));
          const sorted = run(inKeyOrderJob(list, pidOf, 7));
          expect(sorted).toBe(list.every((t, i) => i === 0 || t.pid > list[i - 1].pid));
          const index = new PidSearch(list, sorted);
          // More lookups than LOOKUPS_BEFORE_KEYS: the answers stay those of a plain search.
          for (const q of queries)
            expect(index.indexOf(q)).toBe(list.findIndex((t) => t.pid === q));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('an order check yields every chunk and stops at the first pid out of order', () => {
    const list = [1, 2, 3, 4, 5, 6, 2, 8].map((pid) => ({ pid }));
    const job = inKeyOrderJob(list, pidOf, 2);
    let yields = 0;
    let step = job.next();
    for (; !step.done; step = job.next()) yields++;
    expect(step.value).toBe(false);
    expect(yields).toBe(3);
    expect(run(inKeyOrderJob([{ pid: NaN }], pidOf, 2))).toBe(false);
  });
});
