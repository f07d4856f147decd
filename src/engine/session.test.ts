import { describe, expect, it } from 'vitest';
import { scenario } from './scenario/testing';
import { runSession } from './session';

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
    expect(rec.frames[rec.stepStarts[3]].event.fn).toBe('restart');
    expect(rec.initial.containers[0].tasks.map((t) => t.pid)).toEqual([1, 2, 3]);
  });

  it('shows each restart step fully taken: the last frame has every participant done', () => {
    const rec = runSession(s);
    const last = rec.frames[rec.frames.length - 1].snapshot;
    expect(last.restart?.finished).toBe(true);
    expect(last.restart?.participants.every((p) => p.done && !p.runnable)).toBe(true);
    const zombieExit = rec.frames.find(
      (f) => f.event.actor === 'pid:3' && f.event.fn === 'exit_notify',
    )!;
    const z = zombieExit.snapshot.containers[1].tasks.find((t) => t.pid === 3)!;
    expect(z.state).toBe('zombie');
  });

  it('is deterministic', () => {
    expect(JSON.stringify(runSession(s).frames)).toBe(JSON.stringify(runSession(s).frames));
  });
});
