import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { containerView } from '../kernel/view';
import { CHECKPOINT_RESTART_STEPS, run } from '../scenario/testing';

interface Entry {
  pid: number;
  ppid: number;
  tgid?: number;
  comm: string;
  state?: 'running' | 'stopped' | 'zombie';
  exit_code?: number;
  pdeath_signal?: number;
}

/** Wait statuses the seed can restore: exit n, or killed by a signal without a core dump. */
const restorableStatus = fc.oneof(
  fc.integer({ min: 0, max: 255 }).map((n) => n << 8),
  fc.integer({ min: 1, max: 64 }),
);

const kind = fc.constantFrom('live', 'live', 'zombie', 'stopped', 'thread');

/** Random trees: processes under earlier live leaders, zombies, stopped tasks and threads. */
const trees = fc
  .array(
    fc.record({
      kind,
      parentPick: fc.nat(),
      status: restorableStatus,
      pdeath: fc.integer({ min: 0, max: 64 }),
    }),
    { minLength: 0, maxLength: 9 },
  )
  .map((specs) => {
    const tree: Entry[] = [{ pid: 1, ppid: 0, comm: 'init' }];
    const leaders = [1];
    specs.forEach((s, i) => {
      const pid = i + 2;
      const parent = leaders[s.parentPick % leaders.length];
      const comm = `t${pid}`;
      if (s.kind === 'thread' && parent !== 1) {
        const leader = tree.find((e) => e.pid === parent)!;
        tree.push({ pid, ppid: leader.ppid, tgid: parent, comm });
      } else if (s.kind === 'zombie') {
        tree.push({ pid, ppid: parent, comm, state: 'zombie', exit_code: s.status });
      } else {
        tree.push({
          pid,
          ppid: parent,
          comm,
          state: s.kind === 'stopped' ? 'stopped' : 'running',
          pdeath_signal: s.pdeath,
        });
        leaders.push(pid);
      }
    });
    return tree;
  });

/**
 * Everything but `frozen` (the original was frozen for the checkpoint, the restored tree is not)
 * and a job stop: v18's restore_task_struct reads state only to tell zombies from live tasks, so
 * a task saved TASK_STOPPED comes back running.
 */
const comparable = (t: ReturnType<typeof containerView>['tasks'][number]) => ({
  ...t,
  frozen: false,
  state: t.state === 'stopped' ? 'running' : t.state,
});

describe('checkpoint -> destroy -> restart', () => {
  it('gives back the same tree, and restored zombies give their parent the same wait status', () => {
    fc.assert(
      fc.property(trees, (tree) => {
        const before = run({ tree, steps: [] });
        // A stopped parent cannot run wait(); its zombies are checked through the tree comparison.
        const running = new Set(tree.filter((e) => e.state !== 'stopped').map((e) => e.pid));
        const zombies = tree.filter((e) => e.state === 'zombie' && running.has(e.ppid));
        const r = run({
          tree,
          steps: [
            ...CHECKPOINT_RESTART_STEPS,
            ...zombies.map((z) => ({
              op: 'wait',
              pid: z.ppid,
              child: z.pid,
              expect: { ok: true, status: z.exit_code },
            })),
          ],
        });
        expect(r.steps.map((s) => [s.op, s.ok, s.message ?? ''])).toEqual(
          r.steps.map((s) => [s.op, true, '']),
        );
        expect(r.steps.some((s) => s.expect_failed)).toBe(false);
        expect(r.steps[3].fields.ctx_refcount_end).toBe(0);
        const restartOnly = run({
          tree,
          steps: [...CHECKPOINT_RESTART_STEPS],
        });
        expect(containerView(restartOnly.world.containers[1]).tasks.map(comparable)).toEqual(
          containerView(before.world.containers[0]).tasks.map(comparable),
        );
      }),
      { numRuns: 150 },
    );
  });
});
