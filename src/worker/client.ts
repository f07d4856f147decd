import type { ScheduleCheck } from '../engine/explore/check-schedule';
import type { ExploreResult } from '../engine/explore/explore';
import type { PartId } from '../engine/part-id';
import type { DecodedImage } from '../engine/image/types';
import type { Scenario, Variant } from '../engine/scenario/types';
import type { DumpInput } from '../engine/import/criu/blobs';
import type { SessionProgress, SessionRecording } from '../engine/session-types';
import {
  isAnswerTo,
  isEngineResponse,
  type AnswerTo,
  type EngineRequest,
  type EngineRequestType,
  type EngineResponse,
  type ExploreProgress,
  type RequestFields,
} from './protocol';
import { nextTurn, receiveRecording, type ReceivedRecording } from './receive';
import { fromWire, toWire, type WireScenario } from './wireScenario';

/** The part of `Worker` the client uses, so tests can pass a fake. */
export interface WorkerLike {
  postMessage(message: EngineRequest): void;
  terminate(): void;
  addEventListener(type: 'message', listener: (ev: MessageEvent<unknown>) => void): void;
  addEventListener(type: 'error', listener: (ev: ErrorEvent) => void): void;
}

export interface EngineClientOptions {
  createWorker: () => WorkerLike;
  /** How long a load may take before it counts as unanswered. */
  timeoutMs?: number;
  /** Interval of the liveness ping while idle; 0 disables it. */
  heartbeatMs?: number;
  /** How long a liveness ping may take. */
  pingTimeoutMs?: number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
  /** Resolves on a later turn of the event loop (other tasks, a frame, may run first). */
  turn?: () => Promise<void>;
}

export type EngineClientEvent =
  /** The page's security policy refused something inside the worker (refusedText). */
  | { type: 'refused'; text: string }
  | {
      type: 'restarted';
      reason: string;
      /** What the dead worker was doing or had queued, sent again to the new one. */
      replayed: EngineRequestType[];
      /** What was not sent again: it had already been replayed once and the engine died again. */
      abandoned: EngineRequestType[];
    }
  | { type: 'recording'; recording: SessionRecording };

/** A request waiting for the worker: it is sent, and timed, once the worker is free. */
interface Queued {
  type: EngineRequestType;
  fields: object;
  timeoutMs: number;
  onProgress?: (p: SessionProgress) => void;
  onExploreProgress?: (p: ExploreProgress) => void;
  resolve: (r: EngineResponse) => void;
  reject: (e: Error) => void;
  /** How many times a worker died while working on it. */
  replays?: number;
}

/** The request the worker is working on. */
interface InFlight extends Queued {
  id: number;
  timer: unknown;
}

/** How long a stopped exploration may take to answer before its worker is replaced. */
export const STOP_GRACE_MS = 3_000;

/** Rejection of requests cut off by stop(): expected, not worth a notice. */
export class EngineStoppedError extends Error {
  constructor() {
    super('the engine was stopped');
    this.name = 'EngineStoppedError';
  }
}

/** What each request was doing, for the notice after a restart. */
const DOING: Record<EngineRequestType, string> = {
  load: 'running the scenario',
  parse: 'reading a scenario',
  import: 'importing a bundle',
  importDump: 'importing a CRIU dump',
  explore: 'exploring',
  stop: '',
  decode: 'reading an image',
  passing: 'looking for a passing schedule',
  inflate: 'opening a link',
  hold: '',
  ping: '',
};

/** The notice after a restart: why, and exactly what was sent again or given up. */
/** What a CSP refusal inside the worker says on the page. */
export function refusedText(r: Extract<EngineResponse, { type: 'refused' }>): string {
  const where = r.where ? ` at ${r.where}` : '';
  return `The page’s security policy refused the engine ${r.blocked} (${r.directive})${where}; what needed it may have failed.`;
}

export function restartNotice(e: Extract<EngineClientEvent, { type: 'restarted' }>): string {
  const list = (types: EngineRequestType[]) => [...new Set(types.map((t) => DOING[t]))].join(', ');
  const parts = [`The engine stopped (${e.reason}) and was restarted`];
  if (e.replayed.length) parts.push(`what it was doing (${list(e.replayed)}) was sent again`);
  else parts.push('your scenario was kept');
  if (e.abandoned.length) parts.push(`it stopped twice ${list(e.abandoned)}, which was given up`);
  return `${parts.join('; ')}.`;
}

/**
 * Talks to the engine worker: request ids, timeouts, crash detection (worker `error` event or an
 * unanswered ping) and automatic restart that re-sends the session's current scenario.
 *
 * The worker answers one request at a time, so the client sends one at a time: the others wait
 * in `queue`, and a request's timeout runs from when it is sent, which is when the worker starts
 * it. (Timed from when it was asked for, a short request queued behind a long explore would run
 * out of time and get a healthy worker killed.)
 */
export class EngineClient {
  private worker: WorkerLike | null = null;
  private nextId = 1;
  private queue: Queued[] = [];
  private inFlight: InFlight | null = null;
  private listeners = new Set<(e: EngineClientEvent) => void>();
  /**
   * The wire form of each scenario the engine answered with, kept for when it goes back (a file
   * opened is parsed, then loaded): packing a 100,000-task tree again took 70–108 ms of the
   * page's thread. Scenarios are never changed in place, so the form stays true.
   */
  private readonly wires = new WeakMap<Scenario, WireScenario>();
  private heartbeat: unknown = null;
  /** Life locks the worker has been asked to hold: what to do once it holds each. */
  private holds = new Map<string, () => void>();
  private disposed = false;
  private readonly timeoutMs: number;
  private readonly heartbeatMs: number;
  private readonly pingTimeoutMs: number;
  private readonly setTimer: (fn: () => void, ms: number) => unknown;
  private readonly clearTimer: (handle: unknown) => void;
  private readonly turn: () => Promise<void>;
  /** The scenario of the last recording the engine produced: what a restart re-sends. */
  currentScenario: Scenario | null = null;
  /** The uploaded files that scenario reads (load_image). */
  currentFiles: Record<string, Uint8Array> | undefined = undefined;
  restarts = 0;

  constructor(private readonly options: EngineClientOptions) {
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.heartbeatMs = options.heartbeatMs ?? 2_000;
    this.pingTimeoutMs = options.pingTimeoutMs ?? 2_000;
    this.setTimer = options.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
    this.clearTimer =
      options.clearTimer ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>));
    this.turn = options.turn ?? nextTurn;
  }

  /** Starts the worker and the liveness ping (requests also start it on demand). */
  start(): void {
    if (this.worker || this.disposed) return;
    this.worker = this.spawn();
    this.watchLife(this.worker);
    this.scheduleHeartbeat();
  }

  /** Stops the worker; pending requests fail with EngineStoppedError. start() may follow. */
  stop(): void {
    if (this.heartbeat !== null) this.clearTimer(this.heartbeat);
    this.heartbeat = null;
    this.worker?.terminate();
    this.worker = null;
    this.failAll(new EngineStoppedError());
  }

  on(listener: (e: EngineClientEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async load(
    scenario: Scenario,
    files?: Record<string, Uint8Array>,
    onProgress?: (p: SessionProgress) => void,
  ): Promise<ReceivedRecording> {
    const res = await this.request(
      'load',
      { scenario: this.wire(scenario), files },
      this.timeoutMs,
      onProgress,
    );
    const recording = await receiveRecording(res.packed, scenario, this.turn);
    this.currentScenario = recording.scenario;
    this.currentFiles = files;
    return recording;
  }

  async parse(text: string, source: string): Promise<Scenario> {
    const res = await this.request('parse', { text, source }, this.timeoutMs);
    return this.unwire(res.scenario);
  }

  /** Converts a criu-tree/1 bundle into a scenario (refused bundles reject with the reason). */
  async importBundle(text: string, source: string): Promise<Scenario> {
    const res = await this.request('import', { text, source }, this.timeoutMs);
    return this.unwire(res.scenario);
  }

  /** Decodes a dropped CRIU dump (folder or archive) in the worker; progress while it reads. */
  async importDump(
    input: DumpInput,
    name: string,
    onProgress?: (p: SessionProgress) => void,
  ): Promise<Scenario> {
    const res = await this.request('importDump', { name, input }, this.timeoutMs, onProgress);
    return this.unwire(res.scenario);
  }

  /**
   * Explores every interleaving of the scenario's first restart, with progress between the
   * worker's slices; stopExplore() ends it early with what it found so far.
   */
  async explore(
    scenario: Scenario,
    variant: Variant,
    maxStates: number,
    onProgress?: (p: ExploreProgress) => void,
  ): Promise<ExploreResult> {
    const res = await this.request(
      'explore',
      { scenario: this.wire(scenario), variant, maxStates },
      Math.max(this.timeoutMs, 120_000),
      undefined,
      onProgress,
    );
    return res.result;
  }

  /** A schedule of the first restart that breaks no invariant, near `near`; null if none. */
  async passingSchedule(
    scenario: Scenario,
    variant: Variant,
    near: PartId[],
  ): Promise<ScheduleCheck | null> {
    const res = await this.request(
      'passing',
      { scenario: this.wire(scenario), variant, near },
      this.timeoutMs,
    );
    return res.check;
  }

  /**
   * Stops the exploration in progress: the worker answers it at its next slice with what it
   * found so far (`cancelled`). An exploration still queued is dropped (it rejects, stopped). A
   * worker that has not answered within STOP_GRACE_MS is replaced, as by cancel().
   */
  stopExplore(): void {
    const p = this.inFlight;
    const worker = this.worker;
    if (p?.type === 'explore' && worker) {
      worker.postMessage({ type: 'stop', id: 0, target: p.id });
      this.setTimer(() => {
        if (this.inFlight === p && this.worker === worker) this.cancel();
      }, STOP_GRACE_MS);
    }
    const dropped = this.queue.filter((q) => q.type === 'explore');
    this.queue = this.queue.filter((q) => q.type !== 'explore');
    for (const q of dropped) q.reject(new EngineStoppedError());
  }

  /** Decodes an image the way restart reads it (records, tasks, or the first error). */
  async decode(bytes: Uint8Array): Promise<DecodedImage> {
    const res = await this.request('decode', { bytes }, this.timeoutMs);
    return res.image;
  }

  /** Inflates a link's deflate-raw data in the worker, refusing it past `limit` bytes. */
  async inflate(bytes: Uint8Array, limit: number): Promise<Uint8Array> {
    const res = await this.request('inflate', { bytes, limit }, this.timeoutMs);
    return res.bytes;
  }

  /** Abandons whatever the worker is doing: a fresh worker replaces it, quietly. */
  cancel(): void {
    if (!this.worker) return;
    this.stop();
    this.start();
  }

  async ping(): Promise<void> {
    await this.request('ping', {}, this.pingTimeoutMs);
  }

  /** Kills the worker without telling anyone, as a crash would (test hook). */
  killWorker(): void {
    this.worker?.terminate();
  }

  dispose(): void {
    this.stop();
    this.disposed = true;
    this.listeners.clear();
  }

  private wire(scenario: Scenario): WireScenario {
    return this.wires.get(scenario) ?? toWire(scenario);
  }

  private unwire(wire: WireScenario): Scenario {
    const scenario = fromWire(wire);
    this.wires.set(scenario, wire);
    return scenario;
  }

  private spawn(): WorkerLike {
    const worker = this.options.createWorker();
    worker.addEventListener('message', (ev) => {
      if (worker === this.worker) this.onMessage(ev.data);
    });
    worker.addEventListener('error', (ev) => {
      ev.preventDefault?.();
      if (worker === this.worker) this.restart(`worker error: ${ev.message || 'unknown'}`);
    });
    return worker;
  }

  private onMessage(data: unknown): void {
    if (!isEngineResponse(data)) return;
    if (data.type === 'stopping') return;
    if (data.type === 'refused') {
      this.emit({ type: 'refused', text: refusedText(data) });
      return;
    }
    if (data.type === 'held') {
      this.holds.get(data.lock)?.();
      this.holds.delete(data.lock);
      return;
    }
    const p = this.inFlight;
    if (!p || p.id !== data.id) return;
    if (data.type === 'progress') {
      this.arm(p);
      p.onProgress?.(data.progress);
      return;
    }
    if (data.type === 'exploreProgress') {
      this.arm(p);
      p.onExploreProgress?.(data.progress);
      return;
    }
    this.clearTimer(p.timer);
    this.inFlight = null;
    p.resolve(data);
    this.sendNext();
  }

  /**
   * Asks the worker for `type` and gives its answer, typed by the protocol. The one error path:
   * an `error` answer, or an answer of the wrong type, rejects with its message.
   */
  private request<K extends EngineRequestType>(
    type: K,
    fields: RequestFields<K>,
    timeoutMs: number,
    onProgress?: (p: SessionProgress) => void,
    onExploreProgress?: (p: ExploreProgress) => void,
  ): Promise<AnswerTo<K>> {
    if (this.disposed) return Promise.reject(new EngineStoppedError());
    this.start();
    return new Promise<AnswerTo<K>>((resolve, reject) => {
      this.queue.push({
        type,
        fields,
        timeoutMs,
        onProgress,
        onExploreProgress,
        reject,
        resolve: (res) => {
          if (isAnswerTo(type, res)) resolve(res);
          else
            reject(new Error(res.type === 'error' ? res.message : `unexpected answer ${res.type}`));
        },
      });
      this.sendNext();
    });
  }

  /** Sends the next queued request when the worker is free; its timeout starts now. */
  private sendNext(): void {
    const worker = this.worker;
    if (this.inFlight || !worker) return;
    const next = this.queue.shift();
    if (!next) return;
    const p: InFlight = { ...next, id: this.nextId++, timer: null };
    this.inFlight = p;
    this.arm(p);
    worker.postMessage({ ...p.fields, type: p.type, id: p.id } as EngineRequest);
  }

  /** (Re-)starts `p`'s timeout: a worker that reports progress is alive, however long it takes. */
  private arm(p: InFlight): void {
    if (p.timer !== null) this.clearTimer(p.timer);
    p.timer = this.setTimer(() => {
      if (this.inFlight !== p) return;
      this.inFlight = null;
      const secs = Math.round(p.timeoutMs / 100) / 10;
      p.reject(new Error(`engine did not answer within ${secs} s`));
      this.restart(`no answer within ${secs} s`);
    }, p.timeoutMs);
  }

  private failAll(error: Error): void {
    const failed = this.inFlight ? [this.inFlight, ...this.queue] : this.queue;
    if (this.inFlight) this.clearTimer(this.inFlight.timer);
    this.inFlight = null;
    this.queue = [];
    for (const p of failed) p.reject(error);
  }

  /**
   * Replaces a dead or stuck worker. What it was working on and what was queued behind it are
   * sent again to the new worker (the worker keeps no state: a request is the whole input), once:
   * a request during which a worker died twice is given up, so an input that kills the engine
   * cannot loop. With nothing to replay, the current scenario is re-sent so the page's recording
   * comes from a live engine.
   */
  private restart(reason: string): void {
    if (this.disposed || !this.worker) return;
    this.worker.terminate();
    const cut = this.inFlight ? [this.inFlight, ...this.queue] : [...this.queue];
    if (this.inFlight) this.clearTimer(this.inFlight.timer);
    this.inFlight = null;
    this.queue = [];
    const replayed: EngineRequestType[] = [];
    const abandoned: EngineRequestType[] = [];
    for (const p of cut) {
      if ((p.replays ?? 0) >= 1) {
        abandoned.push(p.type);
        p.reject(new Error(`the engine stopped twice while working on this (${reason})`));
        continue;
      }
      if (p.type !== 'ping' && p.type !== 'hold') replayed.push(p.type);
      const { type, fields, timeoutMs, onProgress, onExploreProgress, resolve, reject } = p;
      this.queue.push({
        type,
        fields,
        timeoutMs,
        onProgress,
        onExploreProgress,
        resolve,
        reject,
        replays: 1,
      });
    }
    this.restarts++;
    this.worker = this.spawn();
    this.watchLife(this.worker);
    this.emit({ type: 'restarted', reason, replayed, abandoned });
    const scenario = this.currentScenario;
    if (replayed.length === 0 && scenario) {
      this.load(scenario, this.currentFiles).then(
        (recording) => this.emit({ type: 'recording', recording }),
        () => undefined,
      );
    }
    this.sendNext();
  }

  /**
   * Death at once, even in the middle of a long request: the worker holds a Web Lock for its
   * whole life and the page asks for the same lock, which it gets when the worker is gone. Where
   * Web Locks are missing, the `error` event, the idle ping and request timeouts remain.
   */
  private watchLife(worker: WorkerLike): void {
    const locks = (globalThis as { navigator?: { locks?: LockManager } }).navigator?.locks;
    if (!locks || typeof crypto?.randomUUID !== 'function') return;
    const lock = `crviz-engine-life-${crypto.randomUUID()}`;
    this.holds.set(lock, () => {
      void locks.request(lock, () => {
        if (worker === this.worker) this.restart('the engine worker died');
      });
    });
    worker.postMessage({ type: 'hold', id: 0, lock });
  }

  private scheduleHeartbeat(): void {
    if (this.heartbeatMs <= 0 || this.disposed || this.heartbeat !== null) return;
    this.heartbeat = this.setTimer(() => {
      this.heartbeat = null;
      if (!this.worker) return;
      // A busy worker is not pinged: the request's own timeout covers it.
      const idle = this.inFlight === null && this.queue.length === 0;
      const beat = idle ? this.ping().catch(() => undefined) : Promise.resolve();
      void beat.finally(() => this.scheduleHeartbeat());
    }, this.heartbeatMs);
  }

  private emit(e: EngineClientEvent): void {
    for (const l of this.listeners) l(e);
  }
}
