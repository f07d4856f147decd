import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Scenario } from '../engine/scenario/types';
import type { SessionRecording } from '../engine/session-types';
import { EngineClient, EngineStoppedError, type WorkerLike } from './client';
import type { EngineRequest, EngineResponse } from './protocol';

const scenario: Scenario = {
  format: 'crviz-scenario/1',
  name: 't',
  variant: 'v18-28',
  tree: [],
  steps: [],
};

function recordingOf(s: Scenario): SessionRecording {
  return {
    scenario: s,
    initial: { current: 1, containers: [], images: [], restart: null },
    frames: [],
    stepStarts: [],
    report: {},
    images: {},
  };
}

/** A fake worker that answers asynchronously, or never once `dead`. */
class FakeWorker implements WorkerLike {
  dead = false;
  terminated = false;
  received: EngineRequest[] = [];
  private onMsg: ((ev: MessageEvent<unknown>) => void)[] = [];
  private onErr: ((ev: ErrorEvent) => void)[] = [];
  postMessage(req: EngineRequest): void {
    this.received.push(req);
    if (this.dead || this.terminated) return;
    let res: EngineResponse;
    if (req.type === 'ping') res = { type: 'pong', id: req.id };
    else if (req.type === 'load')
      res = { type: 'recording', id: req.id, recording: recordingOf(req.scenario) };
    else res = { type: 'error', id: req.id, message: 'bad scenario' };
    queueMicrotask(() => this.onMsg.forEach((l) => l({ data: res } as MessageEvent<unknown>)));
  }
  terminate(): void {
    this.terminated = true;
  }
  addEventListener(type: 'message' | 'error', l: (ev: never) => void): void {
    if (type === 'message') this.onMsg.push(l as (ev: MessageEvent<unknown>) => void);
    else this.onErr.push(l as (ev: ErrorEvent) => void);
  }
  crash(): void {
    this.onErr.forEach((l) => l({ message: 'boom', preventDefault() {} } as ErrorEvent));
  }
}

describe('EngineClient', () => {
  let workers: FakeWorker[];
  let client: EngineClient;
  beforeEach(() => {
    vi.useFakeTimers();
    workers = [];
    client = new EngineClient({
      createWorker: () => {
        const w = new FakeWorker();
        workers.push(w);
        return w;
      },
      timeoutMs: 1000,
      heartbeatMs: 500,
      pingTimeoutMs: 300,
    });
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
    expect(workers[1].received[0]).toMatchObject({ type: 'load', scenario });
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
});
