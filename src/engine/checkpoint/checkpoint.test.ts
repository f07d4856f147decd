import { describe, expect, it } from 'vitest';
import { decodeImage } from '../image/decode';
import { containerView } from '../kernel/view';
import { sysCheckpoint } from './checkpoint';
import { TREE_1_2_3, latin1, run } from '../scenario/testing';

const freezeAndCheckpoint = [{ op: 'freeze' }, { op: 'checkpoint', image: 'a' }];

function errorText(image: Uint8Array): string {
  // ERROR (8 bytes) + STRING header (8 bytes) + NUL, text, NUL.
  return latin1(image.subarray(17, image.length - 1));
}

describe('sys_checkpoint', () => {
  it("walks the tree in pre-order DFS, threads after the leader's siblings (spec 3.4)", () => {
    const r = run({
      tree: [
        { pid: 1, ppid: 0 },
        { pid: 2, ppid: 1 },
        { pid: 3, ppid: 2 },
        { pid: 4, ppid: 2 },
        { pid: 5, ppid: 1 },
      ],
      steps: [{ op: 'thread', pid: 2, tid: 6 }, ...freezeAndCheckpoint],
    });
    expect(r.steps.every((s) => s.ok)).toBe(true);
    const img = decodeImage(r.world.images.get('a')!);
    expect(img.ok).toBe(true);
    expect(img.pids.map((p) => p.vpid)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(img.pids[5]).toMatchObject({ vpid: 6, vtgid: 2, vppid: 1 });
    expect(img.pids[0].vppid).toBe(0);
  });

  it('writes 331 + 96n bytes and a zombie record with only state, exit_state and exit_code', () => {
    const r = run({
      tree: [...TREE_1_2_3, { pid: 4, ppid: 2, comm: 'kid', state: 'zombie', exit_code: 13056 }],
      steps: freezeAndCheckpoint,
    });
    const bytes = r.world.images.get('a')!;
    expect(bytes.length).toBe(331 + 96 * 4);
    expect(r.steps[1].fields).toMatchObject({ image: 'a', bytes: 715, tasks: 4 });
    const zombie = decodeImage(bytes).tasks.find((t) => t.pid === 4)!;
    expect(zombie).toMatchObject({
      state: 64,
      exit_state: 16,
      exit_code: 13056,
      exit_signal: 0,
      pdeath_signal: 0,
    });
    const live = decodeImage(bytes).tasks.find((t) => t.pid === 3)!;
    expect(live).toMatchObject({ state: 2, exit_state: 0, exit_code: 0, exit_signal: 17 });
  });

  it('refuses a container that is not frozen with the freezer message and changes nothing', () => {
    const r = run({
      tree: TREE_1_2_3,
      steps: [{ op: 'checkpoint', image: 'a', expect: { ok: false, errno: 'EBUSY' } }],
    });
    expect(r.steps[0]).toMatchObject({ ok: false, errno: 'EBUSY', code: -16 });
    expect(errorText(r.world.images.get('a')!)).toBe('[err -16]: freezer cgroup failed');
  });

  it('refuses a task that left the freezer cgroup: the 68-byte image of spec 2.11', () => {
    const r = run({
      tree: TREE_1_2_3,
      steps: [
        { op: 'freeze' },
        { op: 'leave_freezer', pid: 3 },
        { op: 'checkpoint', image: 'a', expect: { ok: false } },
      ],
    });
    const image = r.world.images.get('a')!;
    expect(image.length).toBe(68);
    expect(errorText(image)).toBe('pid 3 tsk sleep err -16]: unfrozen or wrong cgroup');
    expect(decodeImage(image).ok).toBe(false);
  });

  it('refuses an EXIT_DEAD task with EBUSY and a newline in the text; v17 says EAGAIN', () => {
    const steps = [
      { op: 'wait', pid: 2, child: 3, hold: true },
      ...freezeAndCheckpoint.slice(0, 1),
      { op: 'checkpoint', image: 'a', expect: { ok: false } },
    ];
    const tree = [
      ...TREE_1_2_3.slice(0, 2),
      { pid: 3, ppid: 2, comm: 'sleep', state: 'zombie', exit_code: 0 },
    ];
    const r = run({ tree, steps });
    expect(r.steps[2]).toMatchObject({ ok: false, errno: 'EBUSY' });
    expect(errorText(r.world.images.get('a')!)).toBe(
      'pid 3 tsk sleep err -16]: task state EXIT_DEAD\n',
    );
    const v17 = run({ tree, steps }, 'v17');
    expect(v17.steps[2]).toMatchObject({ ok: false, errno: 'EAGAIN' });
  });

  it('accepts zombies without checking the freezer, refuses ptraced and sibling-of-root tasks', () => {
    const zombie = run({
      tree: [...TREE_1_2_3, { pid: 4, ppid: 1, state: 'zombie', exit_code: 9 }],
      steps: freezeAndCheckpoint,
    });
    expect(zombie.steps[1].ok).toBe(true);
    const traced = run({
      tree: TREE_1_2_3,
      steps: [
        { op: 'ptrace', tracer: 2, tracee: 3 },
        { op: 'freeze' },
        { op: 'checkpoint', image: 'a', expect: { ok: false } },
      ],
    });
    expect(traced.steps[2]).toMatchObject({ ok: false, errno: 'EBUSY' });
    const sibling = run({
      tree: TREE_1_2_3,
      steps: [
        { op: 'fork', pid: 1, child: 9, comm: 'sib', clone_parent: true },
        { op: 'freeze' },
        { op: 'checkpoint', image: 'a', expect: { ok: false } },
      ],
    });
    expect(sibling.steps[2]).toMatchObject({ ok: false, errno: 'EINVAL' });
    expect(errorText(sibling.world.images.get('a')!)).toBe(
      'pid 9 tsk sib err -22]: task is sibling of root',
    );
  });

  it('needs subtree for a root that is not the container init', () => {
    const r = run({
      tree: TREE_1_2_3,
      steps: [
        { op: 'freeze' },
        { op: 'checkpoint', image: 'a', root: 2, expect: { ok: false, errno: 'EINVAL' } },
        { op: 'checkpoint', image: 'b', root: 2, subtree: true },
      ],
    });
    expect(errorText(r.world.images.get('a')!)).toBe('[err -22]: not container init');
    const b = decodeImage(r.world.images.get('b')!);
    expect(b.uflags).toBe(1);
    expect(b.pids.map((p) => [p.vpid, p.vppid])).toEqual([
      [2, 1],
      [3, 2],
    ]);
  });

  it('leaves every task as it was', () => {
    const steps = [{ op: 'freeze' }];
    const before = run({ tree: TREE_1_2_3, steps });
    const after = run({ tree: TREE_1_2_3, steps: [...steps, { op: 'checkpoint', image: 'a' }] });
    expect(containerView(after.world.containers[0])).toEqual(
      containerView(before.world.containers[0]),
    );
  });
});

describe('may_checkpoint_task checks that no scenario op can reach', () => {
  function frozenWorld() {
    const r = run({
      tree: [...TREE_1_2_3, { pid: 4, ppid: 2, comm: 'z', state: 'zombie', exit_code: 0 }],
      steps: [{ op: 'freeze' }],
    });
    return { world: r.world, c: r.world.containers[0] };
  }

  it('refuses a live task in another nsproxy with EPERM and an empty message (STRING len 10)', () => {
    const { world, c } = frozenWorld();
    c.tasks.get(3)!.nsproxy = c.nsproxy + 1;
    const r = sysCheckpoint(world.log, c, { variant: 'v18-28' });
    expect(r.error?.errno).toBe('EPERM');
    expect(r.image.length).toBe(18);
    expect(errorText(r.image)).toBe('');
  });

  it('an unprivileged checkpointer gets EPERM on a zombie, which has no mm', () => {
    const { world, c } = frozenWorld();
    const r = sysCheckpoint(world.log, c, { variant: 'v18-28', privileged: false });
    expect(r.error?.errno).toBe('EPERM');
    expect(errorText(r.image)).toMatch(/^pid 4 tsk z err -1\]: /);
  });

  it('emits one may_checkpoint_task event per task, in walk order', () => {
    const { world, c } = frozenWorld();
    const before = world.log.length;
    expect(sysCheckpoint(world.log, c, { variant: 'v18-28' }).ok).toBe(true);
    const checks = world.log.events.slice(before).filter((e) => e.fn === 'may_checkpoint_task');
    expect(checks.map((e) => e.pid)).toEqual([1, 2, 3, 4]);
  });
});
