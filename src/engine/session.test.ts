import { describe, expect, it } from 'vitest';
import { scenario } from './scenario/testing';
import { runSession } from './session';
import { WorldReplay } from './timeline/timeline';
import type { SessionProgress } from './session-types';
import { allFrames } from './timeline/frames';
import { benchRestart } from '../../bench/trees';

const s = scenario({
  tree: [
    { pid: 1, ppid: 0, comm: 'init' },
    { pid: 2, ppid: 1, comm: 'parent' },
    { pid: 3, ppid: 2, comm: 'zombie', state: 'zombie', exit_code: 768 },
  ],
  steps: [
    { op: 'freeze' },
    { op: 'checkpoint', image: 'a' },
    { op: 'destroy' },
    { op: 'restart', image: 'a' },
  ],
});

describe('runSession', () => {
  it('records one frame per event with the world after it, and where each step starts', () => {
    const rec = runSession(s);
    expect(rec.frames.length).toBeGreaterThan(40);
    expect(rec.stepStarts).toHaveLength(4);
    expect(rec.frames.get(rec.stepStarts[3])!.event.fn).toBe('restart');
    expect(rec.initial.containers[0].tasks.map((t) => t.pid)).toEqual([1, 2, 3]);
  });

  it('shows each restart step fully taken: the last frame has every participant done', () => {
    const rec = runSession(s);
    const tl = new WorldReplay(rec.initial, rec.frames);
    const last = tl.at(rec.frames.length - 1);
    expect(last.restart?.finished).toBe(true);
    expect(last.restart?.participants.every((p) => p.done && !p.runnable)).toBe(true);
    const zombieExit = allFrames(rec.frames).findIndex(
      (f) => f.event.actor === 'pid:3' && f.event.fn === 'exit_notify',
    );
    const z = tl.at(zombieExit).containers[1].tasks.find((t) => t.pid === 3)!;
    expect(z.state).toBe('zombie');
  });

  it('shows a step’s own result at its last frame: the image checkpoint wrote is there', () => {
    const rec = runSession(s);
    const tl = new WorldReplay(rec.initial, rec.frames);
    const lastOfCheckpoint = rec.stepStarts[2] - 1;
    expect(tl.at(lastOfCheckpoint).images).toEqual(['a']);
    expect(tl.at(rec.stepStarts[1] - 1).images).toEqual([]);
    // Walking back to it from later gives the same world.
    tl.at(rec.frames.length - 1);
    expect(tl.at(lastOfCheckpoint).images).toEqual(['a']);
  });

  it('shows a task released by a destroy gone at the event that says so, not one event later', () => {
    const rec = runSession(benchRestart(40));
    const tl = new WorldReplay(rec.initial, rec.frames);
    let released = 0;
    for (let i = rec.stepStarts[2]; i < rec.stepStarts[3]; i++) {
      if (rec.frames.fnAt(i) !== 'release_task') continue;
      const pid = rec.frames.pidAt(i);
      if (pid === undefined) continue;
      released++;
      const before = tl.at(i - 1).containers[0].tasks.map((t) => t.pid);
      const after = tl.at(i).containers[0].tasks.map((t) => t.pid);
      expect(before, `frame ${i}`).toContain(pid);
      expect(after, `frame ${i}: ${rec.frames.whatAt(i)}`).not.toContain(pid);
    }
    expect(released).toBeGreaterThan(30);
  });

  it('is deterministic', () => {
    expect(JSON.stringify(runSession(s).frames)).toBe(JSON.stringify(runSession(s).frames));
  });

  it('reports progress: the tree, each step, and tasks restored during a long restart', () => {
    const tree = [{ pid: 1, ppid: 0, comm: 'init' }];
    for (let pid = 2; pid <= 3000; pid++)
      tree.push({ pid, ppid: Math.max(1, pid - 40), comm: 'w' });
    const big = scenario({ tree, steps: s.steps });
    const seen: SessionProgress[] = [];
    const rec = runSession(big, undefined, (p) => seen.push(p));
    expect(seen[0]).toMatchObject({ step: -1, op: 'tree' });
    // The tree, then each step in turn, each named once as it starts, with events counted so far.
    const starts = seen.filter((p, i) => i === 0 || p.step !== seen[i - 1].step);
    expect(starts.map((p) => [p.step, p.op, p.steps])).toEqual([
      [-1, 'tree', 4],
      [0, 'freeze', 4],
      [1, 'checkpoint', 4],
      [2, 'destroy', 4],
      [3, 'restart', 4],
    ]);
    const events = seen.map((p) => p.events);
    expect(events).toEqual([...events].sort((a, b) => a - b));
    expect(starts[1].events).toBeGreaterThan(0);
    const inRestart = seen.filter((p) => p.op === 'restart' && p.total > 0);
    expect(inRestart.length).toBeGreaterThan(1);
    expect(inRestart.every((p) => p.total === 3000 && p.done <= p.total)).toBe(true);
    const done = inRestart.map((p) => p.done);
    expect(done).toEqual([...done].sort((a, b) => a - b));
    expect(done.at(-1)).toBeGreaterThan(0);
    expect(rec.report.ok).toBe(true);
  });
});
