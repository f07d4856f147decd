import { describe, expect, it } from 'vitest';
import { OpenQueue, type OpenHost } from './openQueue';
import type { Job } from './slicedJob';

interface Model {
  id: number;
  /** Models of one shape share it; a model of another shape needs an open. */
  shape: string;
}

/** A view whose opens run only when the test says (one pending job at a time). */
function fakeView() {
  const drawn: (number | null)[] = [];
  let pending: { job: Job; done: () => void; dropped: boolean } | null = null;
  let prepared: Model | null = null;
  let busy = 0;
  const host: OpenHost<Model> = {
    needsOpen: (model, before) => !before || model.shape !== before.shape,
    *open(first) {
      yield;
      // Like the view's openJob: prepares the newest when it has the opened one's shape.
      yield;
      const newest = queue.newest;
      prepared = newest && newest.shape === first.shape ? newest : first;
    },
    prepared: () => prepared,
    draw: (m) => {
      prepared = null;
      drawn.push(m?.id ?? null);
    },
    busy: () => busy++,
    run: (job, done) => {
      const run = { job, done, dropped: false };
      pending = run;
      return () => {
        run.dropped = true;
      };
    },
  };
  const queue = new OpenQueue(host);
  /** Runs the pending open to its end (unless it was dropped). */
  const finish = () => {
    const p = pending!;
    pending = null;
    if (p.dropped) return false;
    while (!p.job.next().done);
    p.done();
    return true;
  };
  return { queue, drawn, finish, busyCount: () => busy, hasPending: () => pending !== null };
}

const m = (id: number, shape: string): Model => ({ id, shape });

describe('OpenQueue', () => {
  it('draws a model that needs no open at once, and opens one that does', () => {
    const v = fakeView();
    v.queue.show(m(1, 'a'));
    expect(v.hasPending()).toBe(true);
    expect(v.drawn).toEqual([]);
    expect(v.queue.opening).toBe(true);
    expect(v.finish()).toBe(true);
    expect(v.drawn).toEqual([1]);
    expect(v.queue.opening).toBe(false);
    v.queue.show(m(2, 'a'));
    expect(v.drawn).toEqual([1, 2]);
    expect(v.hasPending()).toBe(false);
  });

  it('never drops an open for a newer model: it draws what it prepared, then opens the newest', () => {
    const v = fakeView();
    v.queue.show(m(1, 'a'));
    v.finish();
    v.queue.show(m(2, 'b'));
    // Models of other shapes come faster than the open: it goes on.
    v.queue.show(m(3, 'c'));
    v.queue.show(m(4, 'd'));
    expect(v.finish()).toBe(true);
    // Step 2 was drawn (the tree moved on), and step 4 opens after it; 3 was overtaken.
    expect(v.drawn).toEqual([1, 2]);
    expect(v.queue.opening).toBe(true);
    expect(v.finish()).toBe(true);
    expect(v.drawn).toEqual([1, 2, 4]);
    expect(v.queue.opening).toBe(false);
    expect(v.busyCount()).toBe(3);
  });

  it('a newer model of the opened shape is the one prepared and drawn', () => {
    const v = fakeView();
    v.queue.show(m(1, 'a'));
    v.queue.show(m(2, 'a'));
    v.finish();
    expect(v.drawn).toEqual([2]);
    expect(v.queue.opening).toBe(false);
  });

  it('a newer model of the drawn shape waits for the open and is then drawn at once', () => {
    const v = fakeView();
    v.queue.show(m(1, 'a'));
    v.finish();
    v.queue.show(m(2, 'b'));
    v.queue.show(m(3, 'b'));
    v.queue.show(m(4, 'b'));
    v.finish();
    expect(v.drawn).toEqual([1, 4]);
    v.queue.show(null);
    expect(v.drawn).toEqual([1, 4, null]);
  });

  it('stop drops the open under way: nothing more is drawn', () => {
    const v = fakeView();
    v.queue.show(m(1, 'a'));
    v.queue.stop();
    expect(v.finish()).toBe(false);
    expect(v.drawn).toEqual([]);
    expect(v.queue.opening).toBe(false);
  });
});
