import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { ParticipantView, WorldSnapshot } from '../../engine/snapshot';
import type { Pc } from '../../engine/restart/types';
import {
  buildsInSlices,
  buildTreeModel,
  createNodeCache,
  SLICED_CHANGES_ABOVE,
  SLICED_MODEL_ABOVE,
  treeModelJob,
  type TreeModel,
} from './model';
import { forestOf } from './forest';
import { opensInSlices, SLICE_OPEN_ABOVE } from './opensInSlices';
import { part, restarting, task, world } from './testing';

describe('buildTreeModel across steps', () => {
  // That a stepped model equals one built afresh, through every kind of change, is the
  // property of modelAlign.test.ts (all fields, the forest and the shown part compared).
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

/** A tree of `n` tasks, four children each, in container `id`. */
const bigWorld = (n: number, id = 1): WorldSnapshot => {
  const w = world(Array.from({ length: n }, (_, i) => task(i + 1, i === 0 ? 0 : Math.ceil(i / 4))));
  return { ...w, current: id, containers: [{ ...w.containers[0], id }] };
};

const nodeFacts = (m: TreeModel | null) =>
  m!.nodes.map((n) => [n.pid, n.parent, n.isThread, n.name]);

describe('a big tree model built in slices', () => {
  it('is the model buildTreeModel makes, built over many yields', () => {
    const snap = bigWorld(20_000);
    const out: { model: TreeModel | null } = { model: null };
    const job = treeModelJob(snap, createNodeCache(), out);
    let yields = 0;
    while (!job.next().done) yields++;
    expect(yields).toBeGreaterThan(10);
    expect(nodeFacts(out.model)).toEqual(nodeFacts(buildTreeModel(snap)));
    expect(out.model!.label).toBe('container 1');
  });

  it('is asked for a big container new to the cache, not once the cache has built it', () => {
    const cache = createNodeCache();
    const big = bigWorld(SLICED_MODEL_ABOVE);
    expect(buildsInSlices(bigWorld(SLICED_MODEL_ABOVE - 1), cache)).toBe(false);
    expect(buildsInSlices(big, cache)).toBe(true);
    const out = { model: null as TreeModel | null };
    const job = treeModelJob(big, cache, out);
    while (!job.next().done);
    expect(buildsInSlices(big, cache)).toBe(false);
    // The next build of it is a step: the same nodes, by identity.
    expect(buildTreeModel(big, cache)!.nodes[7]).toBe(out.model!.nodes[7]);
    // Another big container is new again.
    expect(buildsInSlices(bigWorld(SLICED_MODEL_ABOVE, 2), cache)).toBe(true);
  });
});

describe('a sliced build stopped before its end', () => {
  const part = (pid: number, pc: string): ParticipantView => ({
    id: `pid:${pid}`,
    pid,
    pc: pc as Pc,
    sleeping: false,
    runnable: true,
    done: false,
    zombie: false,
    checkpoint_ctx: 'ctx',
    hung: false,
  });

  /**
   * A build of 3,000 restarting tasks, then the same participants but pid 7's moved on and a
   * task more put first (a list out of pid order: the build does not step, it makes every node
   * in slices), stopped after its first slice (a newer snapshot came).
   */
  function stoppedBuild() {
    const n = 3000;
    const tasks = Array.from({ length: n }, (_, i) => task(i + 1, i === 0 ? 0 : 1));
    const first = tasks.map((t) => part(t.pid, 'wait_task_active'));
    const cache = createNodeCache();
    buildTreeModel(restarting(tasks, first), cache);
    const moved = first.slice();
    moved[6] = part(7, 'restore_task_struct');
    const out = { model: null as TreeModel | null };
    const job = treeModelJob(restarting([task(n + 1, 1), ...tasks], moved), cache, out);
    expect(job.next().done).toBe(false);
    return { tasks, first, moved, cache };
  }

  it('leaves the next build the participants it was last given, not half of the stopped one', () => {
    const { tasks, first, cache } = stoppedBuild();
    // Back to the first participants, with pid 7's task a new object (its node is rebuilt).
    const again = tasks.slice();
    again[6] = { ...tasks[6] };
    const back = buildTreeModel(restarting(again, first), cache)!;
    const fresh = buildTreeModel(restarting(again, first))!;
    expect(back.nodes[6].pc).toBe(fresh.nodes[6].pc);
    expect(fresh.nodes[6].pc).toContain('wait_task_active');
  });

  it('rebuilds the nodes whose participant it moved on, when the next build has those participants', () => {
    const { tasks, moved, cache } = stoppedBuild();
    // The first tasks again, with the moved participants: pid 7's task is the same object.
    const back = buildTreeModel(restarting(tasks, moved), cache)!;
    expect(back.nodes[6].pc).toContain('restore_task_struct');
  });
});

describe('a big change of a built tree', () => {
  const frozen = (s: WorldSnapshot): WorldSnapshot => ({
    ...s,
    containers: [
      {
        ...s.containers[0],
        freezer: 'FROZEN',
        tasks: s.containers[0].tasks.map((t) => ({ ...t, frozen: true })),
      },
    ],
  });

  it('is built in slices and ends in the model a synchronous build makes', () => {
    const cache = createNodeCache();
    const snap = bigWorld(20_000);
    buildTreeModel(snap, cache);
    const next = frozen(snap);
    expect(buildsInSlices(next, cache)).toBe(true);
    const out: { model: TreeModel | null } = { model: null };
    const job = treeModelJob(next, cache, out);
    let yields = 0;
    while (!job.next().done) yields++;
    expect(yields).toBeGreaterThan(5);
    const fresh = buildTreeModel(next)!;
    expect(nodeFacts(out.model)).toEqual(nodeFacts(fresh));
    expect(out.model!.nodes.every((n) => n.frozen)).toBe(true);
    expect(out.model!.label).toBe('container 1 · FROZEN');
    // Built: the next look at it is a step of no change, not sliced again.
    expect(buildsInSlices(next, cache)).toBe(false);
  });

  it('is not asked for a step that changes a few tasks', () => {
    const cache = createNodeCache();
    const snap = bigWorld(20_000);
    buildTreeModel(snap, cache);
    const tasks = snap.containers[0].tasks.slice();
    for (let i = 0; i < SLICED_CHANGES_ABOVE - 1; i++)
      tasks[i * 3] = { ...tasks[i * 3], state: 'stopped' };
    const few = { ...snap, containers: [{ ...snap.containers[0], tasks }] };
    expect(buildsInSlices(few, cache)).toBe(false);
    tasks[1] = { ...tasks[1], state: 'stopped' };
    const many = { ...snap, containers: [{ ...snap.containers[0], tasks: tasks.slice() }] };
    expect(buildsInSlices(many, cache)).toBe(true);
  });

  it('stops where a newer build overtook it, leaving the newer build in the cache', () => {
    const cache = createNodeCache();
    const snap = bigWorld(20_000);
    buildTreeModel(snap, cache);
    const out: { model: TreeModel | null } = { model: null };
    const job = treeModelJob(frozen(snap), cache, out);
    job.next();
    // The next snapshot (a step back) is built at once while the big one is in its slices.
    const back = buildTreeModel(snap, cache)!;
    while (!job.next().done);
    expect(out.model).toBeNull();
    expect(buildTreeModel(snap, cache)!.nodes[5]).toBe(back.nodes[5]);
    expect(buildTreeModel(snap, cache)!.nodes.some((n) => n.frozen)).toBe(false);
  });
});

describe('opensInSlices (the view prepares a model in tasks of its own)', () => {
  /** Models of one tree through one cache, as the panel builds them step by step. */
  function steps(n: number) {
    const cache = createNodeCache();
    const snap = bigWorld(n);
    const first = buildTreeModel(snap, cache)!;
    const changing = (count: number) => {
      const next = snap.containers[0].tasks.slice();
      for (let i = 0; i < count; i++) next[i] = { ...next[i], state: 'stopped' };
      return buildTreeModel(world(next), cache)!;
    };
    return { first, changing };
  }

  it('opens a big tree new to the view in slices, not a small one', () => {
    const big = steps(SLICE_OPEN_ABOVE).first;
    expect(opensInSlices(big, null, null, false)).toBe(true);
    expect(opensInSlices(big, big, 2, true)).toBe(true);
    const small = steps(SLICE_OPEN_ABOVE - 1).first;
    expect(opensInSlices(small, null, null, false)).toBe(false);
  });

  it('prepares a model that changed many nodes in slices, not a step that changed a few', () => {
    const { first, changing } = steps(20_000);
    expect(opensInSlices(changing(3), first, 1, true)).toBe(false);
    expect(opensInSlices(changing(SLICED_CHANGES_ABOVE - 1), first, 1, true)).toBe(false);
    expect(opensInSlices(changing(SLICED_CHANGES_ABOVE), first, 1, true)).toBe(true);
    // A selection or option change redraws the same model: no change at all.
    expect(opensInSlices(first, first, 1, true)).toBe(false);
  });

  it('prepares a big tree whose shape changed in slices, however few nodes changed', () => {
    const cache = createNodeCache();
    const snap = bigWorld(20_000);
    const first = buildTreeModel(snap, cache)!;
    const tasks = snap.containers[0].tasks;
    // One task gone: one change, a new shape.
    const fewer = buildTreeModel(world(tasks.slice(0, -1)), cache)!;
    expect(opensInSlices(fewer, first, 1, true)).toBe(true);
    // The same on a small tree is drawn at once.
    const small = bigWorld(SLICE_OPEN_ABOVE - 1);
    const s0 = buildTreeModel(small, cache)!;
    const s1 = buildTreeModel(world(small.containers[0].tasks.slice(0, -1)), cache)!;
    expect(opensInSlices(s1, s0, 1, true)).toBe(false);
  });
});

describe('builds stopped and overtaken at any yield', () => {
  const PCS = ['wait_task_active', 'restore_task_struct', 'wait_checkpoint_ctx'];
  const pcs = (m: TreeModel | null) => m!.nodes.map((n) => [n.pid, n.kind, n.pc, n.name]);

  it('leave the cache answering each next snapshot as a fresh build does', () => {
    const n = 1500;
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            // Which tasks and participants this snapshot changes (every k-th from an offset).
            every: fc.integer({ min: 1, max: 40 }),
            from: fc.nat({ max: 39 }),
            pc: fc.nat({ max: 2 }),
            // Built in slices and stopped after this many yields, or built at once (null).
            stopAt: fc.option(fc.nat({ max: 12 })),
          }),
          { minLength: 1, maxLength: 6 },
        ),
        (snapshots) => {
          let tasks = Array.from({ length: n }, (_, i) => task(i + 1, i === 0 ? 0 : 1));
          let parts = tasks.map((t) => part(t.pid, PCS[0]));
          const cache = createNodeCache();
          buildTreeModel(restarting(tasks, parts), cache);
          for (const s of snapshots) {
            tasks = tasks.slice();
            parts = parts.slice();
            for (let i = s.from; i < n; i += s.every) {
              if (i % 2)
                tasks[i] = {
                  ...tasks[i],
                  state: tasks[i].state === 'running' ? 'stopped' : 'running',
                };
              else parts[i] = part(parts[i].pid!, PCS[s.pc]);
            }
            const snap = restarting(tasks, parts);
            if (s.stopAt !== null) {
              const job = treeModelJob(snap, cache, { model: null });
              for (let k = 0; k <= s.stopAt && !job.next().done; k++);
            } else buildTreeModel(snap, cache);
          }
          // The last snapshot, built through the cache, is what a fresh build makes of it.
          const last = restarting(tasks, parts);
          expect(pcs(buildTreeModel(last, cache))).toEqual(pcs(buildTreeModel(last)));
        },
      ),
      { numRuns: 60 },
    );
  });
});
