/// <reference lib="webworker" />
import { exploreScenario } from '../engine/explore/explore';
import { importBundle } from '../engine/import/bundle';
import { importDumpInput } from '../engine/import/criu/blobs';
import { runSession } from '../engine/session';
import { parseScenario } from '../engine/scenario/parse';
import { checkImage } from '../engine/restart/image-checks';
import { answer } from './handler';
import type { EngineRequest, EngineResponse } from './protocol';

const api = {
  runSession,
  parseScenario,
  exploreScenario,
  decodeImage: checkImage,
  importBundle,
  importDumpInput,
};

const scope = self as unknown as DedicatedWorkerGlobalScope;

/** Progress messages at most this often: the page redraws its bar, not thousands of times. */
const PROGRESS_MS = 100;

scope.addEventListener('message', (ev: MessageEvent<EngineRequest>) => {
  if (ev.data.type === 'hold') {
    // Held until the worker dies: the page's request for the same lock is its death notice.
    const { id, lock } = ev.data;
    void navigator.locks.request(lock, () => {
      scope.postMessage({ type: 'held', id, lock } satisfies EngineResponse);
      return new Promise<never>(() => undefined);
    });
    return;
  }
  let last = performance.now();
  const post = (early: EngineResponse) => {
    if (early.type === 'progress') {
      const now = performance.now();
      if (now - last < PROGRESS_MS) return;
      last = now;
    }
    scope.postMessage(early);
  };
  void Promise.resolve(answer(api, ev.data, post)).then((res) => scope.postMessage(res));
});
