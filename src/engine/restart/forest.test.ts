import { describe, expect, it } from 'vitest';
import type { EngineEvent } from '../events';
import { decodeImage } from '../image/decode';
import { CHECKPOINT_STEPS, run } from '../scenario/testing';

/* User-space tree creation as user-cr's restart.c does it (DumpForest / MakeForest). */

const CR = [...CHECKPOINT_STEPS];

function userSpace(events: EngineEvent[]): string[] {
  const start = events.findIndex((e) => e.actor === 'coord' && e.fn === 'restart');
  const end = events.findIndex((e) => e.fn === 'ckpt_ctx_alloc');
  return events
    .slice(start + 1, end)
    .map((e) => `${e.actor} ${e.fn}${e.pid !== undefined ? ' ' + e.pid : ''}`);
}

function restart(tree: object[], extra: object[] = []) {
  const r = run({ tree, steps: [...CR, { op: 'restart', image: 'a' }, ...extra] });
  expect(r.steps[3].ok).toBe(true);
  return r;
}

describe('MakeForest', () => {
  it('lets each task fork its own children, in the reverse of the image order', () => {
    const r = restart(
      [
        { pid: 1, ppid: 0, comm: 'init' },
        { pid: 2, ppid: 1, comm: 'sh' },
        { pid: 3, ppid: 2, comm: 'a', state: 'zombie', exit_code: 256 },
        { pid: 4, ppid: 2, comm: 'b', state: 'zombie', exit_code: 512 },
      ],
      [
        { op: 'freeze' },
        { op: 'checkpoint', image: 'b' },
        { op: 'thaw' },
        { op: 'wait', pid: 2, expect: { ok: true, status: 512 } },
      ],
    );
    expect(userSpace(r.events)).toEqual([
      'coord clone_with_pids 1',
      'pid:1 setsid 1',
      'pid:1 clone_with_pids 2',
      'pid:2 clone_with_pids 4',
      'pid:2 clone_with_pids 3',
    ]);
    // The kernel appends each new child: a second checkpoint walks 4 before 3 ...
    const second = decodeImage(r.world.images.get('b')!);
    expect(second.tasks.map((t) => t.pid)).toEqual([1, 2, 4, 3]);
    // ... and wait for any child finds the last one of the image first (status 512).
    expect(r.steps.at(-1)!.ok).toBe(true);
    expect(r.world.containers.at(-1)!.tasks.get(2)!.children).toEqual([3]);
  });

  it('re-creates a dead session leader and a placeholder for its orphan, both gone before the kernel part', () => {
    // 2 was forked into session 7, whose leader has died, and its parent died too: ppid 1.
    const r = restart([
      { pid: 1, ppid: 0, comm: 'init' },
      { pid: 2, ppid: 1, comm: 'orphan', sid: 7, pgid: 7 },
    ]);
    expect(userSpace(r.events)).toEqual([
      'coord clone_with_pids 1',
      'pid:1 setsid 1',
      'pid:1 clone_with_pids 7',
      'pid:7 setsid 7',
      'pid:7 clone_with_pids 8',
      'pid:8 clone_with_pids 2',
      'pid:8 do_exit 8',
      'pid:7 do_wait 8',
      'pid:7 do_exit 7',
      'pid:1 do_wait 7',
    ]);
    const c = r.world.containers.at(-1)!;
    expect([...c.tasks.keys()].sort()).toEqual([1, 2]);
    expect(c.tasks.get(2)).toMatchObject({ parent: 1, sid: 7 });
  });

  it('forks a TASK_SESSION child before setsid and a TASK_SIBLING with CLONE_PARENT', () => {
    // 3 kept session 1 when its parent 2 made session 2; 5 is in session 4 but a child of 2.
    const r = restart([
      { pid: 1, ppid: 0, comm: 'init' },
      { pid: 2, ppid: 1, comm: 'p', sid: 2, pgid: 2 },
      { pid: 3, ppid: 2, comm: 'old', sid: 1, pgid: 1 },
      { pid: 4, ppid: 2, comm: 'lead', sid: 4, pgid: 4 },
      { pid: 5, ppid: 2, comm: 'sib', sid: 4, pgid: 4 },
    ]);
    const ev = r.events.filter((e) => e.fn === 'clone_with_pids' || e.fn === 'setsid');
    const line = (e: EngineEvent) => `${e.actor} ${e.fn} ${e.pid} ${e.data?.flags ?? ''}`.trim();
    expect(ev.map(line)).toEqual([
      'coord clone_with_pids 1 SIGCHLD',
      'pid:1 setsid 1',
      'pid:1 clone_with_pids 2 SIGCHLD',
      'pid:2 clone_with_pids 3 SIGCHLD',
      'pid:2 setsid 2',
      'pid:2 clone_with_pids 4 SIGCHLD',
      'pid:4 setsid 4',
      'pid:4 clone_with_pids 5 CLONE_PARENT',
    ]);
    const c = r.world.containers.at(-1)!;
    expect(c.tasks.get(3)).toMatchObject({ parent: 2, sid: 1 });
    expect(c.tasks.get(5)).toMatchObject({ parent: 2, sid: 4 });
  });
});
