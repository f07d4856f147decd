import { describe, expect, it } from 'vitest';
import { exploreScenario } from '../explore/explore';
import { TASK_STOPPED_STATE } from '../kernel/constants';
import { decodeImage } from '../image/decode';
import { latin1, run, scenario } from '../scenario/testing';
import type { Variant } from '../scenario/types';

/* Failures as the real code has them (spec/linux-cr-corrections.md 3 and 4). */

const TREE = [
  { pid: 1, ppid: 0, comm: 'init' },
  { pid: 2, ppid: 1, comm: 'sh' },
  { pid: 3, ppid: 2, comm: 'sleep' },
];
const CR = [{ op: 'freeze' }, { op: 'checkpoint', image: 'a' }];
// HEADER's arch_id (u16 @16): user space does not look at it, restore_read_header does.
const BAD_ARCH = { op: 'corrupt', image: 'a', offset: 16, hex: '0200', expect: { ok: false } };
// pid 2's record gets an exit code a live task cannot have: EINVAL from restore_task_struct.
const BAD_RECORD = { op: 'patch', image: 'a', pid: 2, field: 'exit_code', value: 1 };

function restartWith(edits: object[], variant: Variant) {
  const r = run(
    {
      tree: TREE,
      steps: [
        ...CR,
        ...edits,
        { op: 'destroy' },
        { op: 'restart', image: 'a', expect: { ok: false } },
      ],
    },
    variant,
  );
  return { r, restart: r.steps[r.steps.length - 1], c: r.world.containers.at(-1)! };
}

describe('a header the kernel rejects', () => {
  it('under v18-28 returns before anyone is prepared: the created tasks stay blocked', () => {
    const { r, restart, c } = restartWith([BAD_ARCH], 'v18-28');
    expect(restart.errno).toBe('EINVAL');
    const fns = r.events.filter((e) => e.actor === 'coord').map((e) => e.fn);
    expect(fns).toContain('restore_read_header');
    expect(fns).not.toContain('prepare_descendants');
    expect(fns).not.toContain('kill_tree');
    expect([...c.tasks.keys()].sort()).toEqual([1, 2, 3]);
    expect(restart.fields.ctx_refcount_end).toBe(0);
  });

  it('is reported by the explorer through error-kills-all', () => {
    const s = scenario({
      tree: TREE,
      steps: [...CR, BAD_ARCH, { op: 'destroy' }, { op: 'restart', image: 'a' }],
    });
    const x = exploreScenario(s, { variant: 'v18-28' });
    if ('unsupported' in x) throw new Error(x.unsupported);
    const v = x.json.violations.find((y) => y.invariant === 'error-kills-all');
    expect(v?.message).toContain('blocked for good in wait_checkpoint_ctx');
  });
});

describe('a header the kernel rejects under v19', () => {
  it('is followed by destroy_descendants: nothing stays blocked and the explorer finds nothing', () => {
    const { r, restart, c } = restartWith([BAD_ARCH], 'v19');
    expect(restart.errno).toBe('EINVAL');
    const fns = r.events.filter((e) => e.actor === 'coord').map((e) => e.fn);
    expect(fns).toContain('destroy_descendants');
    expect(fns).not.toContain('prepare_descendants');
    expect(c.tasks.size).toBe(0);
    expect(restart.fields.ctx_refcount_end).toBe(0);
    const s = scenario({
      tree: TREE,
      steps: [...CR, BAD_ARCH, { op: 'destroy' }, { op: 'restart', image: 'a' }],
    });
    const x = exploreScenario(s, { variant: 'v19' });
    if ('unsupported' in x) throw new Error(x.unsupported);
    expect(x.json.violations).toEqual([]);
  });
});

describe('a ctx error', () => {
  it('makes each task kill itself: the coordinator sends no signal', () => {
    const { r, restart, c } = restartWith([BAD_RECORD], 'v18-28');
    expect(restart.errno).toBe('EINVAL');
    expect(r.events.some((e) => e.fn === 'kill_tree')).toBe(false);
    const selfKilled = r.events.filter((e) => e.fn === 'do_exit' && e.what.includes('force_sig'));
    expect(selfKilled.map((e) => e.actor).sort()).toEqual(['pid:1', 'pid:2', 'pid:3']);
    expect(c.tasks.size).toBe(0);
  });

  it('under v19 is followed by destroy_descendants, and the first error is returned', () => {
    const { r, restart, c } = restartWith([BAD_RECORD], 'v19');
    expect(restart.errno).toBe('EINVAL');
    expect(r.events.some((e) => e.fn === 'destroy_descendants')).toBe(true);
    expect(c.tasks.size).toBe(0);
  });

  it("under v17 makes the coordinator return -EBUSY, in v17's own words", () => {
    const { r, restart } = restartWith([BAD_RECORD], 'v17');
    expect(restart.errno).toBe('EBUSY');
    const fns = r.events.map((e) => e.fn);
    expect(fns).toContain('ckpt_activate_next');
    expect(fns).toContain('ckpt_notify_error');
    expect(fns).not.toContain('restore_activate_next');
  });
});

describe('restore_task_struct', () => {
  it('checks the fields before it reads the comm', () => {
    // pid 3's record is invalid and its comm is cut off: the fields fail first (EINVAL).
    const probe = run({ tree: TREE, steps: CR });
    const image = decodeImage(probe.world.images.get('a')!);
    const comm3 = image.records.filter((x) => x.name === 'STRING').at(-1)!;
    const { restart } = restartWith(
      [
        { op: 'patch', image: 'a', pid: 3, field: 'exit_code', value: 1 },
        { op: 'truncate', image: 'a', length: comm3.offset + 12, expect: { ok: false } },
      ],
      'v18-28',
    );
    expect(restart.errno).toBe('EINVAL');
    expect(restart.message).toContain('live record with exit_code');
  });
});

describe('a job-stopped task', () => {
  it("is saved with 2.6.31's TASK_STOPPED (132) and comes back running", () => {
    const tree = [
      { pid: 1, ppid: 0, comm: 'init' },
      { pid: 2, ppid: 1, comm: 'vi', state: 'stopped' },
    ];
    const r = run({
      tree,
      steps: [...CR, { op: 'destroy' }, { op: 'restart', image: 'a' }],
    });
    const image = decodeImage(r.world.images.get('a')!);
    expect(image.tasks.find((t) => t.pid === 2)?.state).toBe(TASK_STOPPED_STATE);
    expect(r.steps.at(-1)!.ok).toBe(true);
    const vi = r.world.containers.at(-1)!.tasks.get(2)!;
    expect(vi.state).toBe(0);
  });
});

describe("v17's may_checkpoint_task", () => {
  it('writes its own sentence into the ERROR record', () => {
    const r = run(
      {
        tree: TREE,
        steps: [
          { op: 'ptrace', tracer: 2, tracee: 3 },
          { op: 'freeze' },
          { op: 'checkpoint', image: 'a', expect: { ok: false } },
        ],
      },
      'v17',
    );
    expect(r.steps[2]).toMatchObject({ ok: false, errno: 'EBUSY' });
    expect(latin1(r.world.images.get('a')!)).toContain('task 3 (sleep) is ptraced');
  });
});
