import { describe, expect, it } from 'vitest';
import { kill } from './kill';
import { freeze, thaw } from './freezer';
import { wait } from './wait';
import { cur, dump, task, worldOf } from './testing';
import { EXIT_ZOMBIE, TASK_STOPPED, TASK_TRACED } from './constants';

const threaded = () => worldOf([{ pid: 1 }, { pid: 2, ppid: 1 }, { pid: 3, tgid: 2 }]);

describe('kill', () => {
  it('terminate kills the whole thread group with the signal as status', () => {
    const w = threaded();
    expect(kill(w, { pid: 3, signal: 15 }).ok).toBe(true);
    expect(cur(w).tasks.has(3)).toBe(false);
    expect(task(w, 2)).toMatchObject({ exit_state: EXIT_ZOMBIE, exit_code: 15 });
    expect(w.log.events.find((e) => e.fn === 'group_send_sig_info')?.actor).toBe('user');
  });

  it('adds the core bit only for core signals with core: true', () => {
    const cases: [number, boolean, number][] = [
      [11, true, 0x8b],
      [11, false, 11],
      [15, true, 15],
      [6, true, 0x86],
    ];
    for (const [signal, core, status] of cases) {
      const w = worldOf();
      kill(w, { pid: 2, signal, core });
      expect(wait(w, { pid: 1 })).toEqual({ ok: true, value: { child: 2, status } });
    }
  });

  it('stop and continue act on every thread; SIGCONT clears the stop code', () => {
    const w = threaded();
    kill(w, { pid: 2, signal: 19 });
    expect([task(w, 2).state, task(w, 3).state]).toEqual([TASK_STOPPED, TASK_STOPPED]);
    expect(task(w, 3).exit_code).toBe(19);
    kill(w, { pid: 3, signal: 18 });
    expect([task(w, 2).state, task(w, 3).state, task(w, 2).exit_code]).toEqual([0, 0, 0]);
  });

  it('a traced thread stays traced under stop and continue', () => {
    const w = threaded();
    task(w, 3).state = TASK_TRACED;
    task(w, 3).ptracer = 1;
    kill(w, { pid: 2, signal: 20 });
    kill(w, { pid: 2, signal: 18 });
    expect(task(w, 3).state).toBe(TASK_TRACED);
  });

  it('ignore-by-default signals and signal 0 change nothing', () => {
    for (const signal of [0, 17, 23, 28]) {
      const w = worldOf();
      const before = dump(w);
      expect(kill(w, { pid: 2, signal }).ok).toBe(true);
      expect(dump(w)).toEqual(before);
    }
  });

  it('zombies accept and ignore signals', () => {
    const w = worldOf([{ pid: 1 }, { pid: 2, ppid: 1, state: 'zombie', exit_code: 256 }]);
    const before = dump(w);
    expect(kill(w, { pid: 2, signal: 9 }).ok).toBe(true);
    expect(dump(w)).toEqual(before);
  });

  it('a signal to a delayed zombie leader reaches its live threads', () => {
    const w = worldOf([
      { pid: 1 },
      { pid: 2, ppid: 1, state: 'zombie', exit_code: 0 },
      { pid: 3, tgid: 2 },
    ]);
    kill(w, { pid: 2, signal: 9 });
    expect(cur(w).tasks.has(3)).toBe(false);
    expect(wait(w, { pid: 1 })).toEqual({ ok: true, value: { child: 2, status: 0 } });
  });

  it('refuses bad signals with EINVAL and missing pids with ESRCH', () => {
    for (const signal of [-1, 65, 2.5]) {
      const w = worldOf();
      const before = dump(w);
      const r = kill(w, { pid: 2, signal });
      expect(!r.ok && r.error.errno).toBe('EINVAL');
      expect(dump(w)).toEqual(before);
    }
    const w = worldOf();
    const r = kill(w, { pid: 9, signal: 0 });
    expect(!r.ok && r.error.errno).toBe('ESRCH');
    expect(w.log.events.at(-1)).toMatchObject({ errno: 'ESRCH', fn: 'group_send_sig_info' });
  });

  it('a frozen task keeps signals pending and takes them at thaw, in order', () => {
    const w = worldOf([{ pid: 1 }, { pid: 2, ppid: 1 }, { pid: 3, ppid: 1 }]);
    freeze(w);
    kill(w, { pid: 3, signal: 19 });
    kill(w, { pid: 2, signal: 15 });
    kill(w, { pid: 3, signal: 9 });
    expect(task(w, 3).pending).toEqual([19, 9]);
    expect(task(w, 2).exit_state).toBe(0);
    expect(w.log.events.at(-1)?.what).toMatch(/pending/);
    thaw(w);
    expect(task(w, 2)).toMatchObject({ exit_state: EXIT_ZOMBIE, exit_code: 15 });
    expect(task(w, 3)).toMatchObject({ exit_state: EXIT_ZOMBIE, exit_code: 9 });
    expect(task(w, 3).pending).toEqual([]);
  });

  it('the user may kill the container init; the container is gone', () => {
    const w = worldOf();
    kill(w, { pid: 1, signal: 9 });
    expect(w.containers[0].destroyed).toBe(true);
  });

  it('signals from inside the container do not kill its init (SIGNAL_UNKILLABLE)', () => {
    const w = worldOf([{ pid: 1 }, { pid: 2, ppid: 1, exit_signal: 10 }]);
    kill(w, { pid: 2, signal: 15 });
    expect(task(w, 1).exit_state).toBe(0);
    expect(w.log.events.some((e) => /SIGNAL_UNKILLABLE/.test(e.what))).toBe(true);
  });

  it('a non-SIGCHLD exit signal acts on a parent that is not init', () => {
    const w = worldOf([{ pid: 1 }, { pid: 2, ppid: 1 }, { pid: 3, ppid: 2, exit_signal: 10 }]);
    kill(w, { pid: 3, signal: 15 });
    expect(task(w, 2)).toMatchObject({ exit_state: EXIT_ZOMBIE, exit_code: 10 });
  });
});
