/// <reference lib="webworker" />
import { exploreScenario } from '../engine/explore/explore';
import { decodeImage } from '../engine/image/decode';
import { importBundle } from '../engine/import/bundle';
import { importDumpInput } from '../engine/import/criu/blobs';
import { runSession } from '../engine/session';
import { parseScenario } from '../engine/scenario/parse';
import { answer } from './handler';
import type { EngineRequest, EngineResponse } from './protocol';

const api = {
  runSession,
  parseScenario,
  exploreScenario,
  decodeImage,
  importBundle,
  importDumpInput,
};

const scope = self as unknown as DedicatedWorkerGlobalScope;

/** Progress messages at most this often: the page redraws its bar, not thousands of times. */
const PROGRESS_MS = 100;

scope.addEventListener('message', (ev: MessageEvent<EngineRequest>) => {
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
