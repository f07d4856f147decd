import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { TaskNode } from './model';
import { sameShape, treeShape } from './treeShape';

const node = (pid: number, parent: number | null, isThread = false) =>
  ({ pid, parent, isThread }) as TaskNode;

/** The meaning it keeps: the old key, a string of every shown task. */
function oldKey(nodes: TaskNode[], coordinator: boolean): string {
  let key = coordinator ? 'c' : '';
  for (const n of nodes) key += `,${n.pid}${n.isThread ? 't' : ':'}${n.parent ?? ''}`;
  return key;
}

const tasks = fc.array(
  fc.tuple(fc.integer({ min: 1, max: 6 }), fc.option(fc.integer({ min: 0, max: 6 })), fc.boolean()),
  { maxLength: 6 },
);

describe('treeShape', () => {
  it('two models have the same shape exactly when their old string keys were equal', () => {
    fc.assert(
      fc.property(tasks, tasks, fc.boolean(), fc.boolean(), (a, b, ca, cb) => {
        const na = a.map(([pid, parent, t]) => node(pid, parent, t));
        const nb = b.map(([pid, parent, t]) => node(pid, parent, t));
        const coord = (c: boolean) => (c ? ({} as never) : null);
        const same = sameShape(
          treeShape({ nodes: na, coordinator: coord(ca) }),
          treeShape({ nodes: nb, coordinator: coord(cb) }),
        );
        expect(same).toBe(oldKey(na, ca) === oldKey(nb, cb));
      }),
    );
  });

  it('a parent of pid 0 is not the same as no parent', () => {
    const a = treeShape({ nodes: [node(1, 0)], coordinator: null });
    const b = treeShape({ nodes: [node(1, null)], coordinator: null });
    expect(sameShape(a, b)).toBe(false);
    expect(sameShape(a, null)).toBe(false);
    expect(sameShape(null, null)).toBe(true);
  });
});
