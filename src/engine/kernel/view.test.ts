import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TaskView } from '../snapshot';
import { EXIT_DEAD, EXIT_ZOMBIE, TASK_STOPPED, TASK_TRACED } from './constants';
import { cur, worldOf } from './testing';
import type { Container, Task } from './types';
import { copyTaskView, sameTaskView, taskView, TASK_VIEW_FIELDS, TASK_VIEW_KEYS } from './view';

/** A kernel task with any mix of the fields a view reads, in a frozen or thawed container. */
const cases = fc
  .record({
    tgid: fc.integer({ min: 1, max: 9 }),
    parent: fc.integer({ min: 0, max: 9 }),
    pgid: fc.integer({ min: 1, max: 9 }),
    sid: fc.integer({ min: 1, max: 9 }),
    comm: fc.string({ maxLength: 15 }),
    state: fc.constantFrom(0, 1, TASK_STOPPED, TASK_TRACED),
    exit_state: fc.constantFrom(0, EXIT_ZOMBIE, EXIT_DEAD),
    exit_code: fc.integer({ min: 0, max: 0xffff }),
    exit_signal: fc.constantFrom(-1, 17),
    pdeath_signal: fc.integer({ min: 0, max: 64 }),
    ptracer: fc.integer({ min: 0, max: 3 }),
    inFreezer: fc.boolean(),
    frozen: fc.boolean(),
  })
  .map(({ frozen, ...fields }) => {
    const c: Container = cur(worldOf());
    c.freezer = frozen ? 'FROZEN' : 'THAWED';
    const t: Task = { ...c.tasks.get(2)!, ...fields };
    return { c, t };
  });

/** A different value of the same type, for one field of a view. */
function changed(v: TaskView, k: keyof TaskView): TaskView {
  const x = v[k];
  const other =
    typeof x === 'boolean' ? !x : typeof x === 'number' ? x + 1 : k === 'state' ? 'dead' : `${x}!`;
  return { ...v, [k]: k === 'state' && x === 'dead' ? 'running' : other };
}

describe('the task view table', () => {
  it('taskView reads every field as the table says, in table order', () => {
    fc.assert(
      fc.property(cases, ({ c, t }) => {
        const v = taskView(c, t);
        expect(Object.keys(v)).toEqual(TASK_VIEW_KEYS);
        for (const k of TASK_VIEW_KEYS)
          expect([k, v[k]]).toEqual([k, TASK_VIEW_FIELDS[k].of(c, t)]);
      }),
    );
  });

  it('sameTaskView holds for the task own view and fails when any one field differs', () => {
    fc.assert(
      fc.property(cases, ({ c, t }) => {
        const v = taskView(c, t);
        expect(sameTaskView(c, t, v)).toBe(true);
        for (const k of TASK_VIEW_KEYS)
          expect([k, sameTaskView(c, t, changed(v, k))]).toEqual([k, false]);
      }),
    );
  });

  it('copyTaskView puts the keys back in table order', () => {
    fc.assert(
      fc.property(cases, ({ c, t }) => {
        const v = taskView(c, t);
        const shuffled = Object.fromEntries(Object.entries(v).reverse()) as unknown as TaskView;
        expect(JSON.stringify(copyTaskView(shuffled))).toBe(JSON.stringify(v));
      }),
    );
  });
});
