import { describe, expect, it } from 'vitest';
import type { Scenario } from '../engine/scenario/types';
import type { SessionRecording } from '../engine/session-types';
import type { ExploreResult } from '../engine/explore/explore';
import { answer, handleRequest, SLICE_MS, type EngineApi } from './handler';
import { transferOf } from './protocol';
import { runSession } from '../engine/session';
import { scenario as parsedScenario } from '../engine/scenario/testing';
import type { EngineRequest, EngineResponse } from './protocol';
import { toWire } from './wireScenario';
import { frameList } from '../engine/timeline/frames';

const scenario: Scenario = {
  format: 'crviz-scenario/1',
  name: 's',
  variant: 'v18-28',
  tree: [],
  steps: [],
};
const wire = toWire(scenario);
const explore: Extract<EngineRequest, { type: 'explore' }> = {
  type: 'explore',
  id: 5,
  scenario: wire,
  variant: 'naive',
  maxStates: 9,
};

function api(over: Partial<EngineApi> = {}): EngineApi {
  return {
    runSession: (s) =>
      ({
        scenario: s,
        initial: { current: 1, containers: [], images: [], restart: null },
        frames: frameList([]),
        stepStarts: [],
        report: { ok: true, steps: [] },
        images: {},
        imageVersions: [],
      }) as SessionRecording,
    parseScenario: (text) => ({ ok: true, scenario: JSON.parse(text) as Scenario }),
    findPassingSchedule: () => null,
    decodeImage: (bytes) => ({
      ok: false,
      bytes: bytes.length,
      records: [],
      uflags: 0,
      pids: [],
      tasks: [],
      trailing: 0,
    }),
    // eslint-disable-next-line require-yield
    exploreScenarioSteps: function* () {
      return { unsupported: 'the scenario has no restart step' };
    },
    ...over,
  };
}

describe('handleRequest', () => {
  it('answers ping and load', () => {
    expect(handleRequest(api(), { type: 'ping', id: 1 })).toEqual({ type: 'pong', id: 1 });
    const res = handleRequest(api(), { type: 'load', id: 2, scenario: wire });
    // The parser gave back the scenario as sent: the answer leaves it out (the client has it).
    expect(res).toMatchObject({
      type: 'recording',
      id: 2,
      packed: { recording: { scenario: null } },
    });
  });

  it('sends the scenario back when the parser normalised it', () => {
    const normalising = api({
      parseScenario: (text) => ({
        ok: true,
        scenario: { ...(JSON.parse(text) as Scenario), name: 'n' },
      }),
    });
    const res = handleRequest(normalising, { type: 'load', id: 3, scenario: wire });
    expect(res).toMatchObject({
      packed: { recording: { scenario: { scenario: { ...scenario, name: 'n' } } } },
    });
  });

  it('re-validates a scenario before running it', () => {
    const bad = api({ parseScenario: () => ({ ok: false, message: 'steps[0]: unknown op' }) });
    expect(handleRequest(bad, { type: 'load', id: 3, scenario: wire })).toEqual({
      type: 'error',
      id: 3,
      message: 'steps[0]: unknown op',
    });
  });

  it('turns engine exceptions and unsupported explores into error answers', () => {
    const boom = api({
      runSession: () => {
        throw new Error('boom');
      },
    });
    expect(handleRequest(boom, { type: 'load', id: 4, scenario: wire })).toEqual({
      type: 'error',
      id: 4,
      message: 'engine failure: boom',
    });
  });

  it('answers an unsupported explore with an error', async () => {
    const host = { now: () => 0, yieldToMessages: async () => {}, stopRequested: () => false };
    expect(await answer(api(), explore, () => {}, host)).toEqual({
      type: 'error',
      id: 5,
      message: 'the scenario has no restart step',
    });
  });

  it('explores in slices with progress between them, and a stop ends it with the partial result', async () => {
    let clock = 0;
    let stop = false;
    const yields: number[] = [];
    // A search that never ends by itself: 100 states, 1 ms, per tick.
    const endless = api({
      exploreScenarioSteps: function* () {
        let states = 0;
        for (;;) {
          states += 100;
          clock += 1;
          if ((yield { states, depth: 7, violated: ['no-deadlock'] }) === true)
            return {
              json: { states, cancelled: true } as unknown as ExploreResult,
              violated: false,
            };
        }
      },
    });
    const early: EngineResponse[] = [];
    const host = {
      now: () => clock,
      yieldToMessages: async () => {
        yields.push(clock);
        if (yields.length === 3) stop = true; // the stop message came in meanwhile
      },
      stopRequested: (id: number) => id === 5 && stop,
    };
    const res = await answer(endless, explore, (m) => early.push(m), host);
    expect(yields).toHaveLength(3);
    expect(early.map((m) => m.type)).toEqual([
      'exploreProgress',
      'exploreProgress',
      'exploreProgress',
    ]);
    const first = early[0];
    if (first.type !== 'exploreProgress') throw new Error('no progress');
    expect(first.progress).toEqual({
      states: SLICE_MS * 100,
      depth: 7,
      elapsedMs: SLICE_MS,
      statesPerSecond: 100_000,
      violated: ['no-deadlock'],
    });
    expect(res).toEqual({
      type: 'explored',
      id: 5,
      result: { states: 3 * SLICE_MS * 100, cancelled: true },
    });
  });

  it('hands uploaded files to load_image by path', () => {
    let read: Uint8Array | null = null;
    const spy = api({
      runSession: (s, readFile) => {
        read = readFile?.('./upload/a.ckpt') ?? null;
        return api().runSession(s);
      },
    });
    const bytes = new Uint8Array([1, 2]);
    handleRequest(spy, { type: 'load', id: 6, scenario: wire, files: { 'upload/a.ckpt': bytes } });
    expect(read).toBe(bytes);
  });
});

describe('handleRequest progress', () => {
  it('posts the engine’s progress under the load’s id before answering it', () => {
    const progress = { step: 0, steps: 1, op: 'restart', done: 1, total: 2, events: 3 };
    const reporting = api({
      runSession: (s, _read, onProgress) => {
        onProgress?.(progress);
        return api().runSession(s);
      },
    });
    const posted: EngineResponse[] = [];
    const answer = handleRequest(reporting, { type: 'load', id: 9, scenario: wire }, (m) =>
      posted.push(m),
    );
    expect(posted).toEqual([{ type: 'progress', id: 9, progress }]);
    expect(answer).toMatchObject({ type: 'recording', id: 9 });
  });
});

describe('handleRequest frames', () => {
  it('answers a load with the recording in columns, every buffer in the transfer list', () => {
    const sc = parsedScenario({
      tree: [{ pid: 1, ppid: 0, comm: 'init' }],
      steps: [{ op: 'fork', pid: 1 }, { op: 'freeze' }, { op: 'checkpoint', image: 'a' }],
    });
    const real = api({ runSession });
    const posted: EngineResponse[] = [];
    const res = handleRequest(real, { type: 'load', id: 11, scenario: toWire(sc) }, (m) =>
      posted.push(m),
    );
    if (res.type !== 'recording') throw new Error(res.type);
    expect(posted.every((m) => m.type === 'progress')).toBe(true);
    const cols = res.packed.columns;
    expect(cols.frames).toBe(runSession(sc).frames.length);
    const buffers = transferOf(res);
    expect(new Set(buffers).size).toBe(buffers.length);
    for (const part of [cols.events, cols.tasks, cols.parts, cols.heads])
      for (const v of Object.values(part))
        if (ArrayBuffer.isView(v)) expect(buffers).toContain(v.buffer);
    // Nothing per frame is an object: the rest of the answer is a few small lists.
    expect(cols.rare.length + cols.bases.length + cols.resets.length).toBeLessThan(12);
  });
});

describe('handleRequest import', () => {
  it('converts a bundle through the importer and the parser, or answers its reason', () => {
    const ok = api({ importBundle: () => ({ ok: true, json: JSON.stringify(scenario) }) });
    expect(handleRequest(ok, { type: 'import', id: 7, text: '{}', source: 'b.json' })).toEqual({
      type: 'scenario',
      id: 7,
      scenario: wire,
    });
    const bad = api({ importBundle: () => ({ ok: false, message: 'b.json: no pstree' }) });
    expect(handleRequest(bad, { type: 'import', id: 8, text: '{}', source: 'b.json' })).toEqual({
      type: 'error',
      id: 8,
      message: 'b.json: no pstree',
    });
  });
});
