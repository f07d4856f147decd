import { describe, expect, it } from 'vitest';
import { fork, thread } from './fork';
import { cur, dump, fnsSince, task, worldOf } from './testing';
import { EXIT_ZOMBIE, PF_EXITING, TASK_STOPPED, TASK_TRACED } from './constants';
import { createWorld } from './world';

describe('fork', () => {
  it('defaults the pid above the highest in use and inherits from the forker', () => {
    const w = worldOf([{ pid: 1 }, { pid: 7, ppid: 1, comm: 'srv', pgid: 7 }]);
    task(w, 7).ignoreSigchld = true;
    task(w, 7).inFreezer = false;
    task(w, 7).pdeath_signal = 9;
    const n = w.log.length;
    const r = fork(w, { pid: 7 });
    expect(r).toEqual({ ok: true, value: { pid: 8 } });
    expect(task(w, 8)).toMatchObject({
      tgid: 8,
      parent: 7,
      comm: 'srv',
      pgid: 7,
      sid: 1,
      ignoreSigchld: true,
      inFreezer: false,
      pdeath_signal: 0,
      exit_signal: 17,
      state: 0,
    });
    expect(task(w, 7).children).toEqual([8]);
    expect(fnsSince(w, n)).toEqual(['do_fork', 'copy_process']);
    expect(w.log.events[n].actor).toBe('pid:7');
  });

  it('takes an explicit free pid and truncates comm to 15 bytes', () => {
    const w = worldOf();
    expect(fork(w, { pid: 2, child: 40, comm: 'a-very-long-command-name' }).ok).toBe(true);
    expect(task(w, 40).comm).toBe('a-very-long-com');
    expect(fork(w, { pid: 2, child: 41, comm: 'ééééééééé' }).ok).toBe(true);
    expect(new TextEncoder().encode(task(w, 41).comm).length).toBe(14);
  });

  it('clone_parent makes a sibling, and from the root a child of the outside parent', () => {
    const w = worldOf();
    fork(w, { pid: 2, child: 3, clone_parent: true });
    expect(task(w, 3).parent).toBe(1);
    expect(task(w, 1).children).toEqual([2, 3]);
    fork(w, { pid: 1, child: 4, clone_parent: true });
    expect(task(w, 4).parent).toBe(0);
    expect(cur(w).outer).toEqual([1, 4]);
  });

  const refusals: [string, (w: ReturnType<typeof worldOf>) => void, object, string][] = [
    ['a pid in use', () => {}, { pid: 2, child: 1 }, 'EINVAL'],
    ['a bad pid', () => {}, { pid: 2, child: 0 }, 'EINVAL'],
    ['a missing forker', () => {}, { pid: 9 }, 'ESRCH'],
    [
      'a zombie forker',
      (w) => ((task(w, 2).exit_state = EXIT_ZOMBIE), (task(w, 2).state = 64)),
      { pid: 2 },
      'ESRCH',
    ],
    ['an exiting forker', (w) => (task(w, 2).flags |= PF_EXITING), { pid: 2 }, 'ESRCH'],
    ['a frozen forker', (w) => (cur(w).freezer = 'FROZEN'), { pid: 2 }, 'EBUSY'],
    ['a stopped forker', (w) => (task(w, 2).state = TASK_STOPPED), { pid: 2 }, 'EBUSY'],
    ['a traced forker', (w) => (task(w, 2).state = TASK_TRACED), { pid: 2 }, 'EBUSY'],
    ['a destroyed container', (w) => (cur(w).destroyed = true), { pid: 2 }, 'ESRCH'],
  ];
  for (const [name, setup, args, errno] of refusals) {
    it(`refuses ${name} with ${errno} and changes nothing`, () => {
      const w = worldOf();
      setup(w);
      const before = dump(w);
      const n = w.log.length;
      const r = fork(w, args as { pid: number });
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.errno).toBe(errno);
      expect(dump(w)).toEqual(before);
      expect(w.log.length).toBe(n + 1);
      expect(w.log.events[n].errno).toBe(errno);
    });
  }

  it('a frozen task outside the freezer cgroup can fork', () => {
    const w = worldOf();
    cur(w).freezer = 'FROZEN';
    task(w, 2).inFreezer = false;
    expect(fork(w, { pid: 2 }).ok).toBe(true);
    expect(task(w, 3).inFreezer).toBe(false);
  });

  it('ESRCH when there is no container at all', () => {
    const r = fork(createWorld(), { pid: 1 });
    expect(!r.ok && r.error.errno).toBe('ESRCH');
  });
});

describe('thread', () => {
  it('joins the group on the leader parent list', () => {
    const w = worldOf();
    task(w, 2).ignoreSigchld = true;
    expect(thread(w, { pid: 2 })).toEqual({ ok: true, value: { pid: 3 } });
    expect(thread(w, { pid: 3, tid: 10 })).toEqual({ ok: true, value: { pid: 10 } });
    expect(task(w, 10)).toMatchObject({ tgid: 2, parent: 1, exit_signal: -1, ignoreSigchld: true });
    expect(task(w, 1).children).toEqual([2, 3, 10]);
  });

  it('a thread of the root sits on the outside list', () => {
    const w = worldOf();
    thread(w, { pid: 1, tid: 5 });
    expect(cur(w).outer).toEqual([1, 5]);
    expect(task(w, 5).parent).toBe(0);
  });

  it('a process forked by a thread is that thread child', () => {
    const w = worldOf();
    thread(w, { pid: 2, tid: 3 });
    fork(w, { pid: 3, child: 4 });
    expect(task(w, 4).parent).toBe(3);
  });

  it('refuses a tid in use and a zombie caller', () => {
    const w = worldOf();
    const r = thread(w, { pid: 2, tid: 1 });
    expect(!r.ok && r.error.errno).toBe('EINVAL');
    task(w, 2).exit_state = EXIT_ZOMBIE;
    const r2 = thread(w, { pid: 2 });
    expect(!r2.ok && r2.error.errno).toBe('ESRCH');
  });
});
