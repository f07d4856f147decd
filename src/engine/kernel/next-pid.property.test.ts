import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nextPid } from './tree';
import { createTask, createWorld, newContainer, removeTask } from './world';

// nextPid keeps the highest pid instead of scanning every task; whatever order tasks come and
// go in, it must still answer what a scan answers.
describe('nextPid', () => {
  it('is one above the highest pid in use (or the root) after any adds and removes', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ add: fc.boolean(), pid: fc.integer({ min: 2, max: 40 }) }), {
          maxLength: 60,
        }),
        (ops) => {
          const c = newContainer(createWorld(), 1, true);
          createTask(c, { pid: 1, tgid: 1, parent: 0, comm: 'init' });
          for (const op of ops) {
            const t = c.tasks.get(op.pid);
            if (op.add && !t) createTask(c, { pid: op.pid, tgid: op.pid, parent: 1, comm: 'x' });
            if (!op.add && t) removeTask(c, t);
            const scan = Math.max(c.root, ...c.tasks.keys()) + 1;
            expect(nextPid(c)).toBe(scan);
          }
        },
      ),
    );
  });
});
