import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { TaskView, WorldSnapshot } from '../../engine/snapshot';
import { buildTreeModel, createNodeCache } from './model';
import { forestOf } from './forest';

const task = (pid: number, ppid: number, extra: Partial<TaskView> = {}): TaskView => ({
  pid,
  tgid: pid,
  ppid,
  pgid: 1,
  sid: 1,
  comm: `t${pid}`,
  state: 'running',
  exit_code: 0,
  exit_signal: 17,
  pdeath_signal: 0,
  frozen: false,
  traced: false,
  ...extra,
});

const world = (tasks: TaskView[]): WorldSnapshot => ({
  current: 1,
  containers: [{ id: 1, destroyed: false, tasks, freezer: 'THAWED', root: 1 }],
  images: [],
  restart: null,
});

/** What a model says about each task, to compare a stepped model with a fresh one. */
const facts = (nodes: ReturnType<typeof buildTreeModel>) =>
  nodes!.nodes.map((n) => [n.pid, n.parent, n.isThread, n.name, n.status]);

/** One change a step may make: a state, a parent, a thread, a task gone or come. */
const change = fc.oneof(
  fc.record({ kind: fc.constant('state' as const), i: fc.nat(), zombie: fc.boolean() }),
  fc.record({ kind: fc.constant('reparent' as const), i: fc.nat(), to: fc.nat() }),
  fc.record({ kind: fc.constant('thread' as const), i: fc.nat(), of: fc.nat() }),
  fc.record({ kind: fc.constant('exit' as const), i: fc.nat() }),
  fc.record({ kind: fc.constant('fork' as const), of: fc.nat() }),
);

describe('buildTreeModel across steps', () => {
  it('a step built from the last model (shared task objects) equals a model built afresh', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }),
        fc.array(fc.array(change, { maxLength: 3 }), { maxLength: 12 }),
        (n, steps) => {
          let tasks = Array.from({ length: n }, (_, i) =>
            task(i + 1, i === 0 ? 0 : (i * 7) % (i + 1) || 1),
          );
          let next = n + 1;
          const cache = createNodeCache();
          buildTreeModel(world(tasks), cache);
          for (const step of steps) {
            tasks = tasks.slice();
            for (const c of step) {
              if (!tasks.length) break;
              const i = 'i' in c ? c.i % tasks.length : 0;
              if (c.kind === 'state')
                tasks[i] = { ...tasks[i], state: c.zombie ? 'zombie' : 'stopped', exit_code: 256 };
              else if (c.kind === 'reparent')
                tasks[i] = { ...tasks[i], ppid: tasks[c.to % tasks.length].pid };
              else if (c.kind === 'thread')
                tasks[i] = { ...tasks[i], tgid: tasks[c.of % tasks.length].pid };
              else if (c.kind === 'exit') tasks.splice(i, 1);
              else tasks.push(task(next++, tasks[c.of % tasks.length].pid));
            }
            const stepped = buildTreeModel(world(tasks), cache);
            const fresh = buildTreeModel(world(tasks));
            expect(facts(stepped)).toEqual(facts(fresh));
            // The forest of the stepped nodes matches the fresh one's.
            const a = forestOf(stepped!.nodes);
            const b = forestOf(fresh!.nodes);
            for (const t of tasks) {
              expect(a.descendants(t.pid)).toBe(b.descendants(t.pid));
              expect(a.children(t.pid)?.map((x) => x.pid)).toEqual(
                b.children(t.pid)?.map((x) => x.pid),
              );
            }
          }
        },
      ),
    );
  });

  it('keeps the node of every task that did not change, and the forest when no parent changed', () => {
    const tasks = [task(1, 0), task(2, 1), task(3, 1), task(4, 2)];
    const cache = createNodeCache();
    const a = buildTreeModel(world(tasks), cache)!;
    const changed = tasks.slice();
    changed[2] = { ...tasks[2], state: 'stopped' };
    const b = buildTreeModel(world(changed), cache)!;
    expect(b.nodes.filter((n, i) => n !== a.nodes[i]).map((n) => n.pid)).toEqual([3]);
    expect(
      forestOf(b.nodes)
        .children(1)
        ?.map((n) => n.kind),
    ).toEqual(['running', 'stopped']);
  });
});
