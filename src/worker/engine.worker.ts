/// <reference lib="webworker" />
import { exploreScenario } from '../engine/explore/explore';
import { decodeImage } from '../engine/image/decode';
import { importBundle } from '../engine/import/bundle';
import { runSession } from '../engine/session';
import { parseScenario } from '../engine/scenario/parse';
import { handleRequest } from './handler';
import type { EngineRequest } from './protocol';

const api = { runSession, parseScenario, exploreScenario, decodeImage, importBundle };

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.addEventListener('message', (ev: MessageEvent<EngineRequest>) => {
  scope.postMessage(handleRequest(api, ev.data));
});
