import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EngineLog } from '../events';
import { isHung } from './runnable';
import { run } from '../scenario/testing';
import { beginRestart, runRestart } from './restart';

const TREE = [
  { pid: 1, ppid: 0, comm: 'init' },
  { pid: 2, ppid: 1, comm: 'parent' },
  { pid: 3, ppid: 2, comm: 'zombie', state: 'zombie', exit_code: 768 },
  { pid: 4, ppid: 2, comm: 'live' },
  { pid: 5, ppid: 1, tgid: 2 },
  { pid: 6, ppid: 4, comm: 'stopped', state: 'stopped' },
];

const interesting = fc.constantFrom(
  0,
  1,
  2,
  4,
  16,
  17,
  32,
  64,
  65,
  0x7f,
  0x8b,
  0x100,
  0xffff,
  0x10000,
  -1,
  0x7fffffff,
);
const patch = fc.oneof(
  fc.record({
    op: fc.constant('patch'),
    image: fc.constant('a'),
    pid: fc.integer({ min: 1, max: 6 }),
    field: fc.constantFrom(
      'state',
      'exit_state',
      'exit_code',
      'exit_signal',
      'pdeath_signal',
      'vppid',
      'vtgid',
      'vpgid',
      'vsid',
    ),
    value: interesting,
  }),
  fc.record({
    op: fc.constant('corrupt'),
    image: fc.constant('a'),
    offset: fc.integer({ min: 0, max: 900 }),
    hex: fc.constantFrom('00', 'ff', 'ffffffff', '66000000', '30000000', '01'),
  }),
  fc.record({
    op: fc.constant('truncate'),
    image: fc.constant('a'),
    length: fc.integer({ min: 0, max: 907 }),
  }),
);

describe('restart of a damaged image', () => {
  it('always ends: success, or a clean errno with nothing left (or, for a header the kernel rejects, every task still waiting) and the ctx freed', () => {
    fc.assert(
      fc.property(
        fc.array(patch, { minLength: 1, maxLength: 3 }),
        fc.constantFrom('fifo', 'random:1', 'random:2'),
        (edits, schedule) => {
          const r = run({
            tree: TREE,
            steps: [
              { op: 'freeze' },
              { op: 'checkpoint', image: 'a' },
              ...edits.map((e) => ({ ...e, expect: { ok: false } })),
              { op: 'destroy' },
              { op: 'restart', image: 'a', schedule, expect: { ok: false } },
            ],
          });
          const restart = r.steps[r.steps.length - 1];
          expect(restart.fields.ctx_refcount_end ?? 0).toBe(0);
          // Each scheduler step is exactly one event, on every path: the timeline and the UI's
          // manual schedule picks rely on it.
          const before = run({
            tree: TREE,
            steps: [
              { op: 'freeze' },
              { op: 'checkpoint', image: 'a' },
              ...edits,
              { op: 'destroy' },
            ],
          });
          const bytes = before.world.images.get('a')!;
          const log = new EngineLog();
          const rerun = beginRestart(before.world, {
            imageName: 'a',
            bytes,
            variant: 'v18-28',
            schedule,
            log,
          });
          const again = runRestart(rerun);
          expect(again.ok).toBe(true);
          if (again.ok) expect(again.value.events).toBe(again.value.schedule.length);
          if (restart.ok) return;
          expect(restart.errno).toMatch(/^E[A-Z]+$/);
          const c = r.world.containers[r.world.containers.length - 1];
          const hung = rerun.s.tasks.filter((t) => isHung(rerun.s, t));
          if (hung.length === 0) {
            expect(c.destroyed).toBe(true);
            expect(c.tasks.size).toBe(0);
            return;
          }
          // The kernel rejected the header or tree that user space let through: do_restore_coord
          // returned before it prepared anyone, so every task still waits for a ctx, holding none.
          const rejected = log.events.find((e) => e.errno && e.actor === 'coord');
          expect(['restore_read_header', 'restore_read_tree']).toContain(rejected?.fn);
          expect(hung).toHaveLength(rerun.s.tasks.length);
          expect(c.tasks.size).toBe(hung.length);
        },
      ),
      { numRuns: 300 },
    );
  }, 120_000);
});
