import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Scenario } from '../engine/scenario/types';
import type { SessionRecording } from '../engine/session-types';
import { EngineClient, EngineStoppedError } from './client';
import { clientOnFakes, EMPTY_SCENARIO, FakeWorkerBase } from './fakeWorker';
import { PACK_MIN } from './columns';
import { packRecording, type PackedRecording } from './pack';
import { scenario as parsedScenario } from '../engine/scenario/testing';
import { runSession } from '../engine/session';
import type { EngineRequest, EngineResponse } from './protocol';

const scenario = EMPTY_SCENARIO;

function recordingOf(s: Scenario): SessionRecording {
  return {
    scenario: s,
    initial: { current: 1, containers: [], images: [], restart: null },
    frames: [],
    stepStarts: [],
    report: { ok: true, steps: [] },
    images: {},
  };
}

/** The answer to a load of the scenario sent: it leaves the scenario out, as the worker does. */
function packedOf(): PackedRecording {
  return { recording: { ...recordingOf(scenario), scenario: null }, packs: [] };
}

/** A fake worker that answers asynchronously, or never once `dead`. */
class FakeWorker extends FakeWorkerBase {
  dead = false;
  received: EngineRequest[] = [];
  postMessage(req: EngineRequest): void {
    this.received.push(req);
    if (this.dead || this.terminated) return;
    let res: EngineResponse;
    if (req.type === 'ping') res = { type: 'pong', id: req.id };
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

  it('puts frames sent ahead of the answer back in front of it, in order', async () => {
    workers[0].dead = true;
    const p = client.load(scenario);
    const id = workers[0].received[0].id;
    const frame = (seq: number) => ({
      event: { seq, actor: 'user' as const, fn: 'do_fork' as const, what: 'w' },
      step: 0,
      change: null,
      active: null,
    });
    workers[0].send({ type: 'frames', id, frames: [frame(0), frame(1)] });
    workers[0].send({ type: 'frames', id, frames: [frame(2)] });
    workers[0].send({
      type: 'recording',
      id,
      packed: { recording: { ...packedOf().recording, frames: [frame(3)] }, packs: [] },
    });
    const rec = await p;
    expect(rec.frames.map((f) => f.event.seq)).toEqual([0, 1, 2, 3]);
  });

  it('unpacks a big recording over several turns of the event loop', async () => {
    const tree = [{ pid: 1, ppid: 0, comm: 'init' }];
    for (let pid = 2; pid <= PACK_MIN * 2; pid++) tree.push({ pid, ppid: 1, comm: `w${pid}` });
    const big = parsedScenario({ tree, steps: [{ op: 'freeze' }] });
    const expected = JSON.stringify(runSession(big));
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
    expect(JSON.stringify(await p)).toBe(expected);
    expect(turns).toBe(packed.packs.length + 1);
    expect(packed.packs.length).toBeGreaterThan(1);
    c.dispose();
  });
});
