import { describe, expect, it } from 'vitest';
import type { TaskView, WorldSnapshot } from '../engine/snapshot';
import type { SessionRecording } from '../engine/session-types';
import { share, shareUnchanged } from './share';

const task = (pid: number, state: TaskView['state'] = 'running'): TaskView => ({
  pid,
  tgid: pid,
  ppid: 1,
  pgid: 1,
  sid: 1,
  comm: 'c',
  state,
  exit_code: 0,
  exit_signal: 17,
  pdeath_signal: 0,
  frozen: false,
  traced: false,
});

const world = (tasks: TaskView[]): WorldSnapshot => ({
  current: 1,
  containers: [{ id: 1, destroyed: false, tasks, freezer: 'THAWED', root: 1 }],
  images: ['a'],
  restart: null,
});

describe('shareUnchanged', () => {
  it('reuses unchanged tasks and whole unchanged snapshots, keeping values equal', () => {
    const frames = [
      world([task(1), task(2), task(3)]),
      world([task(1), task(2, 'zombie'), task(3)]),
      world([task(1), task(2, 'zombie'), task(3)]),
      world([task(1), task(3)]),
    ];
    const copy = structuredClone(frames);
    const rec: SessionRecording = {
      scenario: { format: 'crviz-scenario/1', name: 'x', variant: 'v18-28', tree: [], steps: [] },
      initial: world([task(1), task(2), task(3)]),
      frames: frames.map((snapshot, seq) => ({
        event: { seq, actor: 'user', fn: 'f', what: '' },
        step: 0,
        snapshot,
      })),
      stepStarts: [0],
      report: { ok: true, steps: [] },
      images: {},
    };
    shareUnchanged(rec);
    const s = rec.frames.map((f) => f.snapshot);
    expect(s).toEqual(copy);
    expect(s[0]).toBe(rec.initial);
    const tasksOf = (i: number) => s[i].containers[0].tasks;
    expect(tasksOf(1)[0]).toBe(tasksOf(0)[0]);
    expect(tasksOf(1)[1]).not.toBe(tasksOf(0)[1]);
    expect(s[2]).toBe(s[1]);
    // Matched by pid, not position, once pid 2 is gone.
    expect(tasksOf(3)[1]).toBe(tasksOf(2)[2]);
  });

  it('never shares byte arrays or changes values', () => {
    const a = { b: new Uint8Array([1]), n: [1, 2] };
    const b = { b: new Uint8Array([1]), n: [1, 2] };
    const out = share(a, b) as typeof a;
    expect(out.b).toBe(b.b);
    expect(out.n).toBe(a.n);
  });
});
