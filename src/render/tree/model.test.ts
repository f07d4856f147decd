import { describe, expect, it } from 'vitest';
import type { TaskView, WorldSnapshot } from '../../engine/snapshot';
import { layoutTree } from './layout';
import { buildTreeModel, taskName } from './model';
import { task as viewOf } from './testing';

const task = (pid: number, ppid: number, comm: string, extra: Partial<TaskView> = {}): TaskView =>
  viewOf(pid, ppid, { comm, ...extra });

const world = (tasks: TaskView[], extra: Partial<WorldSnapshot> = {}): WorldSnapshot => ({
  current: 1,
  containers: [{ id: 1, destroyed: false, tasks, freezer: 'THAWED', root: 1 }],
  images: [],
  restart: null,
  ...extra,
});

describe('tree model', () => {
  it('names tasks with pid, comm, state and the decoded wait status', () => {
    const m = buildTreeModel(
      world([
        task(1, 0, 'init'),
        task(3, 1, 'worker', { state: 'zombie', exit_code: 3 << 8 }),
        task(4, 1, 'seg', { state: 'zombie', exit_code: 11 | 0x80, frozen: true }),
        task(5, 1, 'held', { state: 'dead', exit_code: 0 }),
      ]),
    )!;
    expect(m.nodes.map((n) => n.name)).toEqual([
      'pid 1 init running',
      'pid 3 worker zombie, exited 3',
      'pid 4 seg zombie, killed SIGSEGV (core), CRIU: core flag lost, frozen',
      'pid 5 held dead (EXIT_DEAD)',
    ]);
  });

  it("shows a comm byte the kernel cut as \\xNN and what CRIU's restore would change", () => {
    const m = buildTreeModel(
      world([
        task(1, 0, 'init'),
        task(2, 1, 'héllo wörld \udce2', { state: 'zombie', exit_code: 200 << 8 }),
        task(3, 1, 'usr1', { exit_signal: 10 }),
      ]),
    )!;
    expect(m.nodes.map((n) => [n.comm, n.criu])).toEqual([
      ['init', ''],
      ['héllo wörld \\xe2', 'CRIU: exits 72'],
      ['usr1', 'CRIU: SIGCHLD'],
    ]);
    expect(m.nodes[1].name).toBe('pid 2 héllo wörld \\xe2 zombie, exited 200, CRIU: exits 72');
  });

  it('groups threads with their leader and lays processes out as a tidy tree', () => {
    const m = buildTreeModel(
      world([
        task(1, 0, 'init'),
        task(2, 1, 'a'),
        task(3, 1, 'b'),
        task(4, 1, 'b', { tgid: 3, exit_signal: -1 }),
      ]),
    )!;
    const thread = m.nodes.find((n) => n.pid === 4)!;
    expect(thread).toMatchObject({ isThread: true, parent: 3 });
    expect(thread.name).toBe('pid 4 b running, thread of 3');
    const l = layoutTree(m);
    expect(l.order).toEqual([1, 2, 3, 4]);
    const at = (pid: number) => l.placed.find((p) => p.node.pid === pid)!;
    expect(at(2).y).toBeGreaterThan(at(1).y);
    expect(at(2).y).toBe(at(3).y);
    expect(at(2).x).toBeLessThan(at(3).x);
    expect(at(4).y).toBeGreaterThan(at(3).y);
    expect(l.links.map((k) => [k.from.node.pid, k.to.node.pid])).toEqual([
      [1, 2],
      [1, 3],
    ]);
  });

  it('keeps positions when only states change', () => {
    const a = layoutTree(
      buildTreeModel(world([task(1, 0, 'i'), task(2, 1, 'x'), task(3, 1, 'y')]))!,
    );
    const b = layoutTree(
      buildTreeModel(
        world([
          task(1, 0, 'i'),
          task(2, 1, 'x', { state: 'zombie', exit_code: 9 }),
          task(3, 1, 'y'),
        ]),
      )!,
    );
    expect(b.placed.map((p) => [p.x, p.y])).toEqual(a.placed.map((p) => [p.x, p.y]));
  });

  it('shows the restart: PC, the active_pid holder and the coordinator waiting k of n', () => {
    const snap = world([task(1, 0, 'init'), task(2, 1, 'kid')], {
      restart: {
        variant: 'v18-28',
        image: 'a',
        container: 1,
        pids: [1, 2],
        order: [1],
        ctx: {
          active_pid: 1,
          nr_pids: 2,
          refcount: 3,
          refcount_history: [1, 2, 3],
          error: null,
          completed: false,
          success: false,
          freed: false,
        },
        participants: [
          {
            id: 'coord',
            pid: null,
            pc: 'wait_all_tasks_finish',
            sleeping: true,
            runnable: false,
            done: false,
            zombie: false,
            checkpoint_ctx: 'ctx',
            hung: false,
          },
          {
            id: 'pid:1',
            pid: 1,
            pc: 'done',
            sleeping: false,
            runnable: false,
            done: true,
            zombie: false,
            checkpoint_ctx: 'ctx',
            hung: false,
          },
          {
            id: 'pid:2',
            pid: 2,
            pc: 'wait_task_active',
            sleeping: true,
            runnable: false,
            done: false,
            zombie: false,
            checkpoint_ctx: 'ctx',
            hung: false,
          },
        ],
        finished: false,
      },
    });
    const m = buildTreeModel(snap)!;
    expect(m.activePid).toBe(2);
    expect(m.nodes[1].name).toBe(
      'pid 2 kid running, restarting in wait_task_active, sleeping, holds active_pid',
    );
    expect(m.coordinator?.text).toBe('waiting 1 of 2');
    expect(m.coordinator?.name).toBe(
      'restart coordinator, waiting 1 of 2, in wait_all_tasks_finish, sleeping',
    );
  });
});

describe('tree model after a restart that left tasks blocked', () => {
  it('says a task waiting for a ctx that will never come is hung', () => {
    const p = {
      id: 'pid:2' as const,
      pid: 2,
      pc: 'wait_checkpoint_ctx' as const,
      sleeping: true,
      runnable: false,
      done: false,
      zombie: false,
      checkpoint_ctx: 'NULL' as const,
      hung: true,
    };
    expect(taskName(task(2, 1, 'sh'), p, false)).toContain('hung: no ctx will come');
    expect(taskName(task(2, 1, 'sh'), { ...p, hung: false }, false)).toContain('sleeping');
  });
});
