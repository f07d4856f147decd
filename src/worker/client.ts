import type { ExploreResult } from '../engine/explore/explore';
import type { DecodedImage } from '../engine/image/types';
import type { Scenario, Variant } from '../engine/scenario/types';
import type { DumpInput } from '../engine/import/criu/blobs';
import type { SessionProgress, SessionRecording } from '../engine/session-types';
import type { Frame } from '../engine/snapshot';
import {
  isEngineResponse,
  type EngineRequest,
  type EngineResponse,
  type RequestBody,
} from './protocol';
import { nextTurn, receiveRecording } from './receive';
import { fromWire, toWire } from './wireScenario';

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
  { type: 'restarted'; reason: string } | { type: 'recording'; recording: SessionRecording };

interface Pending {
  resolve: (r: EngineResponse) => void;
  reject: (e: Error) => void;
  timer: unknown;
  onProgress?: (p: SessionProgress) => void;
  /** Re-arms the timeout: a worker that reports progress is alive, however long it takes. */
  rearm: () => void;
  /** Frames that came ahead of the answer, in slices. */
  frames: Frame[][];
}

/** Rejection of requests cut off by stop(): expected, not worth a notice. */
export class EngineStoppedError extends Error {
  constructor() {
    super('the engine was stopped');
    this.name = 'EngineStoppedError';
  }
}

export const RESTART_NOTICE = 'The engine stopped and was restarted; your scenario was kept.';

/**
 * Talks to the engine worker: request ids, timeouts, crash detection (worker `error` event or an
 * unanswered ping) and automatic restart that re-sends the session's current scenario.
 */
export class EngineClient {
  private worker: WorkerLike | null = null;
  private nextId = 1;
  private pending = new Map<number, Pending>();
  private listeners = new Set<(e: EngineClientEvent) => void>();
  private heartbeat: unknown = null;
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
  ): Promise<SessionRecording> {
    const res = await this.request(
      { type: 'load', scenario: toWire(scenario), files },
      this.timeoutMs,
      onProgress,
    );
    if (res.type === 'recording') {
      const recording = await receiveRecording(res.packed, scenario, this.turn);
      this.currentScenario = recording.scenario;
      this.currentFiles = files;
      return recording;
    }
    throw new Error(res.type === 'error' ? res.message : `unexpected answer ${res.type}`);
  }

  async parse(text: string, source: string): Promise<Scenario> {
    const res = await this.request({ type: 'parse', text, source }, this.timeoutMs);
    if (res.type === 'scenario') return fromWire(res.scenario);
    throw new Error(res.type === 'error' ? res.message : `unexpected answer ${res.type}`);
  }

  /** Converts a criu-tree/1 bundle into a scenario (refused bundles reject with the reason). */
  async importBundle(text: string, source: string): Promise<Scenario> {
    const res = await this.request({ type: 'import', text, source }, this.timeoutMs);
    if (res.type === 'scenario') return fromWire(res.scenario);
    throw new Error(res.type === 'error' ? res.message : `unexpected answer ${res.type}`);
  }

  /** Decodes a dropped CRIU dump (folder or archive) in the worker; progress while it reads. */
  async importDump(
    input: DumpInput,
    name: string,
    onProgress?: (p: SessionProgress) => void,
  ): Promise<Scenario> {
    const res = await this.request({ type: 'importDump', name, input }, this.timeoutMs, onProgress);
    if (res.type === 'scenario') return fromWire(res.scenario);
    throw new Error(res.type === 'error' ? res.message : `unexpected answer ${res.type}`);
  }

  /** Explores every interleaving of the scenario's first restart (can take long: see cancel). */
  async explore(scenario: Scenario, variant: Variant, maxStates: number): Promise<ExploreResult> {
    const res = await this.request(
      { type: 'explore', scenario: toWire(scenario), variant, maxStates },
      Math.max(this.timeoutMs, 120_000),
    );
    if (res.type === 'explored') return res.result;
    throw new Error(res.type === 'error' ? res.message : `unexpected answer ${res.type}`);
  }

  /** Decodes an image the way restart reads it (records, tasks, or the first error). */
  async decode(bytes: Uint8Array): Promise<DecodedImage> {
    const res = await this.request({ type: 'decode', bytes }, this.timeoutMs);
    if (res.type === 'decoded') return res.image;
    throw new Error(res.type === 'error' ? res.message : `unexpected answer ${res.type}`);
  }

  /** Abandons whatever the worker is doing: a fresh worker replaces it, quietly. */
  cancel(): void {
    if (!this.worker) return;
    this.stop();
    this.start();
  }

  async ping(): Promise<void> {
    await this.request({ type: 'ping' }, this.pingTimeoutMs);
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
    const p = this.pending.get(data.id);
    if (!p) return;
    if (data.type === 'progress') {
      p.rearm();
      p.onProgress?.(data.progress);
      return;
    }
    if (data.type === 'frames') {
      p.rearm();
      p.frames.push(data.frames);
      return;
    }
    if (data.type === 'recording' && p.frames.length) {
      data.packed.recording.frames = p.frames.flat().concat(data.packed.recording.frames);
    }
    this.pending.delete(data.id);
    this.clearTimer(p.timer);
    p.resolve(data);
  }

  private request(
    body: RequestBody,
    timeoutMs: number,
    onProgress?: (p: SessionProgress) => void,
  ): Promise<EngineResponse> {
    if (this.disposed) return Promise.reject(new EngineStoppedError());
    this.start();
    const worker = this.worker!;
    const id = this.nextId++;
    return new Promise<EngineResponse>((resolve, reject) => {
      const expire = () => {
        if (!this.pending.delete(id)) return;
        const secs = Math.round(timeoutMs / 100) / 10;
        reject(new Error(`engine did not answer within ${secs} s`));
        this.restart(`no answer within ${secs} s`);
      };
      const entry: Pending = {
        resolve,
        reject,
        timer: this.setTimer(expire, timeoutMs),
        onProgress,
        frames: [],
        rearm: () => {
          this.clearTimer(entry.timer);
          entry.timer = this.setTimer(expire, timeoutMs);
        },
      };
      this.pending.set(id, entry);
      worker.postMessage({ ...body, id } as EngineRequest);
    });
  }

  private failAll(error: Error): void {
    for (const [, p] of this.pending) {
      this.clearTimer(p.timer);
      p.reject(error);
    }
    this.pending.clear();
  }

  /** Replaces a dead or stuck worker and re-sends the current scenario so nothing is lost. */
  private restart(reason: string): void {
    if (this.disposed || !this.worker) return;
    this.worker.terminate();
    this.failAll(new Error(`the engine stopped (${reason})`));
    this.restarts++;
    this.worker = this.spawn();
    this.emit({ type: 'restarted', reason });
    const scenario = this.currentScenario;
    if (scenario) {
      this.load(scenario, this.currentFiles).then(
        (recording) => this.emit({ type: 'recording', recording }),
        () => undefined,
      );
    }
  }

  private scheduleHeartbeat(): void {
    if (this.heartbeatMs <= 0 || this.disposed || this.heartbeat !== null) return;
    this.heartbeat = this.setTimer(() => {
      this.heartbeat = null;
      if (!this.worker) return;
      // A busy worker is not pinged: the load's own timeout covers it.
      const beat = this.pending.size === 0 ? this.ping().catch(() => undefined) : Promise.resolve();
      void beat.finally(() => this.scheduleHeartbeat());
    }, this.heartbeatMs);
  }

  private emit(e: EngineClientEvent): void {
    for (const l of this.listeners) l(e);
  }
}
