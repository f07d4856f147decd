import type { ScheduleCheck } from '../engine/explore/check-schedule';
import type { ExploreResult } from '../engine/explore/explore';
import type { PartId } from '../engine/part-id';
import type { ExploreProgress } from '../engine/explore/tick';
import type { DecodedImage } from '../engine/image/types';
import type { DumpInput } from '../engine/import/criu/blobs';
import type { Variant } from '../engine/scenario/types';
import type { SessionProgress } from '../engine/session-types';
import { packedTransfer, type PackedRecording } from './pack';
import type { WireScenario } from './wireScenario';

/**
 * The typed message protocol between the UI thread and the engine worker. Every request carries
 * an id; every response answers exactly one request id.
 */
export type EngineRequest =
  | {
      type: 'load';
      id: number;
      scenario: WireScenario;
      /** Uploaded files by path, read by `load_image` steps. */
      files?: Record<string, Uint8Array>;
    }
  | { type: 'parse'; id: number; text: string; source: string }
  /** A criu-tree/1 bundle's text, converted into a scenario (answered with `scenario`). */
  | { type: 'import'; id: number; text: string; source: string }
  /**
   * A CRIU dump as it was dropped or picked: a folder's files (with their paths) or one
   * checkpoint archive. Decoded in the worker (src/engine/import/criu), with `progress` messages
   * (op "import", bytes read of the total) while it reads; answered with `scenario`.
   */
  | { type: 'importDump'; id: number; name: string; input: DumpInput }
  /**
   * Explores the scenario's first restart. The worker runs the search in slices that let other
   * messages in (a `stop`), sends `exploreProgress` between them, and answers with `explored`:
   * the whole search, or what it found until it was stopped (`cancelled`).
   */
  | { type: 'explore'; id: number; scenario: WireScenario; variant: Variant; maxStates: number }
  /**
   * Stops the explore request `target` at its next slice (sent past the client's queue, as the
   * worker is busy with that request); answered with `stopping`, the explore with its partial result.
   */
  | { type: 'stop'; id: number; target: number }
  | { type: 'decode'; id: number; bytes: Uint8Array }
  /** A schedule of the first restart that breaks no invariant, near `near` (a counterexample's). */
  | { type: 'passing'; id: number; scenario: WireScenario; variant: Variant; near: PartId[] }
  /** deflate-raw data of a link, inflated off the page's thread, refused past `limit` bytes. */
  | { type: 'inflate'; id: number; bytes: Uint8Array; limit: number }
  /**
   * Take the Web Lock `lock` for the worker's whole life: the page asks for it too, and is
   * granted it the moment the worker dies, busy or not (answered with `held`).
   */
  | { type: 'hold'; id: number; lock: string }
  | { type: 'ping'; id: number };

export type EngineResponse =
  /**
   * A load's answer: the compact recording's columns (pack.ts), their buffers in the transfer
   * list (`transferOf`); the client wraps them.
   */
  | { type: 'recording'; id: number; packed: PackedRecording }
  /** Sent while a load runs (zero or more times before its answer); answers nothing itself. */
  | { type: 'progress'; id: number; progress: SessionProgress }
  | { type: 'scenario'; id: number; scenario: WireScenario }
  | { type: 'error'; id: number; message: string }
  | { type: 'explored'; id: number; result: ExploreResult }
  /** Sent between the slices of an explore (answers nothing itself). */
  | { type: 'exploreProgress'; id: number; progress: ExploreProgress }
  | { type: 'stopping'; id: number; target: number }
  | { type: 'decoded'; id: number; image: DecodedImage }
  /** The passing schedule found, or null when none was. */
  | { type: 'passed'; id: number; check: ScheduleCheck | null }
  | { type: 'inflated'; id: number; bytes: Uint8Array }
  | { type: 'held'; id: number; lock: string }
  | { type: 'pong'; id: number }
  /**
   * The page's Content-Security-Policy refused something inside the worker (an eval, a fetch):
   * unasked (id 0), so that it is said on the page instead of failing without a word there.
   */
  | { type: 'refused'; id: 0; directive: string; blocked: string; where: string };

export type EngineRequestType = EngineRequest['type'];

export type { ExploreProgress };

/** The answer each request gets when it succeeds (any request may also get `error`). */
export const RESPONSE_FOR = {
  load: 'recording',
  parse: 'scenario',
  import: 'scenario',
  importDump: 'scenario',
  explore: 'explored',
  stop: 'stopping',
  decode: 'decoded',
  passing: 'passed',
  inflate: 'inflated',
  hold: 'held',
  ping: 'pong',
} as const satisfies Record<EngineRequestType, EngineResponse['type']>;

export type ResponseFor = typeof RESPONSE_FOR;

/** The request of type `K`. */
export type RequestOf<K extends EngineRequestType> = Extract<EngineRequest, { type: K }>;

/** What the page fills in for a request of type `K` (the client adds type and id). */
export type RequestFields<K extends EngineRequestType> = Omit<RequestOf<K>, 'id' | 'type'>;

/** The successful answer to a request of type `K`. */
export type AnswerTo<K extends EngineRequestType> = Extract<
  EngineResponse,
  { type: ResponseFor[K] }
>;

/** Whether `res` is the successful answer to a request of type `kind`. */
export function isAnswerTo<K extends EngineRequestType>(
  kind: K,
  res: EngineResponse,
): res is AnswerTo<K> {
  return res.type === RESPONSE_FOR[kind];
}

/**
 * Requests answered at once by handleRequest; `importDump` reads Blobs, `inflate` streams
 * through DecompressionStream and `explore` runs in slices, all answered later; `hold` and
 * `stop` are the worker's own (engine.worker.ts).
 */
export type SyncRequest = Exclude<
  EngineRequest,
  { type: 'importDump' | 'inflate' | 'explore' | 'hold' | 'stop' }
>;

export function isEngineResponse(value: unknown): value is EngineResponse {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as { type?: unknown; id?: unknown };
  return (
    typeof v.id === 'number' &&
    (v.type === 'recording' ||
      v.type === 'progress' ||
      v.type === 'scenario' ||
      v.type === 'explored' ||
      v.type === 'exploreProgress' ||
      v.type === 'stopping' ||
      v.type === 'decoded' ||
      v.type === 'passed' ||
      v.type === 'inflated' ||
      v.type === 'held' ||
      v.type === 'error' ||
      v.type === 'pong' ||
      v.type === 'refused')
  );
}

/** What postMessage moves instead of copying for `res`: a recording's column buffers. */
export function transferOf(res: EngineResponse): Transferable[] {
  return res.type === 'recording' ? packedTransfer(res.packed) : [];
}
