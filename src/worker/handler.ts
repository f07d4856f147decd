import { errorText } from '../engine/error-text';
import type { ScheduleCheck } from '../engine/explore/check-schedule';
import type { ExploreTick } from '../engine/explore/tick';
import type { ExploreResult } from '../engine/explore/explore';
import type { PartId } from '../engine/part-id';
import type { DecodedImage } from '../engine/image/types';
import type { Scenario, Variant } from '../engine/scenario/types';
import type { SessionProgress, SessionRecording } from '../engine/session-types';
import { inflateCapped } from '../engine/inflate';
import { packRecording } from './pack';
import { fromWire, toWire } from './wireScenario';
import type { DumpInput } from '../engine/import/criu/blobs';
import type { EngineRequest, EngineResponse, SyncRequest } from './protocol';

/** The engine functions the worker needs; injected so the handler is testable without a worker. */
export interface EngineApi {
  runSession(
    scenario: Scenario,
    readFile?: (path: string) => Uint8Array | null,
    onProgress?: (p: SessionProgress) => void,
  ): SessionRecording;
  parseScenario(
    text: string,
    source: string,
  ): { ok: true; scenario: Scenario } | { ok: false; message: string };
  decodeImage(bytes: Uint8Array): DecodedImage;
  /** The explorer as a generator (explore/explore.ts): ticks between slices, true stops it. */
  exploreScenarioSteps(
    scenario: Scenario,
    opts: { variant?: Variant; maxStates?: number },
  ): Generator<
    ExploreTick,
    { json: ExploreResult; violated: boolean } | { unsupported: string },
    boolean | undefined
  >;
  findPassingSchedule(
    scenario: Scenario,
    variant: Variant,
    near: readonly PartId[],
  ): ScheduleCheck | null | { unsupported: string };
  /** criu-tree/1 bundle → crviz-scenario/1 JSON text (src/engine/import). */
  importBundle?(
    text: string,
    source: string,
  ): { ok: true; json: string } | { ok: false; message: string };
  /** A CRIU dump folder or archive → crviz-scenario/1 JSON text (src/engine/import/criu). */
  importDumpInput?(
    input: DumpInput,
    name: string,
    onProgress?: (p: { read: number; total: number }) => void,
  ): Promise<{ ok: true; json: string } | { ok: false; message: string }>;
}

/** Scenario text checked by the parser, answered as a scenario or the parser's message. */
function scenarioAnswer(api: EngineApi, id: number, text: string, source: string): EngineResponse {
  const parsed = api.parseScenario(text, source);
  return parsed.ok
    ? { type: 'scenario', id, scenario: toWire(parsed.scenario) }
    : { type: 'error', id, message: parsed.message };
}

/**
 * Answers one request. Engine exceptions become error responses, never a dead worker. `post`
 * receives the messages sent before the answer: progress while a load runs.
 */
export function handleRequest(
  api: EngineApi,
  req: SyncRequest,
  post: (early: EngineResponse) => void = () => undefined,
): EngineResponse {
  try {
    switch (req.type) {
      case 'ping':
        return { type: 'pong', id: req.id };
      case 'load': {
        // Re-validate through the parser: the engine only runs scenarios it has checked.
        const scenario = fromWire(req.scenario);
        const sent = JSON.stringify(scenario);
        const parsed = api.parseScenario(sent, scenario.name);
        if (!parsed.ok) return { type: 'error', id: req.id, message: parsed.message };
        const files = req.files ?? {};
        const readFile = (path: string) => files[path.replace(/^(\.\/)+/, '')] ?? null;
        const packed = packRecording(
          api.runSession(parsed.scenario, readFile, (progress) =>
            post({ type: 'progress', id: req.id, progress }),
          ),
          sent,
        );
        return { type: 'recording', id: req.id, packed };
      }
      case 'passing': {
        const r = api.findPassingSchedule(fromWire(req.scenario), req.variant, req.near);
        return r && 'unsupported' in r
          ? { type: 'error', id: req.id, message: r.unsupported }
          : { type: 'passed', id: req.id, check: r };
      }
      case 'decode':
        return { type: 'decoded', id: req.id, image: api.decodeImage(req.bytes) };
      case 'import': {
        if (!api.importBundle) return { type: 'error', id: req.id, message: 'import unsupported' };
        const imported = api.importBundle(req.text, req.source);
        if (!imported.ok) return { type: 'error', id: req.id, message: imported.message };
        return scenarioAnswer(api, req.id, imported.json, req.source);
      }
      case 'parse':
        return scenarioAnswer(api, req.id, req.text, req.source);
    }
  } catch (err) {
    return { type: 'error', id: req.id, message: `engine failure: ${errorText(err)}` };
  }
}

/** What the worker gives an explore: its clock, a way to let messages in, and the stop requests. */
export interface SliceHost {
  now(): number;
  /** Resolves once the messages that arrived meanwhile (a `stop`) have been handled. */
  yieldToMessages(): Promise<void>;
  /** Whether a `stop` for this request id has come. */
  stopRequested(id: number): boolean;
}

/** No clock: an explore runs to its end in one slice (tests, and hosts without messages). */
export const IN_ONE_GO: SliceHost = {
  now: () => 0,
  yieldToMessages: () => Promise.resolve(),
  stopRequested: () => false,
};

/** How long the worker explores before it lets messages in and reports progress. */
export const SLICE_MS = 50;

/**
 * Answers an `explore`: the search runs in slices of about SLICE_MS, with an `exploreProgress`
 * after each and the messages that came meanwhile handled in between, so a `stop` gets in; a
 * stopped search answers with what it found so far (`cancelled`, `complete` false).
 */
export async function exploreRequest(
  api: EngineApi,
  req: Extract<EngineRequest, { type: 'explore' }>,
  post: (early: EngineResponse) => void,
  host: SliceHost,
): Promise<EngineResponse> {
  try {
    const gen = api.exploreScenarioSteps(fromWire(req.scenario), {
      variant: req.variant,
      maxStates: req.maxStates,
    });
    const t0 = host.now();
    let r = gen.next();
    let sliceStart = t0;
    while (!r.done) {
      const t = host.now();
      if (t - sliceStart >= SLICE_MS) {
        const elapsedMs = t - t0;
        const { states, depth, violated } = r.value;
        const statesPerSecond = elapsedMs > 0 ? Math.round((states * 1000) / elapsedMs) : 0;
        post({
          type: 'exploreProgress',
          id: req.id,
          progress: { states, depth, elapsedMs, statesPerSecond, violated: [...violated] },
        });
        await host.yieldToMessages();
        sliceStart = host.now();
      }
      r = gen.next(host.stopRequested(req.id));
    }
    const done = r.value;
    return 'unsupported' in done
      ? { type: 'error', id: req.id, message: done.unsupported }
      : { type: 'explored', id: req.id, result: done.json };
  } catch (err) {
    return { type: 'error', id: req.id, message: `engine failure: ${errorText(err)}` };
  }
}

/** Answers an `inflate` request: the inflated bytes, or why not (damaged, over the limit). */
export async function inflateRequest(
  req: Extract<EngineRequest, { type: 'inflate' }>,
): Promise<EngineResponse> {
  try {
    return { type: 'inflated', id: req.id, bytes: await inflateCapped(req.bytes, req.limit) };
  } catch (err) {
    return { type: 'error', id: req.id, message: errorText(err) };
  }
}

/**
 * Answers an `importDump`: the dump's files are Blobs, read asynchronously, so this one request
 * is answered by a promise. Progress goes out as `progress` messages with op "import".
 */
export async function handleImportDump(
  api: EngineApi,
  req: Extract<EngineRequest, { type: 'importDump' }>,
  post: (early: EngineResponse) => void = () => undefined,
): Promise<EngineResponse> {
  try {
    if (!api.importDumpInput) return { type: 'error', id: req.id, message: 'import unsupported' };
    const imported = await api.importDumpInput(req.input, req.name, ({ read, total }) =>
      post({
        type: 'progress',
        id: req.id,
        progress: { step: 0, steps: 1, op: 'import', done: read, total, events: 0 },
      }),
    );
    if (!imported.ok)
      return { type: 'error', id: req.id, message: `${req.name}: ${imported.message}` };
    return scenarioAnswer(api, req.id, imported.json, req.name);
  } catch (err) {
    return { type: 'error', id: req.id, message: `engine failure: ${errorText(err)}` };
  }
}

/**
 * Any request but `hold` and `stop` (the worker's own, engine.worker.ts): the answer now, or
 * once its Blobs have been read, its bytes inflated or its exploration run.
 */
export function answer(
  api: EngineApi,
  req: Exclude<EngineRequest, { type: 'hold' | 'stop' }>,
  post: (early: EngineResponse) => void,
  host: SliceHost = IN_ONE_GO,
): EngineResponse | Promise<EngineResponse> {
  if (req.type === 'importDump') return handleImportDump(api, req, post);
  if (req.type === 'explore') return exploreRequest(api, req, post, host);
  if (req.type === 'inflate') return inflateRequest(req);
  return handleRequest(api, req, post);
}
