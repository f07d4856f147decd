import { describe, expect, it, vi } from 'vitest';
import { parseScenario } from '../engine/scenario/parse';
import { runScenario } from '../engine/scenario/runner';
import { runSession } from '../engine/session';
import type { Scenario } from '../engine/scenario/types';
import type { WorldSnapshot } from '../engine/snapshot';
import type { Frame } from '../engine/timeline/changes';
import type { SessionRecording } from '../engine/session-types';
import { createDebuggerStore } from './createDebuggerStore';
import { appendStep, cursorAfterStep, pickNextParticipant, stepIndexAt } from './scenarioEdit';
import { selectAtEnd, selectSnapshot } from './selectors';
import type { Actor } from '../engine/part-id';
import { allFrames, frameList } from '../engine/timeline/frames';

const world = (current: number): WorldSnapshot => ({
  current,
  containers: [],
  images: [],
  restart: null,
});

/** Frame `seq` moves the world's `current` to 100 + seq. */
const frame = (seq: number, actor: Actor): Frame => ({
  event: { seq, actor, fn: 'do_fork', what: 'w' },
  step: 0,
  change: { current: 100 + seq },
  active: null,
});

const scenario: Scenario = {
  format: 'crviz-scenario/1',
  name: 't',
  variant: 'v18-28',
  tree: [],
  steps: [{ op: 'freeze' }, { op: 'restart', image: 'a' }],
};

const recording: SessionRecording = {
  scenario,
  initial: world(0),
  frames: frameList([
    frame(0, 'user'),
    frame(1, 'user'),
    frame(2, 'coord'),
    frame(3, 'pid:1'),
    frame(4, 'pid:2'),
  ]),
  stepStarts: [0, 1],
  report: { ok: true, steps: [] },
  images: {},
  imageVersions: [],
};

describe('debugger store', () => {
  it('starts empty and derives the snapshot at the cursor', () => {
    const store = createDebuggerStore();
    expect(selectSnapshot(store.getState())).toBeNull();
    store.getState().setRecording(recording, -1);
    expect(selectSnapshot(store.getState())).toBe(recording.initial);
    store.getState().setCursor(2);
    expect(selectSnapshot(store.getState())?.current).toBe(102);
  });

  it('keeps the world before the cursor’s event beside it, for what the step changed', () => {
    const store = createDebuggerStore();
    store.getState().setRecording(recording, -1);
    expect(store.getState().previousSnapshot).toBeNull();
    store.getState().setCursor(0);
    expect(store.getState().previousSnapshot).toBe(recording.initial);
    for (const at of [3, 1, 4, 2]) {
      store.getState().setCursor(at);
      expect(store.getState().previousSnapshot?.current).toBe(100 + at - 1);
      expect(store.getState().snapshot?.current).toBe(100 + at);
    }
  });

  it('clamps the cursor and steps within the recording', () => {
    const store = createDebuggerStore();
    store.getState().setRecording(recording);
    expect(store.getState().cursor).toBe(4);
    expect(selectAtEnd(store.getState())).toBe(true);
    store.getState().stepBy(1);
    expect(store.getState().cursor).toBe(4);
    store.getState().first();
    expect(store.getState().cursor).toBe(-1);
    store.getState().stepBy(-1);
    expect(store.getState().cursor).toBe(-1);
    store.getState().last();
    expect(store.getState().cursor).toBe(4);
  });

  it('plays from the start when at the end and clamps the speed', () => {
    const store = createDebuggerStore();
    store.getState().setRecording(recording);
    store.getState().play();
    expect(store.getState()).toMatchObject({ playing: true, cursor: -1 });
    store.getState().setSpeed(10);
    expect(store.getState().speed).toBe(4);
    store.getState().setSpeed(0.1);
    expect(store.getState().speed).toBe(0.25);
  });

  it('toggles breakpoints and keeps the last notices', () => {
    const store = createDebuggerStore();
    store.getState().toggleBreakpoint({ kind: 'fn', fn: 'do_exit' });
    store.getState().toggleBreakpoint({ kind: 'error' });
    store.getState().toggleBreakpoint({ kind: 'fn', fn: 'do_exit' });
    expect(store.getState().breakpoints).toEqual([{ kind: 'error' }]);
    for (let i = 0; i < 8; i++) store.getState().notify('info', `n${i}`);
    expect(store.getState().notices.map((n) => n.text)).toEqual(['n3', 'n4', 'n5', 'n6', 'n7']);
  });

  it('finds the first failed event once, when the recording arrives', () => {
    const store = createDebuggerStore();
    store.getState().setRecording(recording);
    expect(store.getState().firstError).toBe(-1);
    const frames = allFrames(recording.frames).map((f, i) =>
      i >= 2 ? { ...f, event: { ...f.event, errno: 'EINTR' } } : f,
    );
    store.getState().setRecording({ ...recording, frames: frameList(frames) });
    expect(store.getState().firstError).toBe(2);
  });

  it('keeps two instances apart', () => {
    const a = createDebuggerStore();
    const b = createDebuggerStore();
    a.getState().select(3);
    expect(b.getState().selection).toBeNull();
  });
});

describe('scenario edits', () => {
  it('appends a step without touching the original', () => {
    const next = appendStep(scenario, { op: 'thaw' });
    expect(next.steps).toHaveLength(3);
    expect(scenario.steps).toHaveLength(2);
  });

  it('opens a restart at its first frame and other steps at their result', () => {
    expect(cursorAfterStep(recording, 0)).toBe(0);
    expect(cursorAfterStep(recording, 1)).toBe(1);
    const more = {
      ...recording,
      stepStarts: [0, 3],
      scenario: { ...scenario, steps: [{ op: 'freeze' as const }, { op: 'thaw' as const }] },
    };
    expect(cursorAfterStep(more, 0)).toBe(2);
    expect(cursorAfterStep(more, 1)).toBe(4);
  });

  it('finds the step of a frame', () => {
    expect(stepIndexAt(recording, -1)).toBe(-1);
    expect(stepIndexAt(recording, 0)).toBe(0);
    expect(stepIndexAt(recording, 3)).toBe(1);
  });

  it('rewrites the restart schedule to the participants run so far plus the pick', () => {
    const picked = pickNextParticipant(recording, 3, 'pid:3');
    expect(picked?.stepIndex).toBe(1);
    expect(picked?.scenario.steps[1]).toEqual({
      op: 'restart',
      image: 'a',
      schedule: ['coord', 'pid:1', 'pid:3'],
    });
    expect(pickNextParticipant(recording, 0, 'pid:1')).toBeNull();
  });
});

describe('step moves', () => {
  it('are coalesced per frame: many steps before a frame are one cursor move', () => {
    const frames: (() => void)[] = [];
    const store = createDebuggerStore((f) => frames.push(f));
    store.getState().setRecording(recording, -1);
    let renders = 0;
    store.subscribe(() => renders++);
    for (let i = 0; i < 200; i++) store.getState().stepBy(1);
    expect(store.getState().cursor).toBe(-1);
    expect(frames).toHaveLength(1);
    frames[0]();
    expect(store.getState().cursor).toBe(4);
    expect(renders).toBe(1);
    store.getState().stepBy(-3);
    store.getState().setCursor(2);
    frames[1]();
    expect(store.getState().cursor).toBe(2);
  });
});

describe('scrubbing', () => {
  it('rebuilds only the frame the slider is on at each animation frame', () => {
    const frames: (() => void)[] = [];
    const store = createDebuggerStore((f) => frames.push(f));
    store.getState().setRecording(recording, -1);
    const timeline = store.getState().timeline!;
    const at = vi.spyOn(timeline, 'at');
    for (const i of [0, 3, 1, 2, 4, 3]) store.getState().scrubTo(i);
    expect(at).not.toHaveBeenCalled();
    expect(frames).toHaveLength(1);
    frames[0]();
    expect(store.getState().cursor).toBe(3);
    // The frame it stopped on and the one before it (for what the step changed), nothing passed.
    expect(at.mock.calls.map(([i]) => i)).toEqual([3, 2]);
  });
});

describe('a manual pick after user space created the tree', () => {
  it('replays the user-space steps as the coordinator’s, whatever task did them', () => {
    const parsed = parseScenario(
      JSON.stringify({
        format: 'crviz-scenario/1',
        name: 't',
        // v19: no xchg window, so the pick below cannot make the restart fail by itself.
        variant: 'v19',
        tree: [
          { pid: 1, ppid: 0, comm: 'init' },
          { pid: 2, ppid: 1, comm: 'sh' },
        ],
        steps: [
          { op: 'freeze' },
          { op: 'checkpoint', image: 'a' },
          { op: 'destroy' },
          { op: 'restart', image: 'a' },
        ],
      }),
      't.json',
    );
    if (!parsed.ok) throw new Error(parsed.message);
    const rec = runSession(parsed.scenario);
    const start = rec.stepStarts[3];
    // Up to prepare_descendants: the first frames are user space's (clone by pid:1 included).
    const at = allFrames(rec.frames).findIndex((f) => f.event.fn === 'prepare_descendants');
    expect(
      allFrames(rec.frames)
        .slice(start, at)
        .some((f) => f.event.actor === 'pid:1'),
    ).toBe(true);
    const picked = pickNextParticipant(rec, at, 'pid:2')!;
    const step = picked.scenario.steps[3];
    expect(step.op === 'restart' && step.schedule).toEqual([
      ...Array<string>(at - start + 1).fill('coord'),
      'pid:2',
    ]);
    const again = runScenario(picked.scenario, { baseDir: '.', readFile: () => null });
    if ('unsupported' in again) throw new Error(again.unsupported);
    expect(again.steps[3].ok).toBe(true);
  });
});
