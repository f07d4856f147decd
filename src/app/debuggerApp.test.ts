import { describe, expect, it } from 'vitest';
import type { ExploreResult } from '../engine/explore/explore';
import { scenario } from '../engine/scenario/testing';
import { runSession } from '../engine/session';
import type { Scenario } from '../engine/scenario/types';
import type { SessionProgress, SessionRecording } from '../engine/session-types';
import { createDebuggerStore } from '../store/createDebuggerStore';
import { EngineStoppedError } from '../worker/client';
import { DebuggerApp } from './debuggerApp';
import type { EngineLoader } from './engine';
import type { Moment } from './moment';
import type { Lesson } from '../engine/lesson/types';

const base = scenario({
  tree: [
    { pid: 1, ppid: 0, comm: 'init' },
    { pid: 2, ppid: 1, comm: 'worker' },
  ],
  steps: [{ op: 'freeze' }],
});

/** A built-in lesson about `base`, and one about another scenario. */
const known: Lesson = {
  id: 'known',
  title: 'Known',
  scenario: base,
  captions: [{ at: {}, text: 'The tree.' }],
};

interface Call<T> {
  progress?: (p: SessionProgress) => void;
  resolve: (r: T) => void;
  reject: (e: Error) => void;
}

/** An engine whose loads and explores wait for the test; parse runs the real parser's result. */
function slowEngine() {
  const loads: Call<SessionRecording>[] = [];
  const explores: Call<ExploreResult>[] = [];
  const engine: EngineLoader & { cancelled: number } = {
    cancelled: 0,
    load: (_s, _f, progress) =>
      new Promise((resolve, reject) => loads.push({ progress, resolve, reject })),
    decode: () => Promise.reject(new Error('unused')),
    parse: (text) =>
      text.startsWith('{')
        ? Promise.resolve(JSON.parse(text) as Scenario)
        : Promise.reject(new Error('bad JSON')),
    importBundle: () => Promise.reject(new Error('unused')),
    importDump: () => Promise.reject(new Error('unused')),
    explore: () => new Promise((resolve, reject) => explores.push({ resolve, reject })),
    cancel() {
      engine.cancelled++;
      for (const c of [...loads.splice(0), ...explores.splice(0)])
        c.reject(new EngineStoppedError());
    },
  };
  return { engine, loads, explores };
}

async function loaded() {
  const store = createDebuggerStore();
  const { engine, loads, explores } = slowEngine();
  const app = new DebuggerApp(store, engine, {
    builtInLesson: (id) => (id === 'known' ? known : undefined),
  });
  const done = app.loadScenario(base);
  loads.shift()!.resolve(runSession(base));
  await done;
  return { store, engine, app, loads, explores };
}

describe('DebuggerApp runs', () => {
  it('shows the engine’s progress while busy and forgets it afterwards', async () => {
    const store = createDebuggerStore();
    const { engine, loads } = slowEngine();
    const app = new DebuggerApp(store, engine);
    const done = app.loadScenario(base);
    const p = { step: 0, steps: 1, op: 'restart', done: 5, total: 10, events: 99 };
    loads[0].progress?.(p);
    expect(store.getState()).toMatchObject({ busy: 'load', progress: p });
    loads[0].resolve(runSession(base));
    await expect(done).resolves.toBe(true);
    expect(store.getState()).toMatchObject({ busy: null, progress: null });
  });

  it('cancel stops the engine, keeps the recording on screen and applies nothing', async () => {
    const { store, engine, app } = await loaded();
    const before = store.getState().recording;
    const freeze = app.applyStep({ op: 'freeze' });
    expect(store.getState().busy).toBe('load');
    app.cancel();
    await expect(freeze).resolves.toBe(false);
    expect(engine.cancelled).toBe(1);
    expect(store.getState().recording).toBe(before);
    expect(store.getState().busy).toBe(null);
    expect(store.getState().notices.map((n) => n.text)).toEqual([
      'Cancelled: the engine stopped; nothing changed.',
    ]);
  });

  it('cancel with nothing running does nothing', () => {
    const store = createDebuggerStore();
    const { engine } = slowEngine();
    new DebuggerApp(store, engine).cancel();
    expect(engine.cancelled).toBe(0);
    expect(store.getState().notices).toEqual([]);
  });

  it('is busy exploring while the explorer runs, and cancelling it is quiet', async () => {
    const { store, app, explores } = await loaded();
    const exploring = app.explore('v18-28');
    expect(store.getState().busy).toBe('explore');
    app.cancel();
    await exploring;
    expect(store.getState().busy).toBe(null);
    expect(store.getState().exploreResult).toBe(null);
    expect(store.getState().notices).toEqual([]);
    expect(explores).toHaveLength(0);
  });

  it('keeps the explorer’s busy state when a run that started during it ends', async () => {
    const { store, app, loads, explores } = await loaded();
    const exploring = app.explore('v18-28');
    const freeze = app.applyStep({ op: 'freeze' });
    expect(store.getState().busy).toBe('load');
    loads.shift()!.resolve(runSession({ ...base, steps: [{ op: 'freeze' }] }));
    await freeze;
    expect(store.getState().busy).toBe('explore');
    const result = { variant: 'v18-28', violations: [] } as unknown as ExploreResult;
    explores[0].resolve(result);
    await exploring;
    expect(store.getState()).toMatchObject({ busy: null, exploreResult: result });
  });
});

describe('DebuggerApp.applyMoment', () => {
  const moment = (over: Partial<Moment> = {}): Moment => ({
    scenarioText: JSON.stringify(base),
    variant: 'v17',
    schedule: 'random:3',
    cursor: 0,
    selection: 2,
    lesson: 'known',
    ...over,
  });

  async function apply(m: Moment | Error, fallback?: Scenario) {
    const { store, app, loads } = await loaded();
    store.getState().select(1);
    const done = app.applyMoment(m, 'The file', fallback);
    // Resolve the moment's run (and the fallback's, if it gets that far).
    for (let i = 0; i < 10 && loads.length === 0; i++) await Promise.resolve();
    loads.shift()?.resolve(runSession(base));
    return { store, ok: await done };
  }

  it('sets the lesson, parameters, cursor and selection it carries', async () => {
    const { store, ok } = await apply(moment());
    expect(ok).toBe(true);
    const s = store.getState();
    expect(s.lesson).toEqual({ lesson: known, predict: false });
    expect(s.params).toMatchObject({ variant: 'v17', schedule: 'random:3' });
    expect(s.cursor).toBe(0);
    expect(s.selection).toBe(2);
  });

  it('drops a lesson that is not built in and a selection that does not exist', async () => {
    const { store, ok } = await apply(moment({ lesson: 'gone', selection: 99 }));
    expect(ok).toBe(true);
    expect(store.getState().lesson).toBe(null);
    expect(store.getState().selection).toBe(null);
  });

  it('checks a carried lesson document against the scenario it opened', async () => {
    const carried = { id: 'mine', title: 'Mine', captions: [{ at: { step: 0 }, text: 'Frozen.' }] };
    const { store } = await apply(moment({ lesson: carried }));
    expect(store.getState().lesson?.lesson).toEqual({ ...carried, scenario: base });
    // An anchor past the scenario's steps: the lesson is dropped with a warning, the rest opens.
    const broken = { ...carried, captions: [{ at: { step: 5 }, text: 'Gone.' }] };
    const second = await apply(moment({ lesson: broken }));
    expect(second.ok).toBe(true);
    expect(second.store.getState().lesson).toBe(null);
    expect(second.store.getState().notices.map((n) => n.text)).toEqual([
      'The file: its lesson is not valid: captions[0].at: "step" must be an integer from 0 to 0, got 5; opened without it',
    ]);
  });

  it('without a fallback, a bad moment gets a notice and changes nothing', async () => {
    const { store, ok } = await apply(new Error('this picture holds no crviz scenario'));
    expect(ok).toBe(false);
    expect(store.getState().selection).toBe(1);
    expect(store.getState().notices.map((n) => n.text)).toEqual([
      'The file: this picture holds no crviz scenario',
    ]);
  });

  it('with a fallback, a bad moment says so and opens the fallback', async () => {
    const { store, ok } = await apply(moment({ scenarioText: 'nope' }), base);
    expect(ok).toBe(false);
    expect(store.getState().notices.map((n) => n.text)).toEqual([
      'The file could not be opened: bad JSON. Showing the default scenario.',
    ]);
    expect(store.getState().recording?.scenario).toEqual(base);
  });
});

describe('a moment from a PNG or the saved session is input too', () => {
  it('a bad schedule or variant is replaced by the default, with a warning naming it', async () => {
    const { store, app, loads } = await loaded();
    const moment: Moment = {
      scenarioText: JSON.stringify(base),
      variant: 'v99' as never,
      schedule: 'pid:1\nrandom',
      cursor: 0,
      selection: null,
    };
    const done = app.applyMoment(moment, 'The saved session');
    await Promise.resolve();
    await new Promise((r) => setTimeout(r, 0));
    loads.shift()!.resolve(runSession(base));
    await expect(done).resolves.toBe(true);
    expect(store.getState().params).toMatchObject({ variant: null, schedule: 'fifo' });
    expect(store.getState().notices.map((n) => n.text)).toEqual([
      'The saved session: variant "v99" and schedule "pid:1\\nrandom" not valid; the defaults are used',
    ]);
  });
});
