import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RunQueue } from './runqueue';

describe('RunQueue.at', () => {
  it('is the k-th slot of slots() after any adds and deletes', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.boolean(), fc.integer({ min: 0, max: 20 })), { maxLength: 80 }),
        (ops) => {
          const q = new RunQueue();
          for (const [add, slot] of ops) {
            if (add) q.add(slot);
            else q.delete(slot);
          }
          const slots = q.slots();
          expect(slots.map((_, k) => q.at(k))).toEqual(slots);
        },
      ),
    );
  });
});
