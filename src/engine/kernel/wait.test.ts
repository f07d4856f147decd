import { describe, expect, it } from 'vitest';
import { release, wait } from './wait';
import { exit } from './exit-ops';
import { kill } from './kill';
import { fork, thread } from './fork';
import { cur, dump, task, worldOf } from './testing';
import { EXIT_DEAD, TASK_STOPPED } from './constants';
import { containerView } from './view';

describe('wait', () => {
  it('reaps a zombie and removes it', () => {
    const w = worldOf([{ pid: 1 }, { pid: 2, ppid: 1, state: 'zombie', exit_code: 768 }]);
    expect(wait(w, { pid: 1, child: 2 })).toEqual({ ok: true, value: { child: 2, status: 768 } });
    expect(cur(w).tasks.has(2)).toBe(false);
    expect(task(w, 1).children).toEqual([]);
    expect(w.log.events.slice(-2).map((e) => e.fn)).toEqual(['wait_task_zombie', 'release_task']);
  });

  it('WNOHANG-like result while children live, ECHILD without children', () => {
    const w = worldOf();
    expect(wait(w, { pid: 1 })).toEqual({ ok: true, value: { child: 0, status: 0 } });
    const before = dump(w);
    const r = wait(w, { pid: 2 });
    expect(!r.ok && r.error.errno).toBe('ECHILD');
    expect(dump(w)).toEqual(before);
    expect(w.log.events.at(-1)).toMatchObject({ fn: 'do_wait', errno: 'ECHILD', actor: 'pid:2' });
  });

  it('a specific pid that is not an eligible child is ECHILD', () => {
    const w = worldOf([
      { pid: 1 },
      { pid: 2, ppid: 1 },
      { pid: 3, tgid: 2 },
      { pid: 4, ppid: 1, exit_signal: 10 },
    ]);
    for (const child of [3, 4, 1, 99]) {
      const r = wait(w, { pid: 1, child });
      expect(!r.ok && r.error.errno).toBe('ECHILD');
    }
  });

  it('collects children of every thread of the group', () => {
    const w = worldOf();
    thread(w, { pid: 2, tid: 3 });
    fork(w, { pid: 3, child: 4 });
    exit(w, { pid: 4, status: 2 });
    expect(wait(w, { pid: 2 })).toEqual({ ok: true, value: { child: 4, status: 512 } });
  });

  it('hold leaves the child in EXIT_DEAD until release', () => {
    const w = worldOf([{ pid: 1 }, { pid: 2, ppid: 1, state: 'zombie', exit_code: 15 }]);
    expect(wait(w, { pid: 1, hold: true })).toEqual({ ok: true, value: { child: 2, status: 15 } });
    expect(task(w, 2).exit_state).toBe(EXIT_DEAD);
    expect(containerView(cur(w)).tasks[1].state).toBe('dead');
    // EXIT_DEAD is no longer a child to wait for.
    const r = wait(w, { pid: 1 });
    expect(!r.ok && r.error.errno).toBe('ECHILD');
    expect(release(w, { pid: 2 }).ok).toBe(true);
    expect(cur(w).tasks.has(2)).toBe(false);
  });

  it('release refuses a task that is not held, and a missing pid', () => {
    const w = worldOf();
    const before = dump(w);
    const r = release(w, { pid: 2 });
    expect(!r.ok && r.error.errno).toBe('EINVAL');
    const r2 = release(w, { pid: 7 });
    expect(!r2.ok && r2.error.errno).toBe('ESRCH');
    expect(dump(w)).toEqual(before);
  });

  it('untraced reports a stop once', () => {
    const w = worldOf();
    kill(w, { pid: 2, signal: 20 });
    expect(wait(w, { pid: 1 })).toEqual({ ok: true, value: { child: 0, status: 0 } });
    expect(wait(w, { pid: 1, untraced: true })).toEqual({
      ok: true,
      value: { child: 2, status: (20 << 8) | 0x7f },
    });
    expect(task(w, 2)).toMatchObject({ state: TASK_STOPPED, exit_code: 0 });
    expect(wait(w, { pid: 1, untraced: true })).toEqual({
      ok: true,
      value: { child: 0, status: 0 },
    });
  });

  it('a delayed group leader is not reaped', () => {
    const w = worldOf([{ pid: 1 }, { pid: 2, ppid: 1, state: 'zombie' }, { pid: 3, tgid: 2 }]);
    expect(wait(w, { pid: 1, child: 2 })).toEqual({ ok: true, value: { child: 0, status: 0 } });
  });

  it('a waiter that cannot run fails', () => {
    const w = worldOf([{ pid: 1 }, { pid: 2, ppid: 1, state: 'zombie' }]);
    cur(w).freezer = 'FROZEN';
    const r = wait(w, { pid: 1 });
    expect(!r.ok && r.error.errno).toBe('EBUSY');
    const r2 = wait(w, { pid: 2 });
    expect(!r2.ok && r2.error.errno).toBe('ESRCH');
  });

  it('a child traced by another task is hidden from its parent', () => {
    const w = worldOf([{ pid: 1 }, { pid: 2, ppid: 1 }, { pid: 3, ppid: 2, state: 'stopped' }]);
    task(w, 3).ptracer = 1;
    task(w, 3).exit_code = 19;
    expect(wait(w, { pid: 2, untraced: true })).toEqual({
      ok: true,
      value: { child: 0, status: 0 },
    });
  });
});
