import { describe, expect, it } from 'vitest';
import { exit, threadExit } from './exit-ops';
import { beginExit, doExit, exitNotify, finishExit } from './exit';
import { wait } from './wait';
import { ptraceAttach } from './ptrace';
import { kill } from './kill';
import { cur, dump, fnsSince, task, worldOf } from './testing';
import {
  EXIT_DEAD,
  EXIT_ZOMBIE,
  PF_EXITING,
  PF_RESTARTING,
  TASK_DEAD,
  TASK_STOPPED,
} from './constants';

describe('exit', () => {
  it('makes a zombie with status << 8 and tells the parent', () => {
    const w = worldOf();
    const n = w.log.length;
    expect(exit(w, { pid: 2, status: 51 }).ok).toBe(true);
    expect(task(w, 2)).toMatchObject({
      exit_state: EXIT_ZOMBIE,
      state: TASK_DEAD,
      exit_code: 51 << 8,
    });
    expect(task(w, 2).flags & PF_EXITING).toBeTruthy();
    const notify = w.log.events.slice(n).find((e) => e.fn === 'do_notify_parent');
    expect(notify).toMatchObject({ actor: 'pid:2', data: { signal: 17, parent: 1 } });
    expect(wait(w, { pid: 1 })).toEqual({ ok: true, value: { child: 2, status: 13056 } });
  });

  for (const status of [256, -1, 1.5, NaN]) {
    it(`refuses status ${status} with EINVAL and changes nothing`, () => {
      const w = worldOf();
      const before = dump(w);
      const r = exit(w, { pid: 2, status });
      expect(!r.ok && r.error.errno).toBe('EINVAL');
      expect(dump(w)).toEqual(before);
      expect(w.log.events.at(-1)).toMatchObject({ fn: 'do_exit', errno: 'EINVAL', pid: 2 });
    });
  }

  it('exit_group reaps the threads at once and leaves the leader a zombie', () => {
    const w = worldOf([{ pid: 1 }, { pid: 2, ppid: 1 }, { pid: 3, tgid: 2 }, { pid: 4, tgid: 2 }]);
    const n = w.log.length;
    exit(w, { pid: 3, status: 7 });
    expect(cur(w).tasks.has(3)).toBe(false);
    expect(cur(w).tasks.has(4)).toBe(false);
    expect(task(w, 2)).toMatchObject({ exit_state: EXIT_ZOMBIE, exit_code: 7 << 8 });
    expect(task(w, 1).children).toEqual([2]);
    const ev = w.log.events.slice(n);
    const deadThread = ev.find((e) => e.fn === 'exit_notify' && e.pid === 3);
    expect(deadThread?.data?.exit_state).toBe(EXIT_DEAD);
    expect(ev.filter((e) => e.fn === 'release_task').map((e) => e.pid)).toEqual([3, 4]);
  });
});

describe('thread_exit and the delayed group leader', () => {
  it('a non-leader thread is reaped at once with code 0', () => {
    const w = worldOf([{ pid: 1 }, { pid: 2, ppid: 1 }, { pid: 3, tgid: 2 }]);
    threadExit(w, { pid: 3 });
    expect(cur(w).tasks.has(3)).toBe(false);
    expect(task(w, 2).exit_state).toBe(0);
  });

  it('a leader with live threads waits unreported until its last thread goes', () => {
    const w = worldOf([{ pid: 1 }, { pid: 2, ppid: 1 }, { pid: 3, tgid: 2 }]);
    threadExit(w, { pid: 2 });
    expect(task(w, 2).exit_state).toBe(EXIT_ZOMBIE);
    expect(w.log.events.some((e) => e.fn === 'do_notify_parent' && e.pid === 2)).toBe(false);
    expect(wait(w, { pid: 1 })).toEqual({ ok: true, value: { child: 0, status: 0 } });
    const n = w.log.length;
    threadExit(w, { pid: 3 });
    const ev = w.log.events.slice(n);
    const i = ev.findIndex((e) => e.fn === 'release_task' && e.pid === 3);
    expect(ev[i + 1]).toMatchObject({ fn: 'do_notify_parent', pid: 2, data: { signal: 17 } });
    expect(wait(w, { pid: 1 })).toEqual({ ok: true, value: { child: 2, status: 0 } });
  });

  it('the delayed leader is auto-reaped when the parent ignores SIGCHLD', () => {
    const w = worldOf([{ pid: 1 }, { pid: 2, ppid: 1 }, { pid: 3, tgid: 2 }]);
    task(w, 1).ignoreSigchld = true;
    threadExit(w, { pid: 2 });
    threadExit(w, { pid: 3 });
    expect(cur(w).tasks.has(2)).toBe(false);
    expect(task(w, 1).children).toEqual([]);
  });
});

describe('exit_notify', () => {
  it('reparents children to the container init, in order, at the end of its list', () => {
    const w = worldOf([
      { pid: 1 },
      { pid: 2, ppid: 1 },
      { pid: 5, ppid: 1 },
      { pid: 3, ppid: 2 },
      { pid: 4, ppid: 2 },
    ]);
    exit(w, { pid: 2, status: 0 });
    expect(task(w, 1).children).toEqual([2, 5, 3, 4]);
    expect(task(w, 3).parent).toBe(1);
    const ev = w.log.events.find((e) => e.fn === 'forget_original_parent');
    expect(ev?.data).toMatchObject({ new_parent: 1, children: 2 });
  });

  it('reparents to another live thread of the group first', () => {
    const w = worldOf([
      { pid: 1 },
      { pid: 2, ppid: 1 },
      { pid: 3, tgid: 2 },
      { pid: 4, ppid: 2, pdeath_signal: 10 },
    ]);
    threadExit(w, { pid: 2 });
    expect(task(w, 4).parent).toBe(3);
    // The parent-death signal fires on the death of the parent thread (SIGUSR1 terminates).
    expect(task(w, 4)).toMatchObject({ exit_state: EXIT_ZOMBIE, exit_code: 10 });
  });

  it('without an init the orphans go to the outside parent', () => {
    const w = worldOf([
      { pid: 5, init: false },
      { pid: 6, ppid: 5 },
    ]);
    exit(w, { pid: 5, status: 1 });
    expect(cur(w).outer).toEqual([5, 6]);
    expect(task(w, 6).parent).toBe(0);
    expect(task(w, 5).exit_state).toBe(EXIT_ZOMBIE);
  });

  it('sends the parent-death signal: SIGKILL kills, SIGSTOP stops', () => {
    const w = worldOf([
      { pid: 1 },
      { pid: 2, ppid: 1 },
      { pid: 3, ppid: 2, pdeath_signal: 9 },
      { pid: 4, ppid: 2, pdeath_signal: 19 },
      { pid: 5, ppid: 2 },
    ]);
    exit(w, { pid: 2, status: 0 });
    expect(task(w, 3)).toMatchObject({ exit_state: EXIT_ZOMBIE, exit_code: 9 });
    expect(task(w, 4)).toMatchObject({ state: TASK_STOPPED, exit_code: 19 });
    expect(task(w, 5).state).toBe(0);
  });

  it('skips the parent-death signal of a PF_RESTARTING child', () => {
    const w = worldOf([{ pid: 1 }, { pid: 2, ppid: 1 }, { pid: 3, ppid: 2, pdeath_signal: 9 }]);
    task(w, 3).flags |= PF_RESTARTING;
    exit(w, { pid: 2, status: 0 });
    expect(task(w, 3).exit_state).toBe(0);
    expect(w.log.events.some((e) => e.data?.muted === true && e.pid === 3)).toBe(true);
  });

  it('a reparented zombie notifies its new parent, which may reap it at once', () => {
    const w = worldOf([
      { pid: 1 },
      { pid: 2, ppid: 1 },
      { pid: 3, ppid: 2, state: 'zombie', exit_code: 256 },
    ]);
    exit(w, { pid: 2, status: 0 });
    expect(
      w.log.events.some((e) => e.fn === 'do_notify_parent' && e.pid === 3 && e.data?.parent === 1),
    ).toBe(true);
    expect(wait(w, { pid: 1, child: 3 })).toEqual({ ok: true, value: { child: 3, status: 256 } });

    const w2 = worldOf([
      { pid: 1 },
      { pid: 2, ppid: 1 },
      { pid: 3, ppid: 2, state: 'zombie', exit_code: 256 },
    ]);
    task(w2, 1).ignoreSigchld = true;
    exit(w2, { pid: 2, status: 0 });
    expect(cur(w2).tasks.has(3)).toBe(false);
    expect(cur(w2).tasks.has(2)).toBe(false);
  });

  it('auto-reaps through EXIT_DEAD when the parent ignores SIGCHLD', () => {
    const w = worldOf();
    task(w, 1).ignoreSigchld = true;
    const n = w.log.length;
    exit(w, { pid: 2, status: 3 });
    expect(cur(w).tasks.has(2)).toBe(false);
    expect(task(w, 1).children).toEqual([]);
    const ev = w.log.events.slice(n);
    expect(ev.find((e) => e.fn === 'do_notify_parent')?.data).toMatchObject({ auto_reap: true });
    expect(ev.find((e) => e.fn === 'exit_notify')?.data?.exit_state).toBe(EXIT_DEAD);
    expect(fnsSince(w, n).at(-1)).toBe('release_task');
  });

  it('PF_RESTARTING mutes do_notify_parent and keeps the zombie even under SIG_IGN', () => {
    const w = worldOf();
    task(w, 1).ignoreSigchld = true;
    task(w, 2).flags |= PF_RESTARTING;
    doExit(w, cur(w), 2, 0x300);
    expect(task(w, 2)).toMatchObject({
      exit_state: EXIT_ZOMBIE,
      exit_code: 0x300,
      state: TASK_DEAD,
    });
    const ev = w.log.events.find((e) => e.fn === 'do_notify_parent');
    expect(ev?.data).toEqual({ muted: true });
    expect(wait(w, { pid: 1 })).toEqual({ ok: true, value: { child: 2, status: 0x300 } });
  });

  it('beginExit, exitNotify and finishExit run the exit path in three steps', () => {
    const w = worldOf();
    const c = cur(w);
    beginExit(w, c, 2, 0x100);
    expect(task(w, 2)).toMatchObject({ exit_code: 0x100, exit_state: 0, state: 0 });
    exitNotify(w, c, 2);
    expect(task(w, 2)).toMatchObject({ exit_state: EXIT_ZOMBIE, state: 0 });
    finishExit(w, c, 2);
    expect(task(w, 2).state).toBe(TASK_DEAD);
  });

  it('kill_orphaned_pgrp: an exiting link leaves a stopped job orphaned (SIGHUP, SIGCONT)', () => {
    const w = worldOf([
      { pid: 1 },
      { pid: 2, ppid: 1, sid: 2, pgid: 2 },
      { pid: 3, ppid: 2, pgid: 3 },
      { pid: 4, ppid: 3, state: 'stopped' },
    ]);
    exit(w, { pid: 3, status: 0 });
    const ev = w.log.events.find((e) => e.fn === 'kill_orphaned_pgrp');
    expect(ev?.data).toMatchObject({ pgid: 3 });
    expect(task(w, 4)).toMatchObject({ exit_state: EXIT_ZOMBIE, exit_code: 1 });
  });

  it('kill_orphaned_pgrp: reparenting away the link orphans the child group', () => {
    const w = worldOf([
      { pid: 1 },
      { pid: 2, ppid: 1, sid: 2, pgid: 2 },
      { pid: 3, ppid: 2, pgid: 3, state: 'stopped' },
    ]);
    exit(w, { pid: 2, status: 0 });
    expect(task(w, 3)).toMatchObject({ exit_state: EXIT_ZOMBIE, exit_code: 1 });
  });

  it('kill_orphaned_pgrp is skipped for a PF_RESTARTING exit, and without stopped jobs', () => {
    const tree = [
      { pid: 1 },
      { pid: 2, ppid: 1, sid: 2, pgid: 2 },
      { pid: 3, ppid: 2, pgid: 3 },
      { pid: 4, ppid: 3, state: 'stopped' as const },
    ];
    const w = worldOf(tree);
    task(w, 3).flags |= PF_RESTARTING;
    doExit(w, cur(w), 3, 0);
    expect(task(w, 4).state).toBe(TASK_STOPPED);
    const w2 = worldOf(tree.map((e) => ({ ...e, state: 'running' as const })));
    exit(w2, { pid: 3, status: 0 });
    expect(w2.log.events.some((e) => e.fn === 'kill_orphaned_pgrp')).toBe(false);
  });

  it('a traced task is detached when it exits; a dying tracer lets its tracees run', () => {
    const w = worldOf([{ pid: 1 }, { pid: 2, ppid: 1 }, { pid: 3, ppid: 1 }]);
    expect(ptraceAttach(w, { tracer: 2, tracee: 3 }).ok).toBe(true);
    expect(task(w, 3).state).toBe(8);
    exit(w, { pid: 2, status: 0 });
    expect(task(w, 3)).toMatchObject({ ptracer: 0, state: 0 });
    expect(ptraceAttach(w, { tracer: 1, tracee: 3 }).ok).toBe(true);
    // A traced-stopped task cannot call exit itself; SIGKILL still ends it.
    expect(kill(w, { pid: 3, signal: 9 }).ok).toBe(true);
    expect(task(w, 1).tracees).toBe(0);
    expect(task(w, 3).ptracer).toBe(0);
  });
});

describe('container init exit', () => {
  it('zaps every task and the container is gone', () => {
    const w = worldOf([{ pid: 1 }, { pid: 2, ppid: 1 }, { pid: 3, ppid: 2 }, { pid: 4, tgid: 2 }]);
    exit(w, { pid: 1, status: 0 });
    const c = w.containers[0];
    expect(c.destroyed).toBe(true);
    expect(c.tasks.size).toBe(0);
    expect(w.log.events.some((e) => e.fn === 'zap_pid_ns_processes')).toBe(true);
    const r = exit(w, { pid: 2, status: 0 });
    expect(!r.ok && r.error.errno).toBe('ESRCH');
  });

  it('an init leader with a live thread hands the reaper role on', () => {
    const w = worldOf([{ pid: 1 }, { pid: 2, ppid: 1 }, { pid: 3, tgid: 1 }]);
    threadExit(w, { pid: 1 });
    expect(cur(w).destroyed).toBe(false);
    expect(task(w, 2).parent).toBe(3);
    exitAndReapUnderNewReaper(w);
    threadExit(w, { pid: 3 });
    expect(w.containers[0].destroyed).toBe(true);
  });
});

function exitAndReapUnderNewReaper(w: ReturnType<typeof worldOf>): void {
  // An orphan made after the handover goes to the new reaper.
  exit(w, { pid: 2, status: 0 });
  expect(wait(w, { pid: 3, child: 2 }).ok).toBe(true);
}
