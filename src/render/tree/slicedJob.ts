/**
 * Long work cut into tasks the page can breathe between. A job is a generator that yields now
 * and then (every few thousand items); the runner goes on with it until `budgetMs` has passed,
 * then continues in a new macrotask, so no main-thread task of it is much longer than the
 * budget (long tasks are over 50 ms) and input, painting and messages get in between.
 */
export type Job = Generator<void | typeof NEW_TASK, void, void>;

/**
 * Yielded by a job before a big step that should start a task of its own (a step of tens of
 * milliseconds after a slice's budget would make the slice long).
 */
export const NEW_TASK = 'new-task';

/** Continues in a new task (setTimeout(0) is clamped to 4 ms after a few nestings). */
export type Later = (fn: () => void) => void;

export interface SlicedJobOptions {
  budgetMs?: number;
  now?: () => number;
  later?: Later;
}

/** The next task, without the clamp of nested timeouts: a message to ourselves. */
function nextTask(fn: () => void): void {
  if (typeof MessageChannel === 'undefined') {
    setTimeout(fn, 0);
    return;
  }
  const ch = new MessageChannel();
  ch.port1.onmessage = () => {
    ch.port1.close();
    fn();
  };
  ch.port2.postMessage(null);
}

/**
 * Runs `job` in slices, then `done`. Returns the cancel function (the job is dropped where it
 * is; `done` is not called).
 */
export function runSliced(job: Job, done: () => void, options: SlicedJobOptions = {}): () => void {
  const budget = options.budgetMs ?? 12;
  const now = options.now ?? (() => performance.now());
  const later = options.later ?? nextTask;
  let cancelled = false;
  const slice = () => {
    if (cancelled) return;
    const end = now() + budget;
    for (;;) {
      const step = job.next();
      if (step.done) {
        // In a task of its own: what follows the job (drawing it) is work too.
        later(() => {
          if (!cancelled) done();
        });
        return;
      }
      if (step.value === NEW_TASK || now() >= end) break;
    }
    later(slice);
  };
  later(slice);
  return () => {
    cancelled = true;
  };
}

/** Runs `job` to its end at once (the synchronous path of the same work). */
export function runNow(job: Job): void {
  while (!job.next().done);
}
