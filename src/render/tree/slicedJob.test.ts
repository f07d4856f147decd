import { describe, expect, it } from 'vitest';
import { NEW_TASK, runNow, runSliced, type Job } from './slicedJob';

/** A job of `n` steps, each `cost` on a fake clock. */
function counted(n: number, clock: { t: number }, cost: number, seen: number[]): Job {
  return (function* () {
    for (let i = 0; i < n; i++) {
      clock.t += cost;
      seen.push(i);
      yield;
    }
  })();
}

describe('sliced jobs', () => {
  it('runs a job in tasks of about the budget, in order, then says done', () => {
    const clock = { t: 0 };
    const tasks: (() => void)[] = [];
    const seen: number[] = [];
    let done = 0;
    runSliced(counted(100, clock, 1, seen), () => done++, {
      budgetMs: 10,
      now: () => clock.t,
      later: (fn) => tasks.push(fn),
    });
    // Nothing runs in the caller's task.
    expect(seen).toEqual([]);
    const perTask: number[] = [];
    while (tasks.length) {
      const before = seen.length;
      tasks.shift()!();
      perTask.push(seen.length - before);
    }
    expect(seen).toEqual(Array.from({ length: 100 }, (_, i) => i));
    expect(done).toBe(1);
    expect(Math.max(...perTask)).toBeLessThanOrEqual(11);
    expect(perTask.length).toBeGreaterThanOrEqual(10);
  });

  it('stops where it is when cancelled, without saying done', () => {
    const clock = { t: 0 };
    const tasks: (() => void)[] = [];
    const seen: number[] = [];
    let done = 0;
    const cancel = runSliced(counted(100, clock, 1, seen), () => done++, {
      budgetMs: 10,
      now: () => clock.t,
      later: (fn) => tasks.push(fn),
    });
    tasks.shift()!();
    tasks.shift()!();
    cancel();
    while (tasks.length) tasks.shift()!();
    expect(seen.length).toBeLessThan(100);
    expect(done).toBe(0);
  });

  it('runs a job to its end at once', () => {
    const seen: number[] = [];
    runNow(counted(7, { t: 0 }, 1, seen));
    expect(seen).toHaveLength(7);
  });

  it('starts a new task where the job asks for one, and says done in a task of its own', () => {
    const tasks: (() => void)[] = [];
    const log: string[] = [];
    const job = (function* (): Job {
      log.push('a');
      yield;
      log.push('b');
      yield NEW_TASK;
      log.push('c');
    })();
    runSliced(job, () => log.push('done'), {
      budgetMs: 1000,
      now: () => 0,
      later: (fn) => tasks.push(fn),
    });
    const perTask: string[][] = [];
    while (tasks.length) {
      const before = log.length;
      tasks.shift()!();
      perTask.push(log.slice(before));
    }
    expect(perTask).toEqual([['a', 'b'], ['c'], ['done']]);
  });
});
