import { describe, expect, it } from 'vitest';
import { CHECKPOINT_RESTART_STEPS, scenario } from '../engine/scenario/testing';
import { runSession } from '../engine/session';
import { WorldReplay } from '../engine/timeline/timeline';
import { createDebuggerStore } from './createDebuggerStore';
import { FAR_ROWS, moveCost, type SliceRunner } from './cursorSeek';

/** A 3,000-task restart: a jump into it restores a checkpoint of more rows than FAR_ROWS. */
const tree = [{ pid: 1, ppid: 0, comm: 'init' }];
for (let pid = 2; pid <= 3000; pid++) tree.push({ pid, ppid: 1, comm: `w${pid}` });
const rec = runSession(scenario({ tree, steps: [...CHECKPOINT_RESTART_STEPS] }));
const end = rec.frames.length - 1;
const truth = new WorldReplay(rec.initial, rec.frames);

/** A store whose seek pieces wait in a queue until the test runs them (frames at once). */
function sliced() {
  const queue: (() => boolean)[] = [];
  const runner: SliceRunner = (job, done) => {
    let dropped = false;
    queue.push(() => {
      if (dropped) return false;
      if (!job.next().done) return true;
      queue.push(() => {
        if (!dropped) done();
        return false;
      });
      return false;
    });
    return () => {
      dropped = true;
    };
  };
  const store = createDebuggerStore((f) => f(), runner);
  /** Runs `pieces` pieces (each scheduled piece again while it has more), all by default. */
  const run = (pieces = Infinity) => {
    for (let n = 0; n < pieces && queue.length; n++) if (!queue[0]()) queue.shift();
  };
  return { store, queue, run };
}

describe('far cursor moves', () => {
  it('land in slices: cursor and worlds change together when the seek ends', () => {
    const { store, queue, run } = sliced();
    store.getState().setRecording(rec);
    expect(store.getState().cursor).toBe(end);
    const far = end >> 1;
    expect(moveCost(store.getState().timeline!, far)).toBeGreaterThan(FAR_ROWS);
    const seen: [number, unknown][] = [];
    store.subscribe((s) => seen.push([s.cursor, s.snapshot]));
    store.getState().setCursor(far);
    expect(store.getState().seeking).toBe(far);
    expect(store.getState().cursor).toBe(end);
    expect(queue.length).toBe(1);
    // Several pieces: the restore of a 3,000-task checkpoint alone is more than one.
    run(2);
    expect(store.getState().cursor).toBe(end);
    run();
    const s = store.getState();
    expect(s.seeking).toBeNull();
    expect(s.cursor).toBe(far);
    expect(s.snapshot).toEqual(truth.at(far));
    expect(s.previousSnapshot).toEqual(truth.at(far - 1));
    // Never a cursor shown with another frame's world.
    for (const [cursor, snap] of seen) expect(snap).toEqual(truth.at(cursor));
  });

  it('a newer move replaces the one under way', () => {
    const { store, run } = sliced();
    store.getState().setRecording(rec);
    const cursors: number[] = [];
    store.subscribe((s) => cursors.push(s.cursor));
    const a = end >> 1;
    const b = end >> 2;
    store.getState().setCursor(a);
    run(2);
    store.getState().setCursor(b);
    expect(store.getState().seeking).toBe(b);
    run();
    expect(store.getState().cursor).toBe(b);
    expect(store.getState().snapshot).toEqual(truth.at(b));
    expect(cursors).not.toContain(a);
    // A step while a far move is under way steps from where it goes.
    store.getState().setCursor(a);
    store.getState().stepBy(1);
    run();
    expect(store.getState().cursor).toBe(a + 1);
    expect(store.getState().snapshot).toEqual(truth.at(a + 1));
  });

  it('near moves are made at once', () => {
    const { store, queue } = sliced();
    store.getState().setRecording(rec);
    store.getState().setCursor(end - 3);
    expect(store.getState().cursor).toBe(end - 3);
    expect(store.getState().seeking).toBeNull();
    store.getState().stepBy(-1);
    expect(store.getState().cursor).toBe(end - 4);
    store.getState().setCursor(-1);
    expect(store.getState().cursor).toBe(-1);
    expect(store.getState().snapshot).toBe(rec.initial);
    expect(queue.length).toBe(0);
  });

  it('a near move drops a far one under way', () => {
    const { store, run } = sliced();
    store.getState().setRecording(rec);
    store.getState().setCursor(end >> 1);
    run(1);
    store.getState().setCursor(-1);
    run();
    expect(store.getState().cursor).toBe(-1);
    expect(store.getState().seeking).toBeNull();
  });

  it('a recording shown at a far cursor shows its end until the seek lands there', () => {
    const { store, run } = sliced();
    const far = end >> 1;
    store.getState().setRecording(rec, far);
    expect(store.getState().cursor).toBe(end);
    expect(store.getState().snapshot).toEqual(truth.at(end));
    expect(store.getState().seeking).toBe(far);
    run();
    expect(store.getState().cursor).toBe(far);
    expect(store.getState().snapshot).toEqual(truth.at(far));
    // Another recording drops a seek of the one before.
    store.getState().setCursor(end >> 2);
    store.getState().setRecording(rec);
    run();
    expect(store.getState().cursor).toBe(end);
    expect(store.getState().seeking).toBeNull();
  });
});
