import { errorText } from '../engine/error-text';
import type { ScheduleCheck } from '../engine/explore/check-schedule';
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
  exploreScenario(
    scenario: Scenario,
    opts: { variant?: Variant; maxStates?: number },
  ): { json: ExploreResult; violated: boolean } | { unsupported: string };
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

/** About 20 ms of deserialization on the page per message. */
export const FRAMES_PER_MESSAGE = 1500;

/** Scenario text checked by the parser, answered as a scenario or the parser's message. */
function scenarioAnswer(api: EngineApi, id: number, text: string, source: string): EngineResponse {
  const parsed = api.parseScenario(text, source);
  return parsed.ok
    ? { type: 'scenario', id, scenario: toWire(parsed.scenario) }
    : { type: 'error', id, message: parsed.message };
}

/**
 * Answers one request. Engine exceptions become error responses, never a dead worker. `post`
 * receives the messages sent before the answer: progress while a load runs, then its frames
 * in slices when there are many.
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
        // Each message is deserialized in one go on the page: long timelines go in slices.
        const frames = packed.recording.frames;
        if (frames.length > FRAMES_PER_MESSAGE) {
          for (let i = 0; i < frames.length; i += FRAMES_PER_MESSAGE) {
            post({ type: 'frames', id: req.id, frames: frames.slice(i, i + FRAMES_PER_MESSAGE) });
          }
          packed.recording.frames = [];
        }
        return { type: 'recording', id: req.id, packed };
      }
      case 'explore': {
        const r = api.exploreScenario(fromWire(req.scenario), {
          variant: req.variant,
          maxStates: req.maxStates,
        });
        return 'unsupported' in r
          ? { type: 'error', id: req.id, message: r.unsupported }
          : { type: 'explored', id: req.id, result: r.json };
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
 * Any request but `hold` (which needs the worker's own lock manager, engine.worker.ts): the
 * answer now, or once its Blobs have been read or its bytes inflated.
 */
export function answer(
  api: EngineApi,
  req: Exclude<EngineRequest, { type: 'hold' }>,
  post: (early: EngineResponse) => void,
): EngineResponse | Promise<EngineResponse> {
  if (req.type === 'importDump') return handleImportDump(api, req, post);
  if (req.type === 'inflate') return inflateRequest(req);
  return handleRequest(api, req, post);
}
