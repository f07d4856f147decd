import { describe, expect, it } from 'vitest';
import { scenario } from '../engine/scenario/testing';
import { runSession } from '../engine/session';
import type { SessionProgress, SessionRecording } from '../engine/session-types';
import { EngineStoppedError } from '../worker/client';
import { createDebuggerStore } from './createDebuggerStore';
import { Session, type EngineLoader } from './session';

const base = scenario({
  tree: [
    { pid: 1, ppid: 0, comm: 'init' },
    { pid: 2, ppid: 1, comm: 'worker' },
  ],
  steps: [],
});

/** An engine whose loads wait for the test: it reports progress, then answers or is cancelled. */
function slowEngine() {
  const calls: {
    progress?: (p: SessionProgress) => void;
    resolve: (r: SessionRecording) => void;
    reject: (e: Error) => void;
  }[] = [];
  const engine: EngineLoader & { cancelled: number } = {
    cancelled: 0,
    load: (_s, _f, progress) =>
      new Promise((resolve, reject) => calls.push({ progress, resolve, reject })),
    decode: () => Promise.reject(new Error('unused')),
    parse: () => Promise.reject(new Error('unused')),
    explore: () => Promise.reject(new Error('unused')),
    cancel() {
      engine.cancelled++;
      for (const c of calls.splice(0)) c.reject(new EngineStoppedError());
    },
  };
  return { engine, calls };
}

describe('Session runs', () => {
  it('shows the engine’s progress while busy and forgets it afterwards', async () => {
    const store = createDebuggerStore();
    const { engine, calls } = slowEngine();
    const session = new Session(store, engine);
    const done = session.loadScenario(base);
    const p = { step: 0, steps: 1, op: 'restart', done: 5, total: 10, events: 99 };
    calls[0].progress?.(p);
    expect(store.getState()).toMatchObject({ busy: true, progress: p });
    calls[0].resolve(runSession(base));
    await expect(done).resolves.toBe(true);
    expect(store.getState()).toMatchObject({ busy: false, progress: null });
  });

  it('cancel stops the engine, keeps the recording on screen and applies nothing', async () => {
    const store = createDebuggerStore();
    const { engine, calls } = slowEngine();
    const session = new Session(store, engine);
    const loaded = session.loadScenario(base);
    calls[0].resolve(runSession(base));
    await loaded;
    const before = store.getState().recording;

    const freeze = session.applyStep({ op: 'freeze' });
    expect(store.getState().busy).toBe(true);
    session.cancelRun();
    await expect(freeze).resolves.toBe(false);
    expect(engine.cancelled).toBe(1);
    expect(store.getState().recording).toBe(before);
    expect(store.getState().busy).toBe(false);
    expect(store.getState().notices.map((n) => n.text)).toEqual([
      'Cancelled: the engine stopped; nothing changed.',
    ]);
  });

  it('cancel with nothing running does nothing', () => {
    const store = createDebuggerStore();
    const { engine } = slowEngine();
    new Session(store, engine).cancelRun();
    expect(engine.cancelled).toBe(0);
    expect(store.getState().notices).toEqual([]);
  });
});
