import { describe, expect, it } from 'vitest';
import { buildContainer } from './build';
import { containerView } from './view';
import { cloneContainer, createTask, createWorld, currentContainer, newContainer } from './world';
import { cur, entries, task, worldOf } from './testing';
import { EXIT_ZOMBIE, TASK_DEAD, TASK_STOPPED } from './constants';
import { TASK_VIEW_KEYS } from '../scenario/testing';

describe('world', () => {
  it('creates containers with increasing ids and tracks the current one', () => {
    const w = createWorld();
    expect(currentContainer(w)).toBeUndefined();
    const a = newContainer(w, 1, true);
    const b = newContainer(w, 0, false);
    expect([a.id, b.id, w.current]).toEqual([1, 2, 2]);
    expect(a.init).toBe(1);
    expect(b.init).toBe(0);
    b.destroyed = true;
    expect(currentContainer(w)).toBeUndefined();
  });

  it('createTask links to the parent or to the outside list with defaults', () => {
    const w = createWorld();
    const c = newContainer(w, 1, true);
    createTask(c, { pid: 1, tgid: 1, parent: 0, comm: 'init' });
    const t = createTask(c, { pid: 2, tgid: 1, parent: 0, comm: 'init' });
    createTask(c, { pid: 3, tgid: 3, parent: 1, comm: 'kid' });
    expect(c.outer).toEqual([1, 2]);
    expect(c.tasks.get(1)!.children).toEqual([3]);
    expect(t.exit_signal).toBe(-1);
    expect(c.tasks.get(3)!.exit_signal).toBe(17);
    expect(t.inFreezer).toBe(true);
    expect(t.nsproxy).toBe(c.nsproxy);
  });

  it('cloneContainer deep-copies tasks, children and pending', () => {
    const w = worldOf();
    const c = cur(w);
    const d = cloneContainer(c);
    d.tasks.get(1)!.children.push(99);
    d.tasks.get(2)!.pending.push(9);
    d.outer.push(5);
    d.tasks.get(2)!.comm = 'x';
    expect(c.tasks.get(1)!.children).toEqual([2]);
    expect(c.tasks.get(2)!.pending).toEqual([]);
    expect(c.outer).toEqual([1]);
    expect(c.tasks.get(2)!.comm).toBe('init');
  });
});

describe('buildContainer', () => {
  it('builds threads, zombies, stopped tasks and the init mark', () => {
    const w = worldOf([
      { pid: 1 },
      { pid: 2, ppid: 1, comm: 'server' },
      { pid: 3, tgid: 2 },
      { pid: 4, ppid: 2, state: 'zombie', exit_code: 768 },
      { pid: 5, ppid: 2, state: 'stopped' },
    ]);
    const c = cur(w);
    expect(c.init).toBe(1);
    expect(c.freezer).toBe('THAWED');
    expect(task(w, 1).children).toEqual([2, 3]);
    expect(task(w, 3).parent).toBe(1);
    expect(task(w, 3).exit_signal).toBe(-1);
    expect(task(w, 4)).toMatchObject({ state: TASK_DEAD, exit_state: EXIT_ZOMBIE, exit_code: 768 });
    expect(task(w, 5)).toMatchObject({ state: TASK_STOPPED, exit_code: 0 });
    expect(w.log.events.filter((e) => e.fn === 'copy_process')).toHaveLength(5);
    expect(w.log.events[0]).toMatchObject({ actor: 'user', fn: 'copy_process' });
    expect(w.log.events[0].what.startsWith('tree: ')).toBe(true);
  });

  it('a root that is not init leaves container.init at 0', () => {
    const w = worldOf([{ pid: 7, init: false }]);
    expect(cur(w).init).toBe(0);
    expect(cur(w).root).toBe(7);
  });

  const bad: [string, Parameters<typeof entries>[0]][] = [
    ['duplicate pids', [{ pid: 1 }, { pid: 1, ppid: 1 }]],
    ['a missing parent', [{ pid: 1 }, { pid: 2, ppid: 5 }]],
    [
      'a zombie with children',
      [{ pid: 1 }, { pid: 2, ppid: 1, state: 'zombie' }, { pid: 3, ppid: 2 }],
    ],
    ['a second root', [{ pid: 1 }, { pid: 2, ppid: 0 }]],
    ['a zombie thread', [{ pid: 1 }, { pid: 2, ppid: 1 }, { pid: 3, tgid: 2, state: 'zombie' }]],
    ['exit_code on a live task', [{ pid: 1 }, { pid: 2, ppid: 1, exit_code: 256 }]],
    [
      'a thread of a thread',
      [{ pid: 1 }, { pid: 2, ppid: 1 }, { pid: 3, tgid: 2 }, { pid: 4, tgid: 3 }],
    ],
    ['a bad pid', [{ pid: -1 }]],
  ];
  for (const [name, list] of bad) {
    it(`refuses ${name} with EINVAL and builds nothing`, () => {
      const w = createWorld();
      const r = buildContainer(w, entries(list));
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.errno).toBe('EINVAL');
      expect(w.containers).toHaveLength(0);
      expect(w.log.events.at(-1)?.errno).toBe('EINVAL');
    });
  }
  it('refuses an empty tree', () => {
    expect(buildContainer(createWorld(), []).ok).toBe(false);
  });
});

describe('views', () => {
  it('lists tasks by pid with state names, frozen and traced', () => {
    const w = worldOf([
      { pid: 1 },
      { pid: 5, ppid: 1, state: 'zombie', exit_code: 15 },
      { pid: 3, ppid: 1, state: 'stopped' },
      { pid: 2, ppid: 1 },
    ]);
    const c = cur(w);
    c.freezer = 'FROZEN';
    task(w, 2).ptracer = 1;
    task(w, 2).state = 8;
    const v = containerView(c);
    expect(v.tasks.map((t) => t.pid)).toEqual([1, 2, 3, 5]);
    expect(v.tasks.map((t) => t.state)).toEqual(['running', 'traced', 'stopped', 'zombie']);
    expect(v.tasks.map((t) => t.frozen)).toEqual([true, true, true, false]);
    expect(v.tasks[1].traced).toBe(true);
    expect(v.tasks[0].ppid).toBe(0);
    task(w, 5).exit_state = 32;
    expect(containerView(c).tasks[3].state).toBe('dead');
    expect(Object.keys(v.tasks[0])).toEqual(TASK_VIEW_KEYS);
  });
});
