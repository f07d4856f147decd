import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ExploreResult } from '../engine/explore/explore';
import type { EngineClient } from './client';
import { clientOnFakes, EMPTY_SCENARIO, FakeWorkerBase } from './fakeWorker';
import type { EngineRequest, EngineResponse } from './protocol';
import { toWire } from './wireScenario';

const scenario = EMPTY_SCENARIO;

const explored: ExploreResult = {
  variant: 'v18-28',
  states: 1,
  schedules: 1,
  complete: true,
  violations: [],
} as unknown as ExploreResult;

/**
 * A worker like the real one: it handles one message at a time, each taking `cost[type]` ms of
 * (fake) time from when it starts it; messages that arrive meanwhile wait their turn.
 */
class SerialWorker extends FakeWorkerBase {
  /** When each request was started, in ms of fake time. */
  started: { type: string; at: number }[] = [];
  private inbox: EngineRequest[] = [];
  private busy = false;
  constructor(private readonly cost: Partial<Record<EngineRequest['type'], number>>) {
    super();
  }
  postMessage(req: EngineRequest): void {
    this.inbox.push(req);
    this.next();
  }
  private next(): void {
    if (this.busy || this.terminated) return;
    const req = this.inbox.shift();
    if (!req) return;
    this.busy = true;
    this.started.push({ type: req.type, at: Date.now() });
    setTimeout(() => {
      this.busy = false;
      if (this.terminated) return;
      this.send(this.answer(req));
      this.next();
    }, this.cost[req.type] ?? 0);
  }
  private answer(req: EngineRequest): EngineResponse {
    switch (req.type) {
      case 'explore':
        return { type: 'explored', id: req.id, result: explored };
      case 'parse':
        return { type: 'scenario', id: req.id, scenario: toWire(scenario) };
      case 'ping':
        return { type: 'pong', id: req.id };
      default:
        return { type: 'error', id: req.id, message: `not scripted: ${req.type}` };
    }
  }
}

describe('EngineClient with a worker that answers one request at a time', () => {
  let workers: SerialWorker[];
  let client: EngineClient;
  beforeEach(() => {
    vi.useFakeTimers();
    ({ client, workers } = clientOnFakes(() => new SerialWorker({ explore: 60_000, parse: 10 }), {
      timeoutMs: 30_000,
      heartbeatMs: 2_000,
      pingTimeoutMs: 2_000,
    }));
    client.start();
  });
  afterEach(() => {
    client.dispose();
    vi.useRealTimers();
  });

  it('times a short request queued behind a long explore from when the worker starts it', async () => {
    const exploring = client.explore(scenario, 'v18-28', 1000);
    // Opening a file while the explorer runs: its 30 s must not run out during the 60 s explore.
    const parsing = client.parse('{}', 'x.json');
    const restarted = vi.fn();
    client.on((e) => e.type === 'restarted' && restarted());
    const explores = expect(exploring).resolves.toMatchObject({ complete: true });
    const parses = expect(parsing).resolves.toMatchObject({ name: 't' });
    await vi.advanceTimersByTimeAsync(60_100);
    await explores;
    await parses;
    expect(restarted).not.toHaveBeenCalled();
    expect(workers).toHaveLength(1);
    expect(workers[0].started.map((s) => s.type)).toEqual(['explore', 'parse']);
  });

  it('does not ping a worker that is busy with a long request', async () => {
    const exploring = client.explore(scenario, 'v18-28', 1000);
    await vi.advanceTimersByTimeAsync(60_100);
    await expect(exploring).resolves.toMatchObject({ complete: true });
    expect(workers).toHaveLength(1);
    expect(workers[0].started[0].type).toBe('explore');
  });
});
