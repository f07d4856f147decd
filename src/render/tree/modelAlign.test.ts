import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { TaskView } from '../../engine/snapshot';
import {
  buildsInSlices,
  buildTreeModel,
  createNodeCache,
  shapeToken,
  SLICED_CHANGES_ABOVE,
  SLICED_MODEL_ABOVE,
  treeModelJob,
  type TaskNode,
  type TreeModel,
} from './model';
import { forestJob, forestOf } from './forest';
import { changesByPidAtLeast } from './changes';
import { opensInSlices } from './opensInSlices';
import { visibleTree, type CollapseState } from './visible';
import { part, restarting, task, world } from './testing';

/** Every field a node shows, to compare a stepped model with one built afresh. */
const fields = (n: TaskNode) => [
  n.pid,
  n.parent,
  n.isThread,
  n.kind,
  n.frozen,
  n.status,
  n.pc,
  n.restarting,
  n.sleeping,
  n.runnable,
  n.active,
  n.name,
  n.criu,
  n.comm,
];

/** The shape a token stands for: each index's pid, parent and thread flag. */
const shapeOf = (nodes: readonly TaskNode[]) =>
  nodes.map((n) => `${n.pid}:${n.parent}:${n.isThread}`).join(' ');

/** What the shown part says: its nodes, its toggles, and where every pid is drawn. */
function shownFacts(nodes: TaskNode[], state: CollapseState, budget: number, pids: number[]) {
  const v = visibleTree(nodes, state, budget);
  return {
    nodes: v.nodes.map((n) => n.pid),
    toggles: [...v.toggles].sort((a, b) => a[0] - b[0]),
    at: pids.map((p) => v.shownAt(p)),
    collapsed: [...state.collapsed].sort((a, b) => a - b),
  };
}

/**
 * One change of a step: a state, a reparent (to a task, or to a pid that comes later), a
 * thread, a task gone, a task come, two tasks swapped (a list out of pid order).
 */
const change = fc.oneof(
  fc.record({ kind: fc.constant('state' as const), i: fc.nat(), zombie: fc.boolean() }),
  fc.record({ kind: fc.constant('reparent' as const), i: fc.nat(), to: fc.nat() }),
  fc.record({ kind: fc.constant('orphan' as const), i: fc.nat() }),
  fc.record({ kind: fc.constant('thread' as const), i: fc.nat(), of: fc.nat() }),
  fc.record({ kind: fc.constant('exit' as const), i: fc.nat() }),
  fc.record({ kind: fc.constant('fork' as const), of: fc.nat(), at: fc.nat() }),
  fc.record({ kind: fc.constant('swap' as const), i: fc.nat(), j: fc.nat() }),
);

describe('a model stepped through tasks coming, going, reparented, threads', () => {
  it('equals the model built afresh, keeps unchanged nodes, and its token means its shape', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 30 }),
        fc.array(fc.array(change, { maxLength: 4 }), { maxLength: 10 }),
        fc.integer({ min: 1, max: 12 }),
        (n, steps, budget) => {
          let tasks = Array.from({ length: n }, (_, i) =>
            task(i + 1, i === 0 ? 0 : (i * 7) % (i + 1) || 1),
          );
          let next = n + 1;
          const cache = createNodeCache();
          let last = buildTreeModel(world(tasks), cache)!;
          forestOf(last.nodes);
          // A collapse state carried from step to step, as the view does, and a copy of it
          // for the fresh model.
          const state: CollapseState = { collapsed: new Set(), pinned: new Set() };
          for (const step of steps) {
            const before = tasks;
            tasks = tasks.slice();
            for (const c of step) {
              if (!tasks.length) break;
              const i = 'i' in c ? c.i % tasks.length : 0;
              if (c.kind === 'state')
                tasks[i] = { ...tasks[i], state: c.zombie ? 'zombie' : 'stopped', exit_code: 256 };
              else if (c.kind === 'reparent')
                tasks[i] = { ...tasks[i], ppid: tasks[c.to % tasks.length].pid };
              else if (c.kind === 'orphan') tasks[i] = { ...tasks[i], ppid: next };
              else if (c.kind === 'thread')
                tasks[i] = { ...tasks[i], tgid: tasks[c.of % tasks.length].pid };
              else if (c.kind === 'exit') tasks.splice(i, 1);
              else if (c.kind === 'fork') {
                // Pids in order: the new pid is the highest; `at` > 0 takes one freed below.
                const free = c.at % 3 === 0 ? lowestFree(tasks) : next++;
                if (free >= next) next = free + 1;
                const t = task(free, tasks[c.of % tasks.length].pid);
                const at = tasks.findIndex((x) => x.pid > free);
                tasks.splice(at < 0 ? tasks.length : at, 0, t);
              } else {
                const j = c.j % tasks.length;
                [tasks[i], tasks[j]] = [tasks[j], tasks[i]];
              }
            }
            const stepped = buildTreeModel(world(tasks), cache)!;
            const fresh = buildTreeModel(world(tasks))!;
            expect(stepped.nodes.map(fields)).toEqual(fresh.nodes.map(fields));
            // An unchanged task whose place (parent, thread) is the same keeps its node.
            const old = new Map(before.map((t, k) => [t, last.nodes[k]]));
            stepped.nodes.forEach((node, k) => {
              const was = old.get(tasks[k]);
              if (was && was.parent === node.parent && was.isThread === node.isThread)
                expect(node).toBe(was);
            });
            // Same token as the last step's iff the same shape (a new token may name a
            // shape a full build found again: only the stepped one is promised).
            if (shapeToken(stepped.nodes) === shapeToken(last.nodes))
              expect(shapeOf(stepped.nodes)).toBe(shapeOf(last.nodes));
            else if (tasks.every((t, k) => k === 0 || t.pid > tasks[k - 1].pid))
              expect(shapeOf(stepped.nodes)).not.toBe(shapeOf(last.nodes));
            // The forest and the shown part of the stepped model are the fresh one's.
            const a = forestOf(stepped.nodes);
            const b = forestOf(fresh.nodes);
            const pids = [...tasks.map((t) => t.pid), next, -1];
            for (const p of pids) {
              expect(a.descendants(p)).toBe(b.descendants(p));
              expect(a.parentOf(p)).toBe(b.parentOf(p));
              expect(a.children(p)?.map((x) => x.pid)).toEqual(b.children(p)?.map((x) => x.pid));
            }
            expect(a.roots.map((x) => x.pid)).toEqual(b.roots.map((x) => x.pid));
            const copy = { collapsed: new Set(state.collapsed), pinned: new Set(state.pinned) };
            expect(shownFacts(stepped.nodes, state, budget, pids)).toEqual(
              shownFacts(fresh.nodes, copy, budget, pids),
            );
            last = stepped;
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});

/** The lowest pid above 1 no task has (a freed pid the kernel may hand out again). */
function lowestFree(tasks: readonly TaskView[]): number {
  const used = new Set(tasks.map((t) => t.pid));
  let p = 2;
  while (used.has(p)) p++;
  return p;
}

/**
 * A big container of `n` tasks: 1 the init, 2..n/2 + 1 its children, each next pid a child of
 * one of them (n/2 + 2 of 2, n/2 + 3 of 3, ...).
 */
function big(n: number): TaskView[] {
  return Array.from({ length: n }, (_, i) =>
    task(i + 1, i === 0 ? 0 : i < n / 2 ? 1 : i + 1 - Math.floor(n / 2)),
  );
}

describe('a step of a big destroy (the lowest pid released)', () => {
  it('is a step, not a big change: built at once, opened in slices for its new shape only', () => {
    const tasks = big(20_000);
    const cache = createNodeCache();
    const first = buildTreeModel(world(tasks), cache)!;
    // Pid 2 released: its child n/2 + 2 becomes a root.
    const after = world([tasks[0], ...tasks.slice(2)]);
    expect(buildsInSlices(after, cache)).toBe(false);
    const next = buildTreeModel(after, cache)!;
    // One change by pid (the task gone), not one per later node moved up a place.
    expect(changesByPidAtLeast(next.nodes, first.nodes, SLICED_CHANGES_ABOVE)).toBeLessThan(
      SLICED_CHANGES_ABOVE,
    );
    // Its shape is new (a task gone, an orphan a root): its shown part and layout are made
    // again, in tasks of their own.
    expect(opensInSlices(next, first, 1, true)).toBe(true);
  });

  it('keeps every node but the orphan’s, which becomes a root', () => {
    const n = SLICED_MODEL_ABOVE * 2;
    const tasks = big(n);
    const cache = createNodeCache();
    const first = buildTreeModel(world(tasks), cache)!;
    const next = buildTreeModel(world([tasks[0], ...tasks.slice(2)]), cache)!;
    const orphan = n / 2 + 2;
    const made = next.nodes.filter((node, k) => node !== first.nodes[k < 1 ? k : k + 1]);
    expect(made.map((m) => m.pid)).toEqual([orphan]);
    expect(made[0].parent).toBeNull();
    expect(forestOf(next.nodes).roots.map((r) => r.pid)).toEqual([1, orphan]);
  });

  it('steps the forest from the last one: no job to build it', () => {
    const tasks = big(20_000);
    const cache = createNodeCache();
    const first = buildTreeModel(world(tasks), cache)!;
    forestOf(first.nodes);
    const next = buildTreeModel(world([tasks[0], ...tasks.slice(2)]), cache)!;
    expect(forestJob(next.nodes)).toBeNull();
    const fresh = buildTreeModel(world([tasks[0], ...tasks.slice(2)]))!;
    expect(forestOf(next.nodes).descendants(1)).toBe(forestOf(fresh.nodes).descendants(1));
    // All but 1 itself, 2 (gone) and 2's orphan.
    expect(forestOf(next.nodes).descendants(1)).toBe(20_000 - 3);
  });
});

describe('steps of a restart whose tasks come and go, some builds stopped at a yield', () => {
  const PCS = ['wait_task_active', 'restore_task_struct', 'wait_checkpoint_ctx'];
  const facts = (m: TreeModel | null) => m!.nodes.map(fields);

  it('leave the cache answering each snapshot as a fresh build does', () => {
    const n = 1200;
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            every: fc.integer({ min: 1, max: 40 }),
            from: fc.nat({ max: 39 }),
            pc: fc.nat({ max: 2 }),
            // Tasks released from the front (a destroy) or anywhere, and tasks come back.
            gone: fc.array(fc.nat(), { maxLength: 3 }),
            back: fc.boolean(),
            stopAt: fc.option(fc.nat({ max: 6 })),
          }),
          { minLength: 1, maxLength: 6 },
        ),
        (snapshots) => {
          const all = Array.from({ length: n }, (_, i) => task(i + 1, i === 0 ? 0 : i >> 2 || 1));
          let tasks = all.slice();
          let parts = tasks.map((t) => part(t.pid, PCS[0]));
          const cache = createNodeCache();
          buildTreeModel(restarting(tasks, parts), cache);
          for (const s of snapshots) {
            tasks = tasks.slice();
            parts = parts.slice();
            for (let i = s.from; i < parts.length; i += s.every) {
              if (i % 2 && i < tasks.length)
                tasks[i] = {
                  ...tasks[i],
                  state: tasks[i].state === 'running' ? 'zombie' : 'running',
                };
              else parts[i] = part(parts[i].pid!, PCS[s.pc]);
            }
            for (const g of s.gone) if (tasks.length) tasks.splice(g % 3 ? g % tasks.length : 0, 1);
            if (s.back) tasks = all.map((t) => tasks.find((x) => x.pid === t.pid) ?? t);
            const snap = restarting(tasks, parts);
            if (s.stopAt !== null) {
              const job = treeModelJob(snap, cache, { model: null });
              for (let k = 0; k <= s.stopAt && !job.next().done; k++);
            } else {
              expect(facts(buildTreeModel(snap, cache))).toEqual(facts(buildTreeModel(snap)));
            }
          }
          const last = restarting(tasks, parts);
          expect(facts(buildTreeModel(last, cache))).toEqual(facts(buildTreeModel(last)));
        },
      ),
      { numRuns: 60 },
    );
  });
});
