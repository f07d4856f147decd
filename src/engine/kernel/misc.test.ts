import { describe, expect, it } from 'vitest';
import { ignoreSigchld, pdeathsig } from './prctl';
import { ptraceAttach, ptraceDetach } from './ptrace';
import { destroy, freeze, leaveFreezer, thaw } from './freezer';
import { exit } from './exit-ops';
import { kill } from './kill';
import { cur, dump, task, worldOf } from './testing';
import { EXIT_ZOMBIE, TASK_TRACED } from './constants';
import { containerView } from './view';
import { createWorld } from './world';

describe('ignore_sigchld', () => {
  it('sets every thread of the group and leaves existing zombies alone', () => {
    const w = worldOf([
      { pid: 1 },
      { pid: 2, ppid: 1 },
      { pid: 3, tgid: 2 },
      { pid: 4, ppid: 2, state: 'zombie' },
    ]);
    expect(ignoreSigchld(w, { pid: 3, ignore: true }).ok).toBe(true);
    expect([task(w, 2).ignoreSigchld, task(w, 3).ignoreSigchld]).toEqual([true, true]);
    expect(task(w, 4).exit_state).toBe(EXIT_ZOMBIE);
    ignoreSigchld(w, { pid: 2, ignore: false });
    expect(task(w, 3).ignoreSigchld).toBe(false);
  });

  it('refuses a task that cannot run', () => {
    const w = worldOf();
    freeze(w);
    const r = ignoreSigchld(w, { pid: 2, ignore: true });
    expect(!r.ok && r.error.errno).toBe('EBUSY');
  });
});

describe('pdeathsig', () => {
  it('sets the signal on that thread only', () => {
    const w = worldOf([{ pid: 1 }, { pid: 2, ppid: 1 }, { pid: 3, tgid: 2 }]);
    expect(pdeathsig(w, { pid: 3, signal: 9 }).ok).toBe(true);
    expect([task(w, 2).pdeath_signal, task(w, 3).pdeath_signal]).toEqual([0, 9]);
  });
  it('refuses signals outside 0..64 with EINVAL', () => {
    for (const signal of [-1, 65]) {
      const w = worldOf();
      const before = dump(w);
      const r = pdeathsig(w, { pid: 2, signal });
      expect(!r.ok && r.error.errno).toBe('EINVAL');
      expect(dump(w)).toEqual(before);
    }
  });
});

describe('ptrace', () => {
  it('attach stops the tracee for its tracer; detach resumes it', () => {
    const w = worldOf([{ pid: 1 }, { pid: 2, ppid: 1 }, { pid: 3, ppid: 1 }]);
    expect(ptraceAttach(w, { tracer: 2, tracee: 3 }).ok).toBe(true);
    expect(task(w, 3)).toMatchObject({ ptracer: 2, state: TASK_TRACED });
    expect(containerView(cur(w)).tasks[2]).toMatchObject({ state: 'traced', traced: true });
    expect(ptraceDetach(w, { tracee: 3 }).ok).toBe(true);
    expect(task(w, 3)).toMatchObject({ ptracer: 0, state: 0 });
  });

  it('errno paths', () => {
    const w = worldOf([
      { pid: 1 },
      { pid: 2, ppid: 1 },
      { pid: 3, tgid: 2 },
      { pid: 4, ppid: 1, state: 'zombie' },
      { pid: 5, ppid: 1 },
    ]);
    const before = dump(w);
    const cases: [object, string][] = [
      [{ tracer: 2, tracee: 3 }, 'EPERM'],
      [{ tracer: 2, tracee: 4 }, 'EPERM'],
      [{ tracer: 2, tracee: 9 }, 'ESRCH'],
      [{ tracer: 9, tracee: 5 }, 'ESRCH'],
      [{ tracer: 4, tracee: 5 }, 'ESRCH'],
    ];
    for (const [args, errno] of cases) {
      const r = ptraceAttach(w, args as { tracer: number; tracee: number });
      expect(!r.ok && r.error.errno).toBe(errno);
    }
    expect(dump(w)).toEqual(before);
    ptraceAttach(w, { tracer: 1, tracee: 5 });
    const again = ptraceAttach(w, { tracer: 2, tracee: 5 });
    expect(!again.ok && again.error.errno).toBe('EPERM');
    const notTraced = ptraceDetach(w, { tracee: 2 });
    expect(!notTraced.ok && notTraced.error.errno).toBe('ESRCH');
    const missing = ptraceDetach(w, { tracee: 42 });
    expect(!missing.ok && missing.error.errno).toBe('ESRCH');
  });

  it('a traced-stopped task cannot act', () => {
    const w = worldOf([{ pid: 1 }, { pid: 2, ppid: 1 }]);
    ptraceAttach(w, { tracer: 1, tracee: 2 });
    const r = exit(w, { pid: 2, status: 0 });
    expect(!r.ok && r.error.errno).toBe('EBUSY');
  });
});

describe('freezer', () => {
  it('freeze and thaw are idempotent and show in the views', () => {
    const w = worldOf([{ pid: 1 }, { pid: 2, ppid: 1 }, { pid: 3, ppid: 1, state: 'zombie' }]);
    expect(freeze(w).ok).toBe(true);
    expect(freeze(w).ok).toBe(true);
    expect(containerView(cur(w)).tasks.map((t) => t.frozen)).toEqual([true, true, false]);
    expect(w.log.events.at(-1)).toMatchObject({ actor: 'user', fn: 'freezer_write' });
    expect(thaw(w).ok).toBe(true);
    expect(thaw(w).ok).toBe(true);
    expect(cur(w).freezer).toBe('THAWED');
  });

  it('leave_freezer unfreezes one task and delivers its pending signals', () => {
    const w = worldOf();
    freeze(w);
    kill(w, { pid: 2, signal: 15 });
    expect(leaveFreezer(w, { pid: 2 }).ok).toBe(true);
    expect(task(w, 2)).toMatchObject({ inFreezer: false, exit_state: EXIT_ZOMBIE, exit_code: 15 });
    expect(w.log.events.some((e) => e.fn === 'cgroup_attach_task' && e.actor === 'user')).toBe(
      true,
    );
  });

  it('leave_freezer refuses a zombie or a missing task with ESRCH', () => {
    const w = worldOf([{ pid: 1 }, { pid: 2, ppid: 1, state: 'zombie' }]);
    const before = dump(w);
    for (const pid of [2, 5]) {
      const r = leaveFreezer(w, { pid });
      expect(!r.ok && r.error.errno).toBe('ESRCH');
    }
    expect(dump(w)).toEqual(before);
  });

  it('refuses freezer writes without a container', () => {
    const r = freeze(createWorld());
    expect(!r.ok && r.error.errno).toBe('ESRCH');
  });
});

describe('destroy', () => {
  it('kills and reaps every task, even frozen ones', () => {
    const w = worldOf([{ pid: 1 }, { pid: 2, ppid: 1 }, { pid: 3, ppid: 2, state: 'zombie' }]);
    freeze(w);
    expect(destroy(w)).toEqual({ ok: true, value: { container: 1 } });
    expect(w.containers[0]).toMatchObject({ destroyed: true, outer: [] });
    expect(w.containers[0].tasks.size).toBe(0);
    expect(containerView(w.containers[0])).toEqual({ id: 1, destroyed: true, tasks: [] });
    const again = destroy(w);
    expect(!again.ok && again.error.errno).toBe('ESRCH');
  });
});
