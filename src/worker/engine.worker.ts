/// <reference lib="webworker" />
import { findPassingSchedule } from '../engine/explore/check-schedule';
import { exploreScenarioSteps } from '../engine/explore/explore';
import { importBundle } from '../engine/import/bundle';
import { importDumpInput } from '../engine/import/criu/blobs';
import { runSession } from '../engine/session';
import { parseScenario } from '../engine/scenario/parse';
import { checkImage } from '../engine/restart/image-checks';
import { rememberingParse } from './checkedScenario';
import { answer, type SliceHost } from './handler';
import { transferOf, type EngineRequest, type EngineResponse } from './protocol';

const api = {
  runSession,
  parseScenario: rememberingParse(parseScenario),
  exploreScenarioSteps,
  findPassingSchedule,
  decodeImage: checkImage,
  importBundle,
  importDumpInput,
};

const scope = self as unknown as DedicatedWorkerGlobalScope;

/** Progress messages at most this often: the page redraws its bar, not thousands of times. */
const PROGRESS_MS = 100;

/** Explore requests a `stop` has come for (the explore checks between its slices). */
const stops = new Set<number>();

const host: SliceHost = {
  now: () => performance.now(),
  // A timer task: the messages queued meanwhile (a stop) are handled before it.
  yieldToMessages: () => new Promise((resolve) => setTimeout(resolve, 0)),
  stopRequested: (id) => stops.has(id),
};

scope.addEventListener('securitypolicyviolation', (ev) => {
  // The webworker lib does not type this event for a worker's scope; Chromium fires it there.
  const e = ev as SecurityPolicyViolationEvent;
  // `long` (protobufjs's 64-bit integers, node_modules/long/index.js) compiles a tiny WebAssembly
  // module once at load and falls back to plain JS when the policy refuses it. The engine itself
  // compiles no WebAssembly, so that one refusal is expected and not said.
  if (e.blockedURI === 'wasm-eval') return;
  scope.postMessage({
    type: 'refused',
    id: 0,
    directive: e.effectiveDirective,
    blocked: e.blockedURI || 'inline',
    where: e.sourceFile ? `${e.sourceFile}:${e.lineNumber}` : '',
  } satisfies EngineResponse);
});

scope.addEventListener('message', (ev: MessageEvent<EngineRequest>) => {
  if (ev.data.type === 'stop') {
    stops.add(ev.data.target);
    scope.postMessage({
      type: 'stopping',
      id: ev.data.id,
      target: ev.data.target,
    } satisfies EngineResponse);
    return;
  }
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
    if (early.type === 'progress' || early.type === 'exploreProgress') {
      const now = performance.now();
      if (now - last < PROGRESS_MS) return;
      last = now;
    }
    scope.postMessage(early);
  };
  const req = ev.data;
  void Promise.resolve(answer(api, req, post, host)).then((res) => {
    stops.delete(req.id);
    scope.postMessage(res, transferOf(res));
  });
});
