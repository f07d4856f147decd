import type { ExploreResult, FoundViolation } from '../engine/explore/explore';
import type { DecodedImage } from '../engine/image/types';
import type { ReportStep } from '../engine/scenario/report';
import type { Scenario, Step, Variant } from '../engine/scenario/types';
import type { SessionProgress, SessionRecording } from '../engine/session-types';
import { EngineStoppedError } from '../worker/client';
import type { DebuggerStore } from './createDebuggerStore';
import {
  appendStep,
  cursorAfterStep,
  firstFrameOfStep,
  pickNextParticipant,
  withRestartSchedule,
} from './scenarioEdit';

/** What the session needs from the engine client. */
export interface EngineLoader {
  load(
    scenario: Scenario,
    files?: Record<string, Uint8Array>,
    onProgress?: (p: SessionProgress) => void,
  ): Promise<SessionRecording>;
  decode(bytes: Uint8Array): Promise<DecodedImage>;
  parse(text: string, source: string): Promise<Scenario>;
  explore(scenario: Scenario, variant: Variant, maxStates: number): Promise<ExploreResult>;
  cancel(): void;
}

const MAX_STATES = 200_000;

/** Where a freshly loaded recording opens (a lesson opens at its first caption). */
export type CursorFor = (recording: SessionRecording) => number;

function reportStep(recording: SessionRecording, index: number): ReportStep | undefined {
  return recording.report.steps.find((s) => s.index === index);
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** Describes a step for notices: "kill pid 3", "checkpoint". */
export function describeStep(step: Step): string {
  const pid = 'pid' in step ? ` pid ${step.pid}` : 'tracee' in step ? ` pid ${step.tracee}` : '';
  return `${step.op}${pid}`;
}

/**
 * The session of one debugger: loads scenarios and user actions through the engine and puts the
 * recordings into the store. User actions append a step and re-run the whole scenario.
 */
export class Session {
  /** Uploaded .ckpt files by path; every run gets them (load_image steps read them). */
  private files: Record<string, Uint8Array> = {};

  constructor(
    private readonly store: DebuggerStore,
    private readonly engine: EngineLoader,
  ) {}

  /** Runs and shows `scenario`, at its last frame or where `cursorFor` puts the cursor. */
  async loadScenario(scenario: Scenario, cursorFor?: CursorFor): Promise<boolean> {
    const rec = await this.run(scenario);
    if (!rec) return false;
    this.store.getState().setRecording(rec, cursorFor ? cursorFor(rec) : rec.frames.length - 1);
    return true;
  }

  /** Opens a crviz-scenario/1 file's text; a bad file gets the parser's message, nothing changes. */
  async openText(text: string, source: string, cursorFor?: CursorFor): Promise<boolean> {
    let scenario: Scenario;
    try {
      scenario = await this.engine.parse(text, source);
    } catch (err) {
      if (!(err instanceof EngineStoppedError)) {
        this.store.getState().notify('error', `${source}: ${errorText(err)}`);
      }
      return false;
    }
    const ok = await this.loadScenario(scenario, cursorFor);
    if (ok) this.store.getState().select(null);
    return ok;
  }

  /**
   * Uploads a .ckpt file: it is validated first (a bad file gets the reader's error and changes
   * nothing), then a load_image step adds it to the session's images.
   */
  async uploadImage(fileName: string, bytes: Uint8Array): Promise<boolean> {
    let decoded: DecodedImage;
    try {
      decoded = await this.engine.decode(bytes);
    } catch (err) {
      this.store.getState().notify('error', `${fileName}: ${errorText(err)}`);
      return false;
    }
    if (!decoded.ok) {
      const e = decoded.error;
      const why = e ? `${e.errno} at offset ${e.offset}: ${e.message}` : 'not a valid image';
      this.store.getState().notify('error', `${fileName}: ${why}`);
      return false;
    }
    const base = fileName.replace(/\.ckpt$/i, '').replace(/[^A-Za-z0-9_.-]/g, '_') || 'upload';
    const path = `upload/${fileName}`;
    this.files = { ...this.files, [path]: bytes };
    return this.applyStep({ op: 'load_image', image: base, path });
  }

  /** Appends `step` to the scenario, re-runs it and moves the cursor to it (cursorAfterStep). */
  async applyStep(step: Step): Promise<boolean> {
    const current = this.store.getState().recording;
    if (!current) return false;
    const rec = await this.run(appendStep(current.scenario, step));
    if (!rec) return false;
    const index = rec.scenario.steps.length - 1;
    this.store.getState().setRecording(rec, cursorAfterStep(rec, index));
    const outcome = reportStep(rec, index);
    if (outcome && !outcome.ok) {
      const why = [outcome.errno, outcome.message].filter(Boolean).join(': ');
      this.store.getState().notify('error', `${describeStep(step)} failed: ${why || 'error'}`);
    }
    return true;
  }

  /** Manual schedule: `participant` runs next at the cursor during a restart. */
  async pickNext(participant: string): Promise<boolean> {
    const { recording, cursor } = this.store.getState();
    if (!recording) return false;
    const picked = pickNextParticipant(recording, cursor, participant);
    if (!picked) return false;
    const rec = await this.run(picked.scenario);
    if (!rec) return false;
    this.store.getState().setRecording(rec, cursor + 1);
    return true;
  }

  /** Explores every interleaving of the scenario's first restart under `variant`. */
  async explore(variant: Variant): Promise<void> {
    const rec = this.store.getState().recording;
    if (!rec) return;
    this.store.getState().setExplore({ running: true, result: null });
    try {
      const result = await this.engine.explore(rec.scenario, variant, MAX_STATES);
      this.store.getState().setExplore({ running: false, result });
    } catch (err) {
      this.store.getState().setExplore({ running: false });
      if (!(err instanceof EngineStoppedError)) {
        this.store.getState().notify('error', `explore: ${errorText(err)}`);
      }
    }
  }

  /**
   * Abandons the run in progress (a large restart, say): the worker is replaced, the recording
   * on screen stays, and the step that started the run is not applied.
   */
  cancelRun(): void {
    if (!this.store.getState().busy) return;
    this.engine.cancel();
    this.store.getState().notify('info', 'Cancelled: the engine stopped; nothing changed.');
  }

  cancelExplore(): void {
    this.engine.cancel();
    this.store.getState().setExplore({ running: false });
  }

  /** Opens a violation as a steppable trace: the first restart replays its schedule. */
  async openViolation(v: FoundViolation, variant: Variant): Promise<boolean> {
    const rec = this.store.getState().recording;
    if (!rec) return false;
    const edited = withRestartSchedule(rec.scenario, v.schedule, variant);
    if (!edited) return false;
    const next = await this.run(edited.scenario);
    if (!next) return false;
    this.store.getState().setRecording(next, firstFrameOfStep(next, edited.stepIndex));
    this.store.getState().notify('info', `Replaying ${v.invariant}: ${v.message}`);
    return true;
  }

  /** A recording that arrived without a request (after the worker restarted). */
  replaceRecording(rec: SessionRecording): void {
    const { cursor } = this.store.getState();
    this.store.getState().setRecording(rec, cursor);
  }

  private async run(scenario: Scenario): Promise<SessionRecording | null> {
    const state = this.store.getState();
    state.setBusy(true);
    try {
      return await this.engine.load(scenario, this.files, (p) =>
        this.store.getState().setProgress(p),
      );
    } catch (err) {
      if (!(err instanceof EngineStoppedError))
        this.store.getState().notify('error', errorText(err));
      return null;
    } finally {
      this.store.getState().setBusy(false);
    }
  }
}
