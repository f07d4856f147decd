import { describe, expect, it } from 'vitest';
import { CHECKPOINT_RESTART_STEPS, scenario, snapshotOf } from '../scenario/testing';
import { runSession } from '../session';
import { WorldReplay } from './timeline';

/** 150 tasks: a destroy removes them all at once, more than the timeline inserts one by one. */
function bigSession() {
  const tree = [{ pid: 1, ppid: 0, comm: 'init' }];
  for (let pid = 2; pid <= 150; pid++)
    tree.push({ pid, ppid: Math.max(1, pid - 5), comm: `w${pid}` });
  const sc = scenario({
    tree,
    steps: [
      { op: 'freeze' },
      { op: 'checkpoint', image: 'a' },
      { op: 'destroy' },
      { op: 'restart', image: 'a' },
      { op: 'kill', pid: 1, signal: 9 },
    ],
  });
  const truth: string[] = [];
  const rec = runSession(sc, undefined, undefined, (i, world, restart) => {
    truth[i] = JSON.stringify(snapshotOf(world, restart));
  });
  return { rec, truth };
}

describe('WorldReplay on a tree larger than its one-by-one limit', () => {
  it('rebuilds every frame forwards and backwards across whole-tree changes', () => {
    const { rec, truth } = bigSession();
    const tl = new WorldReplay(rec.initial, rec.frames);
    for (let i = 0; i < truth.length; i++)
      expect(JSON.stringify(tl.at(i)), `frame ${i}`).toBe(truth[i]);
    for (let i = truth.length - 1; i >= 0; i -= 7)
      expect(JSON.stringify(tl.at(i)), `back ${i}`).toBe(truth[i]);
    expect(tl.at(-1)).toBe(rec.initial);
  });

  it('hands out the same snapshot for the same frame, and keeps an unchanged tasks array', () => {
    const { rec } = bigSession();
    const tl = new WorldReplay(rec.initial, rec.frames);
    const restart = rec.stepStarts[3];
    const a = tl.at(restart + 10);
    expect(tl.at(restart + 10)).toBe(a);
    // A step that changes no task of the old, destroyed container keeps its (empty) array.
    const b = tl.at(restart + 11);
    expect(b.containers[0].tasks).toBe(a.containers[0].tasks);
  });
});

describe('WorldReplay.seek', () => {
  it('reaches the frame in pieces, then at() gives the recorded world, initial views kept', () => {
    const { truth } = bigSession();
    for (const at of [0, 40, truth.length >> 1, truth.length - 1]) {
      const { rec } = bigSession();
      const tl = new WorldReplay(rec.initial, rec.frames);
      const seeking = tl.seek(at, 16);
      while (!seeking.next().done);
      expect(tl.cost(at)).toBe(0);
      const seen = tl.at(at);
      expect(JSON.stringify(seen), `frame ${at}`).toBe(truth[at]);
      // The initial world's views stay the initial snapshot's objects.
      const before = new Map(rec.initial.containers[0].tasks.map((t) => [t.pid, t]));
      for (const t of seen.containers[0].tasks)
        if (before.get(t.pid) && JSON.stringify(before.get(t.pid)) === JSON.stringify(t))
          expect(t).toBe(before.get(t.pid));
    }
  });

  it('cuts a long move into pieces of the budget and says what the move costs', () => {
    const tree = [{ pid: 1, ppid: 0, comm: 'init' }];
    for (let pid = 2; pid <= 3000; pid++) tree.push({ pid, ppid: 1, comm: `w${pid}` });
    const rec = runSession(
      scenario({
        tree,
        steps: [...CHECKPOINT_RESTART_STEPS],
      }),
      undefined,
      undefined,
      undefined,
      1 << 20,
    );
    const tl = new WorldReplay(rec.initial, rec.frames);
    const end = rec.frames.length - 1;
    const cost = tl.cost(end);
    // No checkpoint: the initial world's rows and every frame's after them.
    expect(cost).toBeGreaterThan(2 * 3000);
    const seeking = tl.seek(end, 1000);
    let pieces = 0;
    while (!seeking.next().done) pieces++;
    expect(pieces).toBeGreaterThanOrEqual(Math.ceil(cost / 1000));
    expect(tl.cost(end)).toBe(0);
    expect(tl.cost(end - 1)).toBeGreaterThan(0);
    expect(tl.cost(-1)).toBe(0);
  });
});
