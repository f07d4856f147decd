import { describe, expect, it } from 'vitest';
import { exploreScenario } from '../engine/explore/explore';
import { scenario } from '../engine/scenario/testing';
import { runSession } from '../engine/session';
import { WorldReplay } from '../engine/timeline/timeline';
import { withRestartSchedule } from './scenarioEdit';
import { breakFrame, describeViolation, divergeIndex } from './violation';

const sc = scenario({
  tree: [
    { pid: 1, ppid: 0, comm: 'init' },
    { pid: 2, ppid: 1, comm: 'sh' },
    { pid: 3, ppid: 2, comm: 'z', state: 'zombie', exit_code: 256 },
  ],
  steps: [
    { op: 'freeze' },
    { op: 'checkpoint', image: 'a' },
    { op: 'destroy' },
    { op: 'restart', image: 'a' },
  ],
});

describe('a counterexample as a trace', () => {
  const r = exploreScenario(sc, { variant: 'naive', maxStates: 100_000 });
  if ('unsupported' in r) throw new Error(r.unsupported);
  const v = r.json.violations.find((x) => x.invariant === 'zombies-before-completion')!;
  const edited = withRestartSchedule(sc, v.schedule, 'naive')!;
  const rec = runSession(edited.scenario);

  it('breaks at the explorer’s event, counted from the restart’s first frame', () => {
    const f = breakFrame(rec, edited.stepIndex, v.event);
    expect(f).toBe(rec.stepStarts[edited.stepIndex] + v.event!);
    expect(rec.frames.get(f)!.event.fn).toBe(v.events[v.event!].fn);
    expect(breakFrame(rec, edited.stepIndex)).toBe(rec.stepStarts[edited.stepIndex]);
  });

  it('says what is wrong from the world there', () => {
    const f = breakFrame(rec, edited.stepIndex, v.event);
    const world = new WorldReplay(rec.initial, rec.frames).at(f);
    const words = describeViolation(v.invariant, v.message, world, rec.frames.get(f)!.event);
    expect(words).toMatch(
      /^the coordinator completed while pid 3 is still in \w+, not yet EXIT_ZOMBIE/,
    );
    expect(describeViolation(v.invariant, v.message, null, null)).toBe(v.message);
  });

  it('finds the first event where two traces differ', () => {
    const fifo = runSession(sc);
    const d = divergeIndex(rec, fifo, 3);
    const a = rec.frames.get(rec.stepStarts[3] + d)!.event;
    const b = fifo.frames.get(fifo.stepStarts[3] + d)!.event;
    expect([a.fn, a.actor, a.what]).not.toEqual([b.fn, b.actor, b.what]);
    for (let i = 0; i < d; i++) {
      expect(rec.frames.get(rec.stepStarts[3] + i)!.event.what).toBe(
        fifo.frames.get(fifo.stepStarts[3] + i)!.event.what,
      );
    }
    expect(divergeIndex(fifo, fifo, 3)).toBe(fifo.frames.length - fifo.stepStarts[3]);
  });
});
