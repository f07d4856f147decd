import type { Scenario } from '../engine/scenario/types';
import { EngineClient, type EngineClientOptions, type WorkerLike } from './client';
import type { EngineRequest, EngineResponse } from './protocol';

/** A scenario with no tasks and no steps: what client tests send when the content does not matter. */
export const EMPTY_SCENARIO: Scenario = {
  format: 'crviz-scenario/1',
  name: 't',
  variant: 'v18-28',
  tree: [],
  steps: [],
};

/**
 * For tests: a worker's listener plumbing without a worker. Subclasses decide what to answer in
 * `postMessage`; `send` delivers an answer as the worker would, `crash` fires its error event.
 */
export abstract class FakeWorkerBase implements WorkerLike {
  terminated = false;
  private readonly onMsg: ((ev: MessageEvent<unknown>) => void)[] = [];
  private readonly onErr: ((ev: ErrorEvent) => void)[] = [];

  abstract postMessage(req: EngineRequest): void;

  terminate(): void {
    this.terminated = true;
  }

  addEventListener(type: 'message' | 'error', l: (ev: never) => void): void {
    if (type === 'message') this.onMsg.push(l as (ev: MessageEvent<unknown>) => void);
    else this.onErr.push(l as (ev: ErrorEvent) => void);
  }

  send(res: EngineResponse): void {
    this.onMsg.forEach((l) => l({ data: res } as MessageEvent<unknown>));
  }

  crash(): void {
    this.onErr.forEach((l) => l({ message: 'boom', preventDefault() {} } as ErrorEvent));
  }
}

/** A client whose workers `make` creates; `workers` holds them in the order they were made. */
export function clientOnFakes<W extends WorkerLike>(
  make: () => W,
  options: Omit<EngineClientOptions, 'createWorker'>,
): { client: EngineClient; workers: W[] } {
  const workers: W[] = [];
  const client = new EngineClient({
    ...options,
    createWorker: () => {
      const w = make();
      workers.push(w);
      return w;
    },
  });
  return { client, workers };
}
