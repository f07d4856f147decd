import { describe, expect, it } from 'vitest';
import { exploreScenario } from '../explore/explore';
import { CHECKPOINT_STEPS, run, scenario } from '../scenario/testing';

const WORKED = [
  { pid: 1, ppid: 0, comm: 'init' },
  { pid: 2, ppid: 1, comm: 'parent' },
  { pid: 3, ppid: 2, comm: 'zombie', state: 'zombie', exit_code: 768 },
  { pid: 4, ppid: 2, comm: 'live' },
];
const CR = [...CHECKPOINT_STEPS];

function restartEvents(r: ReturnType<typeof run>) {
  const start = r.events.findIndex((e) => e.fn === 'ckpt_ctx_alloc');
  return r.events.slice(start).map((e) => `${e.actor} ${e.fn}`);
}

describe('restart (28/80 rule)', () => {
  it('replays the worked example of spec 4.12: the zombie hands on the turn from exit_checkpoint', () => {
    const r = run({
      tree: WORKED,
      steps: [
        ...CR,
        { op: 'restart', image: 'a' },
        { op: 'wait', pid: 2, child: 3, expect: { ok: true, status: 768 } },
      ],
    });
    const restart = r.steps[3];
    expect(restart.ok).toBe(true);
    expect(restart.fields).toMatchObject({
      container: 2,
      order: [1, 2, 3, 4],
      ctx_refcount_end: 0,
    });
    expect(r.steps[4]).toMatchObject({ ok: true });
    expect(r.steps[4].expect_failed).toBeUndefined();
    const ev = restartEvents(r);
    const zombieExit = ev.indexOf('pid:3 exit_checkpoint');
    expect(zombieExit).toBeGreaterThan(ev.indexOf('pid:3 exit_notify'));
    expect(zombieExit).toBeLessThan(ev.indexOf('pid:4 wait_task_active'));
    // The coordinator only wakes after the last task's activation completes it.
    expect(ev.indexOf('coord wait_all_tasks_finish')).toBeGreaterThan(
      ev.indexOf('pid:4 restore_activate_next'),
    );
    const c = r.world.containers[1];
    expect(c.tasks.get(3)).toBeUndefined();
    expect(c.tasks.get(4)?.comm).toBe('live');
  });

  it('keeps every restored zombie a zombie with its wait status, and sends no SIGCHLD', () => {
    const r = run({ tree: WORKED, steps: [...CR, { op: 'restart', image: 'a' }] });
    const z = r.world.containers[1].tasks.get(3)!;
    expect(z).toMatchObject({ state: 64, exit_state: 16, exit_code: 768, comm: 'zombie' });
    const sigchld = r.events.filter(
      (e) =>
        e.fn === 'do_notify_parent' &&
        e.pid === 3 &&
        typeof e.data?.signal === 'number' &&
        !e.data?.muted,
    );
    expect(sigchld).toEqual([]);
  });

  it('leaks one ctx reference per zombie under v17', () => {
    const r = run({ tree: WORKED, steps: [...CR, { op: 'restart', image: 'a', variant: 'v17' }] });
    expect(r.steps[3]).toMatchObject({ ok: true });
    expect(r.steps[3].fields.ctx_refcount_end).toBe(1);
  });

  it('fails a record with an impossible exit code with EINVAL and the pid, leaving nothing behind', () => {
    const r = run({
      tree: WORKED,
      steps: [
        { op: 'freeze' },
        { op: 'checkpoint', image: 'a' },
        { op: 'patch', image: 'a', pid: 3, field: 'exit_code', value: 65536 },
        { op: 'destroy' },
        { op: 'restart', image: 'a', expect: { ok: false, errno: 'EINVAL' } },
      ],
    });
    const s = r.steps[4];
    expect(s).toMatchObject({ ok: false, errno: 'EINVAL', code: -22 });
    expect(s.fields).toMatchObject({ pid: 3, ctx_refcount_end: 0, order: [1, 2, 3] });
    const c = r.world.containers[1];
    expect(c.destroyed).toBe(true);
    expect(c.tasks.size).toBe(0);
    const killed = r.events
      .filter((e) => e.fn === 'do_exit' && /SIGKILL/.test(e.what))
      .map((e) => e.actor);
    expect(killed.sort()).toEqual(['pid:1', 'pid:2', 'pid:3', 'pid:4']);
  });

  it('cannot restart a zombie that dumped core (valid_exit_code sees 0x8b)', () => {
    const r = run({
      tree: [...WORKED.slice(0, 2), { pid: 3, ppid: 2, comm: 'crasher' }],
      steps: [
        { op: 'kill', pid: 3, signal: 'SIGSEGV', core: true },
        ...CR,
        { op: 'restart', image: 'a', expect: { ok: false, errno: 'EINVAL' } },
      ],
    });
    expect(r.steps[4]).toMatchObject({ ok: false, errno: 'EINVAL' });
    expect(r.steps[4].expect_failed).toBeUndefined();
  });

  it.each([
    ['thread with an exit signal', { pid: 5, field: 'exit_signal', value: 17 }, 'EINVAL'],
    ['pdeath_signal 65', { pid: 4, field: 'pdeath_signal', value: 65 }, 'EINVAL'],
    ['live record with an exit code', { pid: 4, field: 'exit_code', value: 256 }, 'EINVAL'],
    ['zombie record in EXIT_DEAD', { pid: 3, field: 'exit_state', value: 32 }, 'EINVAL'],
    ['leader with exit_signal -1', { pid: 2, field: 'exit_signal', value: -1 }, 'EINVAL'],
  ])('rejects a %s', (_name, patch, errno) => {
    const r = run({
      tree: [...WORKED, { pid: 5, ppid: 1, tgid: 2 }],
      steps: [
        { op: 'freeze' },
        { op: 'checkpoint', image: 'a' },
        { op: 'patch', image: 'a', ...patch },
        { op: 'destroy' },
        { op: 'restart', image: 'a', expect: { ok: false, errno } },
      ],
    });
    expect(r.steps[4]).toMatchObject({ ok: false, errno });
    expect(r.steps[4].fields.pid).toBe(patch.pid);
    expect(r.steps[4].fields.ctx_refcount_end).toBe(0);
  });

  it('fails a truncated image with EPIPE and a refused image with EINVAL', () => {
    const trunc = run({
      tree: WORKED,
      steps: [
        ...CR,
        { op: 'truncate', image: 'a', length: 500 },
        { op: 'restart', image: 'a', expect: { ok: false } },
      ],
    });
    expect(trunc.steps[4]).toMatchObject({ ok: false, errno: 'EPIPE' });
    const refused = run({
      tree: WORKED,
      steps: [
        { op: 'checkpoint', image: 'a', expect: { ok: false } },
        { op: 'restart', image: 'a', expect: { ok: false } },
      ],
    });
    expect(refused.steps[1]).toMatchObject({ ok: false, errno: 'EINVAL' });
  });

  it('follows an explicit schedule and refuses an id that is not runnable, changing nothing', () => {
    const bad = run({
      tree: WORKED,
      steps: [...CR, { op: 'restart', image: 'a', schedule: ['pid:3'], expect: { ok: false } }],
    });
    expect(bad.steps[3]).toMatchObject({ ok: false, errno: 'EINVAL' });
    expect(bad.steps[3].message).toMatch(/schedule\[0\]: pid:3 is not runnable/);
    expect(bad.world.containers.length).toBe(1);
  });

  it('gives the same events for the same random seed', () => {
    const a = run({
      tree: WORKED,
      steps: [...CR, { op: 'restart', image: 'a', schedule: 'random:7' }],
    });
    const b = run({
      tree: WORKED,
      steps: [...CR, { op: 'restart', image: 'a', schedule: 'random:7' }],
    });
    expect(a.steps[3]).toEqual(b.steps[3]);
    expect(restartEvents(a)).toEqual(restartEvents(b));
  });
});

describe('a patched image whose container init is a zombie', () => {
  const steps = [
    { op: 'freeze' },
    { op: 'checkpoint', image: 'a' },
    { op: 'patch', image: 'a', pid: 1, field: 'state', value: 64 },
    { op: 'patch', image: 'a', pid: 1, field: 'exit_state', value: 16 },
    { op: 'patch', image: 'a', pid: 1, field: 'exit_signal', value: 0 },
    { op: 'destroy' },
  ];
  const tree = [
    { pid: 1, ppid: 0 },
    { pid: 2, ppid: 1 },
    { pid: 3, ppid: 2 },
  ];

  it('zaps the namespace when init exits: the others die with EINTR, nothing survives, the ctx is freed', () => {
    const r = run({
      tree,
      steps: [...steps, { op: 'restart', image: 'a', expect: { ok: false, errno: 'EINTR' } }],
    });
    const s = r.steps[6];
    expect(s).toMatchObject({ ok: false, errno: 'EINTR' });
    expect(s.expect_failed).toBeUndefined();
    expect(s.fields.ctx_refcount_end).toBe(0);
    expect(r.world.containers[1]).toMatchObject({ destroyed: true });
    expect(r.world.containers[1].tasks.size).toBe(0);
    expect(r.events.some((e) => e.actor === 'pid:1' && e.fn === 'zap_pid_ns_processes')).toBe(true);
  });

  it('explores without deadlock under every variant', () => {
    for (const variant of ['v18-28', 'naive', 'v17'] as const) {
      const r = exploreScenario(
        scenario({ tree, steps: [...steps, { op: 'restart', image: 'a' }] }),
        { variant },
      );
      if ('unsupported' in r) throw new Error(r.unsupported);
      expect(r.json.violations.map((v) => v.invariant)).not.toContain('no-deadlock');
    }
  });
});

describe('spec scenario 16: a zombie thread-group leader with a live thread', () => {
  it('is modelled: the leader exits at its turn as a delayed group leader and is reaped after its thread', () => {
    const r = run({
      tree: [
        { pid: 1, ppid: 0 },
        { pid: 2, ppid: 1, comm: 'parent' },
        { pid: 3, ppid: 2, comm: 'mt' },
      ],
      steps: [
        { op: 'thread', pid: 3, tid: 4 },
        { op: 'thread_exit', pid: 3 },
        ...CR,
        { op: 'restart', image: 'a' },
        { op: 'wait', pid: 2, child: 3, expect: { ok: true, child: 0 } },
        { op: 'thread_exit', pid: 4 },
        { op: 'wait', pid: 2, child: 3, expect: { ok: true, child: 3, status: 0 } },
      ],
    });
    expect(r.steps.filter((s) => !s.ok || s.expect_failed)).toEqual([]);
    expect(r.steps[5].fields.order).toEqual([1, 2, 3, 4]);
  });
});
