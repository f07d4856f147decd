import { describe, expect, it } from 'vitest';
import { CHECKPOINT_RESTART_STEPS, scenario, snapshotOf } from '../scenario/testing';
import { runSession } from '../session';
import { warmRows, WorldReplay } from './timeline';

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

describe('warmRows', () => {
  it('builds ahead what a first look reads, in pieces, without changing what it sees', () => {
    const { truth } = bigSession();
    for (const at of [0, 40, truth.length >> 1, truth.length - 1]) {
      // A recording of its own for each look: warmed views are kept by the recording.
      const { rec } = bigSession();
      const warming = warmRows(rec.frames, at);
      while (!warming.next().done);
      const tl = new WorldReplay(rec.initial, rec.frames);
      const seen = tl.at(at);
      expect(JSON.stringify(seen), `frame ${at}`).toBe(truth[at]);
      // The initial world's views stay the initial snapshot's objects.
      const before = new Map(rec.initial.containers[0].tasks.map((t) => [t.pid, t]));
      for (const t of seen.containers[0].tasks)
        if (before.get(t.pid) && JSON.stringify(before.get(t.pid)) === JSON.stringify(t))
          expect(t).toBe(before.get(t.pid));
    }
  });

  it('yields every few thousand rows of a long walk (no checkpoint to start from)', () => {
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
    const warming = warmRows(rec.frames, rec.frames.length - 1);
    let pieces = 0;
    while (!warming.next().done) pieces++;
    expect(pieces).toBeGreaterThan(2);
  });
});
