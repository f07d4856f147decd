import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sessions, sessionScenario } from '../engine/timeline/test-sessions';
import type { TaskView, WorldSnapshot } from '../engine/snapshot';
import { describeChanges, stepChangeLines } from './diff';
import { CHECKPOINT_RESTART_STEPS, scenario } from '../engine/scenario/testing';
import { runSession } from '../engine/session';
import { WorldReplay } from '../engine/timeline/timeline';

const t = (pid: number, extra: Partial<TaskView> = {}): TaskView => ({
  pid,
  tgid: pid,
  ppid: 1,
  pgid: 1,
  sid: 1,
  comm: 'c',
  state: 'running',
  exit_code: 0,
  exit_signal: 17,
  pdeath_signal: 0,
  frozen: false,
  traced: false,
  ...extra,
});
const w = (tasks: TaskView[], freezer: 'THAWED' | 'FROZEN' = 'THAWED'): WorldSnapshot => ({
  current: 1,
  containers: [{ id: 1, destroyed: false, tasks, freezer, root: 1 }],
  images: [],
  restart: null,
});

describe('describeChanges', () => {
  it('lists state changes, new and gone tasks and the freezer', () => {
    const before = w([t(1), t(2), t(3)]);
    const after = w(
      [t(1, { frozen: true }), t(2, { state: 'zombie', exit_code: 15 }), t(4)],
      'FROZEN',
    );
    expect(describeChanges(before, after)).toEqual([
      'pid 1 c (container 1): running → running, frozen',
      'pid 2 c (container 1): running → zombie (killed SIGTERM)',
      'pid 4 c (container 1): created, running',
      'pid 3 c (container 1): gone',
      'container 1: freezer THAWED → FROZEN',
    ]);
  });

  it('reads only the tasks a frame names when given its change list, up to a limit', () => {
    const before = w([t(1), t(2), t(3)]);
    const after = w([t(1), t(2, { state: 'zombie', exit_code: 15 }), t(4)]);
    const changed = [
      { c: 1, pid: 2, after: after.containers[0].tasks[1] },
      { c: 1, pid: 3, after: null },
      { c: 1, pid: 4, after: after.containers[0].tasks[2] },
    ];
    expect(describeChanges(before, after, changed)).toEqual([
      'pid 2 c (container 1): running → zombie (killed SIGTERM)',
      'pid 3 c (container 1): gone',
      'pid 4 c (container 1): created, running',
    ]);
    // Read one at a time: the lines are there before any is made.
    const lines = stepChangeLines(before, after, changed);
    expect(lines.length).toBe(3);
    expect(lines.at(1)).toBe('pid 3 c (container 1): gone');
    expect(describeChanges(before, after, null)).toEqual([]);
  });
});

describe('describeChanges with the frame’s participants', () => {
  it('says what comparing every participant says, at every frame of a restart', () => {
    const rec = runSession(
      scenario({
        tree: [
          { pid: 1, ppid: 0, comm: 'init' },
          { pid: 2, ppid: 1, comm: 'a' },
          { pid: 3, ppid: 2, comm: 'z', state: 'zombie', exit_code: 256 },
          { pid: 4, ppid: 1, comm: 'b' },
        ],
        steps: CHECKPOINT_RESTART_STEPS,
      }),
    );
    const tl = new WorldReplay(rec.initial, rec.frames);
    let lines = 0;
    for (let i = 0; i < rec.frames.length; i++) {
      const ch = rec.frames.get(i)!.change;
      const tasks = ch?.tasks ?? null;
      const parts = ch?.participantsReset ? undefined : (ch?.participants?.map((p) => p.i) ?? []);
      const full = describeChanges(tl.at(i - 1), tl.at(i), tasks);
      expect(describeChanges(tl.at(i - 1), tl.at(i), tasks, parts), `frame ${i}`).toEqual(full);
      lines += full.filter((l) => /^(coord|pid:\d+): /.test(l)).length;
    }
    expect(lines).toBeGreaterThan(10);
  });
});

describe('a frame’s task lines', () => {
  it('say what comparing every task says, at every frame of random sessions', () => {
    fc.assert(
      fc.property(sessions, (sess) => {
        const rec = runSession(sessionScenario(sess));
        const tl = new WorldReplay(rec.initial, rec.frames);
        for (let i = 0; i < rec.frames.length; i++) {
          const tasks = rec.frames.get(i)!.change?.tasks ?? null;
          const task = (l: string) => /^pid \d+ /.test(l);
          const full = describeChanges(tl.at(i - 1), tl.at(i))
            .filter(task)
            .sort();
          const framed = describeChanges(tl.at(i - 1), tl.at(i), tasks)
            .filter(task)
            .sort();
          expect(framed, `frame ${i}`).toEqual(full);
        }
      }),
      { numRuns: 60 },
    );
  });
});
