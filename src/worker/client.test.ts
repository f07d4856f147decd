import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Scenario } from '../engine/scenario/types';
import type { SessionRecording } from '../engine/session-types';
import { EngineClient, EngineStoppedError, restartNotice } from './client';
import { clientOnFakes, EMPTY_SCENARIO, FakeWorkerBase } from './fakeWorker';
import { packRecording, type PackedRecording } from './pack';
import { scenario as parsedScenario } from '../engine/scenario/testing';
import { runSession } from '../engine/session';
import type { EngineRequest, EngineResponse } from './protocol';
import { toWire } from './wireScenario';
import { PACK_MIN } from './columns';
import { benchScenario } from '../../bench/trees';
import type { ExploreResult } from '../engine/explore/explore';
import { allFrames, frameList } from '../engine/timeline/frames';
import { WorldReplay } from '../engine/timeline/timeline';

const scenario = EMPTY_SCENARIO;

function recordingOf(s: Scenario): SessionRecording {
  return {
    scenario: s,
    initial: { current: 1, containers: [], images: [], restart: null },
    frames: frameList([]),
    stepStarts: [],
    report: { ok: true, steps: [] },
    images: {},
    imageVersions: [],
  };
}

/** The answer to a load of the scenario sent: it leaves the scenario out, as the worker does. */
function packedOf(): PackedRecording {
  return packRecording(recordingOf(scenario), JSON.stringify(scenario));
}

/** A recording with its frames as objects, to compare two recordings whole. */
function plain(rec: SessionRecording) {
  return { ...rec, frames: allFrames(rec.frames) };
}

/** A fake worker that answers asynchronously, or never once `dead`. */
class FakeWorker extends FakeWorkerBase {
  dead = false;
  received: EngineRequest[] = [];
  postMessage(req: EngineRequest): void {
    this.received.push(req);
    if (this.dead || this.terminated) return;
    let res: EngineResponse;
    if (req.type === 'explore') return; // explores until stopped
    if (req.type === 'stop') {
      const result = { states: 5, cancelled: true } as unknown as ExploreResult;
      queueMicrotask(() => this.send({ type: 'explored', id: req.target, result }));
      return;
    }
    if (req.type === 'ping') res = { type: 'pong', id: req.id };
    else if (req.type === 'hold') res = { type: 'held', id: req.id, lock: req.lock };
    else if (req.type === 'load')
      res = {
        type: 'recording',
        id: req.id,
        packed: packedOf(),
      };
    else res = { type: 'error', id: req.id, message: 'bad scenario' };
    queueMicrotask(() => this.send(res));
  }
}

describe('EngineClient', () => {
  let workers: FakeWorker[];
  let client: EngineClient;
  beforeEach(() => {
    vi.useFakeTimers();
    ({ client, workers } = clientOnFakes(() => new FakeWorker(), {
      timeoutMs: 1000,
      heartbeatMs: 500,
      pingTimeoutMs: 300,
    }));
    client.start();
  });
  afterEach(() => {
    client.dispose();
    vi.useRealTimers();
  });

  it('answers a load with the recording and remembers the scenario', async () => {
    const rec = await client.load(scenario);
    expect(rec.scenario).toEqual(scenario);
    expect(client.currentScenario).toEqual(scenario);
    expect(workers[0].received[0]).toMatchObject({ type: 'load', id: 1 });
  });

  it('sends a scenario the engine answered with back in the form it came in, not packed again', async () => {
    workers[0].dead = true;
    const parsing = client.parse('…', 'big.json');
    const wire = toWire(benchScenario(PACK_MIN));
    expect(wire.tree).not.toBeNull();
    workers[0].send({ type: 'scenario', id: workers[0].received[0].id, scenario: wire });
    const parsed = await parsing;
    void client.load(parsed).catch(() => undefined);
    await vi.advanceTimersByTimeAsync(0);
    const load = workers[0].received[1];
    expect(load.type).toBe('load');
    expect(load.type === 'load' && load.scenario).toBe(wire);
    // Another scenario is packed.
    void client.load({ ...parsed }).catch(() => undefined);
    await vi.advanceTimersByTimeAsync(1001);
    const again = workers.flatMap((w) => w.received).filter((r) => r.type === 'load');
    expect(again.some((r) => r.type === 'load' && r.scenario !== wire)).toBe(true);
  });

  it('turns an error answer into a rejected promise with its message', async () => {
    await expect(client.parse('{', 'x.json')).rejects.toThrow('bad scenario');
  });

  it('rejects an answer of another type than the request asks for', async () => {
    workers[0].dead = true;
    const p = client.decode(new Uint8Array(4));
    workers[0].send({ type: 'pong', id: workers[0].received[0].id });
    await expect(p).rejects.toThrow('unexpected answer pong');
  });

  it('sends the next request only once the worker has answered the one before', async () => {
    workers[0].dead = true;
    const first = client.load(scenario);
    const second = client.parse('{', 'x.json');
    expect(workers[0].received.map((r) => r.type)).toEqual(['load']);
    workers[0].send({ type: 'recording', id: workers[0].received[0].id, packed: packedOf() });
    await first;
    expect(workers[0].received.map((r) => r.type)).toEqual(['load', 'parse']);
    workers[0].send({ type: 'error', id: workers[0].received[1].id, message: 'bad scenario' });
    await expect(second).rejects.toThrow('bad scenario');
  });

  it('times out with a clear message and restarts the worker', async () => {
    workers[0].dead = true;
    const p = client.load(scenario);
    const check = expect(p).rejects.toThrow('engine did not answer within 1 s');
    await vi.advanceTimersByTimeAsync(1001);
    await check;
    expect(workers).toHaveLength(2);
    expect(workers[0].terminated).toBe(true);
  });

  it('says what the page’s security policy refused inside the worker, and keeps the worker', async () => {
    const events: unknown[] = [];
    client.on((e) => events.push(e));
    workers[0].send({
      type: 'refused',
      id: 0,
      directive: 'script-src',
      blocked: 'eval',
      where: 'engine.worker.js:3',
    });
    expect(events).toEqual([
      {
        type: 'refused',
        text: 'The page’s security policy refused the engine eval (script-src) at engine.worker.js:3; what needed it may have failed.',
      },
    ]);
    await expect(client.load(scenario)).resolves.toMatchObject({ scenario });
    expect(workers).toHaveLength(1);
  });

  it('detects a crash, restarts and re-sends the current scenario', async () => {
    await client.load(scenario);
    const events: string[] = [];
    client.on((e) => events.push(e.type));
    workers[0].crash();
    await vi.advanceTimersByTimeAsync(0);
    expect(workers).toHaveLength(2);
    expect(workers[1].received[0]).toMatchObject({ type: 'load', scenario: { scenario } });
    expect(events).toEqual(['restarted', 'recording']);
  });

  it('a worker that dies during a load: the load goes to the new worker, and is answered', async () => {
    const other = { ...scenario, name: 'just opened' };
    const events: unknown[] = [];
    client.on((e) => events.push(e));
    workers[0].dead = true;
    const p = client.load(other);
    workers[0].crash();
    await expect(p).resolves.toMatchObject({ scenario: other });
    expect(workers[1].received.map((r) => r.type)).toEqual(['load']);
    expect(workers[1].received[0]).toMatchObject({ scenario: { scenario: other } });
    expect(events).toEqual([
      { type: 'restarted', reason: 'worker error: boom', replayed: ['load'], abandoned: [] },
    ]);
    expect(restartNotice(events[0] as never)).toBe(
      'The engine stopped (worker error: boom) and was restarted; what it was doing (running the scenario) was sent again.',
    );
  });

  it('an action queued behind the load is replayed too, in order', async () => {
    workers[0].dead = true;
    const load = client.load(scenario);
    const parse = client.parse('{', 'x.json');
    workers[0].crash();
    await load;
    await expect(parse).rejects.toThrow('bad scenario');
    expect(workers[1].received.map((r) => r.type)).toEqual(['load', 'parse']);
  });

  it('a request during which the engine dies twice is given up, saying so', async () => {
    const events: unknown[] = [];
    client.on((e) => events.push(e));
    workers[0].dead = true;
    const p = client.load(scenario);
    const check = expect(p).rejects.toThrow('the engine stopped twice while working on this');
    workers[0].crash();
    workers[1].dead = true;
    workers[1].crash();
    await check;
    expect(events[1]).toMatchObject({ replayed: [], abandoned: ['load'] });
  });

  it('stop fails pending requests quietly and start brings a fresh worker', async () => {
    workers[0].dead = true;
    const p = client.load(scenario);
    client.stop();
    await expect(p).rejects.toBeInstanceOf(EngineStoppedError);
    client.start();
    expect(workers).toHaveLength(2);
    await expect(client.load(scenario)).resolves.toMatchObject({ scenario });
  });

  it('detects a silently killed worker through the heartbeat ping', async () => {
    await client.load(scenario);
    const restarted = vi.fn();
    client.on((e) => e.type === 'restarted' && restarted());
    client.killWorker();
    await vi.advanceTimersByTimeAsync(500 + 301);
    expect(restarted).toHaveBeenCalledTimes(1);
    expect(workers).toHaveLength(2);
    expect(client.restarts).toBe(1);
  });

  it('passes progress on and counts it as a sign of life, however long the load takes', async () => {
    workers[0].dead = true;
    const seen: number[] = [];
    const p = client.load(scenario, undefined, (progress) => seen.push(progress.done));
    const id = workers[0].received[0].id;
    const progress = (done: number) => ({
      step: 3,
      steps: 4,
      op: 'restart',
      done,
      total: 9,
      events: 1,
    });
    // Five progress messages 800 ms apart: 4 s in all, four times the 1 s timeout.
    for (let done = 1; done <= 5; done++) {
      await vi.advanceTimersByTimeAsync(800);
      workers[0].send({ type: 'progress', id, progress: progress(done) });
    }
    workers[0].send({
      type: 'recording',
      id,
      packed: packedOf(),
    });
    await expect(p).resolves.toMatchObject({ scenario });
    expect(seen).toEqual([1, 2, 3, 4, 5]);
    expect(workers).toHaveLength(1);
  });

  it('still times out when the progress stops', async () => {
    workers[0].dead = true;
    const p = client.load(scenario, undefined, () => undefined);
    const check = expect(p).rejects.toThrow('engine did not answer within 1 s');
    const id = workers[0].received[0].id;
    await vi.advanceTimersByTimeAsync(800);
    workers[0].send({
      type: 'progress',
      id,
      progress: { step: 0, steps: 1, op: 'restart', done: 0, total: 1, events: 0 },
    });
    await vi.advanceTimersByTimeAsync(1001);
    await check;
    expect(workers).toHaveLength(2);
  });

  it('wraps the columns of a recording that travelled through structured clone', async () => {
    workers[0].dead = true;
    const sc = parsedScenario({
      tree: [{ pid: 1, ppid: 0, comm: 'init' }],
      steps: [{ op: 'fork', pid: 1 }, { op: 'freeze' }],
    });
    const p = client.load(sc);
    const id = workers[0].received[0].id;
    const packed = packRecording(runSession(sc), JSON.stringify(sc));
    workers[0].send({ type: 'recording', id, packed: structuredClone(packed) });
    const rec = await p;
    expect(rec.frames.length).toBeGreaterThan(2);
    expect(plain(rec)).toEqual(plain(runSession(sc)));
  });

  it('rebuilds a big initial world in a turn of its own, and the replay at its end over more', async () => {
    const tree = [{ pid: 1, ppid: 0, comm: 'init' }];
    for (let pid = 2; pid <= 2500; pid++) tree.push({ pid, ppid: 1, comm: `w${pid}` });
    const big = parsedScenario({ tree, steps: [{ op: 'freeze' }] });
    const expected = plain(runSession(big));
    const packed = packRecording(runSession(big), JSON.stringify(big));
    let turns = 0;
    const c = new EngineClient({
      createWorker: () => {
        const w = new FakeWorker();
        w.dead = true;
        workers.push(w);
        return w;
      },
      heartbeatMs: 0,
      turn: async () => void turns++,
    });
    const p = c.load(big);
    const w = workers.at(-1)!;
    w.send({ type: 'recording', id: w.received[0].id, packed });
    const { replay, ...rec } = await p;
    expect(plain(rec)).toEqual(expected);
    // The columns are wrapped in a turn of their own, the initial world's 2,500 views built in
    // one more (16,384 a turn) and the world made of them in another; the replay seeks the end
    // a piece per turn (the restore, the walk, the task lists in pid order), and the end's two
    // worlds are built a turn each.
    const end = rec.frames.length - 1;
    const pieces = [...new WorldReplay(rec.initial, rec.frames).seek(end)].length;
    expect(pieces).toBeGreaterThan(2);
    expect(turns).toBe(3 + pieces + 2);
    // The replay stands at the end, whose world it keeps.
    expect(replay!.cost(end)).toBe(0);
    expect(replay!.cost(end - 1)).toBe(0);
    expect(replay!.at(end)).toEqual(new WorldReplay(rec.initial, rec.frames).at(end));
    c.dispose();
  });
  it('hands on explore progress and stops an exploration without replacing the worker', async () => {
    const seen: number[] = [];
    const exploring = client.explore(scenario, 'v19', 100, (p) => seen.push(p.states));
    await vi.advanceTimersByTimeAsync(0);
    const sent = workers[0].received.find((r) => r.type === 'explore')!;
    const progress = {
      states: 2048,
      depth: 9,
      elapsedMs: 100,
      statesPerSecond: 20480,
      violated: [],
    };
    workers[0].send({ type: 'exploreProgress', id: sent.id, progress });
    expect(seen).toEqual([2048]);
    client.stopExplore();
    expect(workers[0].received.at(-1)).toEqual({ type: 'stop', id: 0, target: sent.id });
    expect(await exploring).toEqual({ states: 5, cancelled: true });
    await vi.advanceTimersByTimeAsync(5000);
    expect(workers).toHaveLength(1);
  });

  it('replaces a worker that does not answer a stop in time', async () => {
    workers[0].dead = true;
    const exploring = client.explore(scenario, 'v19', 100);
    const rejected = expect(exploring).rejects.toBeInstanceOf(EngineStoppedError);
    client.stopExplore();
    await vi.advanceTimersByTimeAsync(3000);
    await rejected;
    expect(workers).toHaveLength(2);
  });
});

describe('EngineClient with Web Locks', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('knows at once when a busy worker dies: its life lock is granted to the page', async () => {
    const waiting = new Map<string, () => void>();
    vi.stubGlobal('navigator', {
      locks: {
        request: (name: string, cb: () => void) => {
          waiting.set(name, cb);
          return Promise.resolve();
        },
      },
    });
    const workers: FakeWorker[] = [];
    const client = new EngineClient({
      createWorker: () => {
        const w = new FakeWorker();
        workers.push(w);
        return w;
      },
      heartbeatMs: 0,
    });
    client.start();
    expect(workers[0].received[0]).toMatchObject({ type: 'hold' });
    await Promise.resolve();
    expect(waiting.size).toBe(1);
    workers[0].dead = true;
    const p = client.load(scenario);
    // The worker is gone: the browser grants the page the lock the worker held.
    [...waiting.values()][0]();
    await expect(p).resolves.toMatchObject({ scenario });
    expect(client.restarts).toBe(1);
    expect(workers[1].received.map((r) => r.type)).toEqual(['hold', 'load']);
    client.dispose();
  });
});
