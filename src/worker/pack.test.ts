import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scenario } from '../engine/scenario/testing';
import { runSession } from '../engine/session';
import type { TaskView } from '../engine/snapshot';
import { PACK_MIN } from './columns';
import { packRecording, packTasks, unpackRecording, unpackTasks } from './pack';

const int = fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 });

const taskView: fc.Arbitrary<TaskView> = fc.record({
  pid: int,
  tgid: int,
  ppid: int,
  pgid: int,
  sid: int,
  comm: fc.string({ maxLength: 15, unit: 'binary' }),
  state: fc.constantFrom('running', 'stopped', 'traced', 'zombie', 'dead'),
  exit_code: int,
  exit_signal: int,
  pdeath_signal: int,
  frozen: fc.boolean(),
  traced: fc.boolean(),
});

describe('pack', () => {
  it('gives back any list of task views, holes included, with keys in TaskView order', () => {
    fc.assert(
      fc.property(fc.array(fc.option(taskView, { nil: null })), (list) => {
        const back = unpackTasks(structuredClone(packTasks(list)));
        expect(back).toEqual(list);
        expect(JSON.stringify(back)).toBe(JSON.stringify(list));
      }),
    );
  });

  it('posts a large restart as columns and the page gets the same recording back', () => {
    const tree = [{ pid: 1, ppid: 0, comm: 'init' }];
    for (let pid = 2; pid <= PACK_MIN * 2; pid++) {
      tree.push({ pid, ppid: Math.max(1, pid - 7), comm: `w${pid}` });
    }
    const sc = scenario({
      tree,
      steps: [
        { op: 'freeze' },
        { op: 'checkpoint', image: 'a' },
        { op: 'destroy' },
        { op: 'restart', image: 'a' },
      ],
    });
    const expected = JSON.stringify(runSession(sc));
    const packed = packRecording(runSession(sc), JSON.stringify(sc));
    expect(new Set(packed.packs.map((p) => p.kind))).toEqual(new Set(['initial', 'tasks']));
    expect(packed.recording.scenario).toBeNull();
    const back = unpackRecording(structuredClone(packed), sc);
    expect(JSON.stringify(back)).toBe(expected);
  });
});
