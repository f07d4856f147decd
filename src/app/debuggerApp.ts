import { describeValue } from '../engine/quote';
import { validSchedule, validVariant } from './moment';
import type { FoundViolation } from '../engine/explore/explore';
import type { DecodedImage } from '../engine/image/types';
import type { DumpInput } from '../engine/import/criu/blobs';
import type { ReportStep } from '../engine/scenario/report';
import type { Scenario, Step, Variant } from '../engine/scenario/types';
import type { SessionRecording } from '../engine/session-types';
import type { DebuggerStore } from '../store/createDebuggerStore';
import {
  appendStep,
  cursorAfterStep,
  firstFrameOfStep,
  pickNextParticipant,
  withRestartSchedule,
} from '../store/scenarioEdit';
import type { Busy } from '../store/types';
import { afterEdit, NO_HISTORY, redoFrom, undoFrom } from '../store/history';
import { landed } from '../store/cursorSeek';
import { withRestartVariant } from '../store/stale';
import { breakFrame, describeViolation, divergeIndex } from '../store/violation';
import { noticeStep } from '../store/stepResult';
import { freeName, uploadName } from '../store/imageNames';
import { EngineStoppedError } from '../worker/client';
import type { ReceivedRecording } from '../worker/receive';
import type { EngineLoader } from './engine';
import type { Moment } from './moment';
import { errorText } from '../engine/error-text';
import type { PartId } from '../engine/part-id';
import type { Lesson } from '../engine/lesson/types';
import { lessonOfMoment } from './momentLesson';

const MAX_STATES = 200_000;

const RESET_NOTICE = 'Reset to the default scenario. Undo (Ctrl+Z) brings your steps back.';

/** Where a freshly loaded recording opens (a lesson opens at its first caption). */
export type CursorFor = (recording: SessionRecording) => number;

function reportStep(recording: SessionRecording, index: number): ReportStep | undefined {
  return recording.report.steps.find((s) => s.index === index);
}

/** Describes a step for notices: "kill pid 3", "checkpoint". */
export function describeStep(step: Step): string {
  const pid = 'pid' in step ? ` pid ${step.pid}` : 'tracee' in step ? ` pid ${step.tracee}` : '';
  return `${step.op}${pid}`;
}

export interface DebuggerAppOptions {
  /** The built-in lesson named `id` (the catalog belongs to the UI), for links that name one. */
  builtInLesson?: (id: string) => Lesson | undefined;
}

/**
 * The application service of one debugger, between the UI and the engine: it loads, parses and
 * imports scenarios, runs user actions, explores, restores moments, and puts what comes back
 * into the store. User actions append a step and re-run the whole scenario (the engine is
 * deterministic, so earlier frames come back identical).
 */
export class DebuggerApp {
  /** Uploaded .ckpt files by path; every run gets them (load_image steps read them). */
  private files: Record<string, Uint8Array> = {};
  /** The runs in flight, oldest first: the store's `busy` is the newest one's kind. */
  private runs: { kind: Exclude<Busy, null> }[] = [];
  private readonly builtInLesson: (id: string) => Lesson | undefined;

  constructor(
    private readonly store: DebuggerStore,
    private readonly engine: EngineLoader,
    options: DebuggerAppOptions = {},
  ) {
    this.builtInLesson = options.builtInLesson ?? (() => undefined);
  }

  /** Runs and shows `scenario`, at its last frame or where `cursorFor` puts the cursor. */
  async loadScenario(scenario: Scenario, cursorFor?: CursorFor): Promise<boolean> {
    const rec = await this.run(scenario);
    if (!rec) return false;
    this.store
      .getState()
      .setRecording(rec, cursorFor ? cursorFor(rec) : rec.frames.length - 1, rec.replay);
    // Another scenario is another document: the edits of the one before are not its history.
    this.store.getState().setHistory(NO_HISTORY);
    return true;
  }

  /** Goes back to `scenario` (the default one), as an edit that Undo takes back. */
  async reset(scenario: Scenario): Promise<boolean> {
    const rec = await this.edit(scenario, 'reset', (r) => r.frames.length - 1);
    if (!rec) return false;
    this.store.getState().select(null);
    const { past } = this.store.getState().history;
    if (past.length) {
      this.store.getState().notify('info', RESET_NOTICE);
    }
    return true;
  }

  /** Shows the scenario as it was before the last edit (with the cursor where it was). */
  async undo(): Promise<boolean> {
    return this.travel(undoFrom);
  }

  /** Shows again the edit the last Undo took back. */
  async redo(): Promise<boolean> {
    return this.travel(redoFrom);
  }

  /** Opens a crviz-scenario/1 file's text; a bad file gets the parser's message, nothing changes. */
  async openText(text: string, source: string, cursorFor?: CursorFor): Promise<boolean> {
    const scenario = await this.ask(() => this.engine.parse(text, source), source);
    return scenario ? this.openScenario(scenario, cursorFor) : false;
  }

  /** Opens a criu-tree/1 bundle's text as a scenario; a refused bundle gets the reason. */
  async importBundle(text: string, source: string): Promise<boolean> {
    const scenario = await this.ask(() => this.engine.importBundle(text, source), source);
    return scenario ? this.openScenario(scenario) : false;
  }

  /**
   * Opens a CRIU dump: a folder (its files with their paths) or a checkpoint archive. The worker
   * decodes it, reporting progress like a run; a refused dump gets a notice, nothing changes.
   */
  async importDump(input: DumpInput, name: string): Promise<boolean> {
    let scenario: Scenario;
    try {
      scenario = await this.busyWith('load', () =>
        this.engine.importDump(input, name, (p) => this.store.getState().setProgress(p)),
      );
    } catch (err) {
      if (!(err instanceof EngineStoppedError)) {
        this.store.getState().notify('error', errorText(err));
      }
      return false;
    }
    return this.openScenario(scenario);
  }

  /** Decodes an image the way restart reads it (for the image view). */
  decodeImage(bytes: Uint8Array): Promise<DecodedImage> {
    return this.engine.decode(bytes);
  }

  /**
   * Uploads a .ckpt file: it is validated first (a bad file gets the reader's error and changes
   * nothing), then a load_image step adds it to the session's images, under a name not in use.
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
    // A name in use is not overwritten: the upload gets the next free one, and says so.
    const wanted = uploadName(fileName);
    const image = freeName(wanted, Object.keys(this.store.getState().recording?.images ?? {}));
    const path = `upload/${image}.ckpt`;
    this.files = { ...this.files, [path]: bytes };
    const done = await this.applyStep({ op: 'load_image', image, path });
    if (done && image !== wanted) {
      this.store
        .getState()
        .notify(
          'info',
          `${wanted}.ckpt is already in use: ${fileName} was uploaded as ${image}.ckpt`,
        );
    }
    return done;
  }

  /** Appends `step` to the scenario, re-runs it and moves the cursor to it (cursorAfterStep). */
  async applyStep(step: Step): Promise<boolean> {
    const current = this.store.getState().recording;
    if (!current) return false;
    const index = current.scenario.steps.length;
    const rec = await this.edit(appendStep(current.scenario, step), describeStep(step), (r) =>
      cursorAfterStep(r, index),
    );
    if (!rec) return false;
    const outcome = reportStep(rec, index);
    if (outcome && !outcome.ok) {
      const why = [outcome.errno, outcome.message].filter(Boolean).join(': ');
      this.store
        .getState()
        .notify('error', `${describeStep(step)} failed: ${why || 'error'}`, noticeStep(rec, index));
    }
    return true;
  }

  /**
   * Runs the trace again with every restart under `variant` (the Variant picked after the run):
   * the cursor stays where it was before the first restart, else goes to that restart's start.
   */
  async rerunWithVariant(variant: Variant): Promise<boolean> {
    const { recording, cursor } = this.store.getState();
    const edited = recording && withRestartVariant(recording.scenario, variant);
    if (!edited) return false;
    const rec = await this.edit(edited.scenario, `re-run under ${variant}`, (r) =>
      Math.min(cursor, firstFrameOfStep(r, edited.firstRestart)),
    );
    return rec !== null;
  }

  /** Manual schedule: `participant` runs next at the cursor during a restart. */
  async pickNext(participant: PartId): Promise<boolean> {
    const { recording, cursor } = this.store.getState();
    if (!recording) return false;
    const picked = pickNextParticipant(recording, cursor, participant);
    if (!picked) return false;
    const rec = await this.edit(picked.scenario, `${participant} runs next`, () => cursor + 1);
    if (!rec) return false;
    const after = rec.scenario.steps.length - 1 - picked.stepIndex;
    this.store
      .getState()
      .notify(
        'info',
        `${participant} ran next: the restart from here follows the new schedule, which replaced ` +
          `the rest of the recording${after ? ` (and re-ran the ${after} step(s) after it)` : ''}. ` +
          'Undo (Ctrl+Z) brings the old one back.',
        noticeStep(rec, picked.stepIndex),
      );
    return true;
  }

  /** Explores every interleaving of the scenario's first restart under `variant`. */
  async explore(variant: Variant): Promise<void> {
    const rec = this.store.getState().recording;
    if (!rec) return;
    const state = this.store.getState();
    state.setExploreResult(null);
    state.setExploreProgress({
      states: 0,
      depth: 0,
      elapsedMs: 0,
      statesPerSecond: 0,
      violated: [],
    });
    try {
      const result = await this.busyWith('explore', () =>
        this.engine.explore(rec.scenario, variant, MAX_STATES, (p) =>
          this.store.getState().setExploreProgress(p),
        ),
      );
      this.store.getState().setExploreResult(result);
    } catch (err) {
      if (!(err instanceof EngineStoppedError)) {
        this.store.getState().notify('error', `explore: ${errorText(err)}`);
      }
    } finally {
      this.store.getState().setExploreProgress(null);
    }
  }

  /**
   * Abandons the run in progress (a large restart, say, or the explorer): the worker is
   * replaced, the recording on screen stays, and the step that started the run is not applied.
   */
  cancel(): void {
    const busy = this.store.getState().busy;
    if (!busy) return;
    // An exploration stops where it is and shows what it found so far (marked cancelled).
    if (busy === 'explore') return this.engine.stopExplore();
    this.engine.cancel();
    if (busy === 'load') {
      this.store.getState().notify('info', 'Cancelled: the engine stopped; nothing changed.');
    }
  }

  /**
   * Opens a violation as a steppable trace: the first restart replays its schedule, and the
   * cursor goes where the invariant broke (the explorer's event index, counted from the
   * restart's first event). What is wrong is said in words from the world there; then the
   * engine looks for a passing schedule, whose trace is shown beside it.
   */
  async openViolation(v: FoundViolation, variant: Variant): Promise<boolean> {
    const rec = this.store.getState().recording;
    if (!rec) return false;
    const edited = withRestartSchedule(rec.scenario, v.schedule, variant);
    if (!edited) return false;
    const { stepIndex } = edited;
    const next = await this.edit(edited.scenario, `open ${v.invariant}`, (r) =>
      breakFrame(r, stepIndex, v.event),
    );
    if (!next) return false;
    const state = this.store.getState();
    const frame = state.cursor;
    const words = describeViolation(
      v.invariant,
      v.message,
      state.snapshot,
      next.frames.get(frame)?.event ?? null,
    );
    const open = { recording: next, invariant: v.invariant, message: v.message, words };
    state.setCounterexample({ ...open, variant, frame, stepIndex, passing: 'searching' });
    const passing = await this.passingBeside(rec.scenario, v, variant, next, stepIndex);
    const now = this.store.getState().counterexample;
    if (now?.recording === next) this.store.getState().setCounterexample({ ...now, passing });
    return true;
  }

  /** A passing schedule near `v`'s and its trace, or null when the engine finds none. */
  private async passingBeside(
    scenario: Scenario,
    v: FoundViolation,
    variant: Variant,
    counter: SessionRecording,
    stepIndex: number,
  ) {
    let check;
    try {
      check = await this.engine.passingSchedule(scenario, variant, v.schedule);
    } catch (err) {
      if (!(err instanceof EngineStoppedError)) {
        this.store.getState().notify('error', `passing schedule: ${errorText(err)}`);
      }
      return null;
    }
    const edited = check && withRestartSchedule(scenario, check.schedule, variant);
    const recording = edited && (await this.run(edited.scenario));
    if (!check || !recording) return null;
    return {
      schedule: check.schedule,
      recording,
      diverge: divergeIndex(counter, recording, stepIndex),
    };
  }

  /**
   * Opens a moment (a link, a dropped PNG, the session saved before a reload): the scenario goes
   * through the engine's parser, then the lesson, restart parameters, cursor and selection are
   * set, the lesson only if the lesson reader accepts it (a built-in one named by id only if it
   * narrates this scenario) and the selection only if that task exists at
   * the cursor. On a problem the notice says what came from where; with a `fallback` (the
   * default scenario) that is opened instead, so a bad link never leaves an empty page, without
   * one nothing changes.
   */
  async applyMoment(moment: Moment | Error, source: string, fallback?: Scenario): Promise<boolean> {
    const fail = async (why: string) => {
      if (!fallback) {
        this.store.getState().notify('error', `${source}: ${why}`);
        return false;
      }
      this.store
        .getState()
        .notify('error', `${source} could not be opened: ${why}. Showing the default scenario.`);
      await this.loadScenario(fallback);
      return false;
    };
    if (moment instanceof Error) return fail(moment.message);
    let scenario: Scenario;
    try {
      scenario = await this.engine.parse(moment.scenarioText, source);
    } catch (err) {
      return err instanceof EngineStoppedError ? false : fail(errorText(err));
    }
    if (!(await this.loadScenario(scenario))) {
      // The run's own notice said why; only a fallback is worth another.
      return fallback ? fail('the engine could not run it') : false;
    }
    const state = this.store.getState();
    const found = lessonOfMoment(moment.lesson, scenario, source, this.builtInLesson);
    if ('error' in found) state.notify('warning', `${source}: ${found.error}; opened without it`);
    const lesson = 'lesson' in found ? found.lesson : null;
    state.setLesson(lesson ? { lesson, predict: false } : null);
    // Saved sessions and PNG moments are input too: a bad schedule would fail every Restart.
    const bad: string[] = [];
    if (!validVariant(moment.variant)) bad.push(`variant ${describeValue(moment.variant)}`);
    if (!validSchedule(moment.schedule)) bad.push(`schedule ${describeValue(moment.schedule)}`);
    if (bad.length) {
      state.notify('warning', `${source}: ${bad.join(' and ')} not valid; the defaults are used`);
    }
    state.setParams({
      variant: validVariant(moment.variant) ? moment.variant : null,
      schedule: validSchedule(moment.schedule) ? moment.schedule : 'fifo',
    });
    state.setCursor(moment.cursor);
    // A far cursor is reached in slices: the selection is checked against its world.
    await landed(this.store);
    const pids = new Set(
      this.store.getState().snapshot?.containers.flatMap((c) => c.tasks.map((t) => t.pid)),
    );
    const sel = moment.selection;
    state.select(sel !== null && pids.has(sel) ? sel : null);
    return true;
  }

  /** A recording that arrived without a request (after the worker restarted). */
  replaceRecording(rec: SessionRecording): void {
    const { cursor } = this.store.getState();
    this.store.getState().setRecording(rec, cursor);
  }

  /**
   * Runs an edited scenario and shows it where `cursorFor` says; what it replaced (and where the
   * cursor was) goes on the undo history under `label`. Nothing changes when the run fails.
   */
  private async edit(
    scenario: Scenario,
    label: string,
    cursorFor: CursorFor,
  ): Promise<SessionRecording | null> {
    const { recording: before, cursor } = this.store.getState();
    const rec = await this.run(scenario);
    if (!rec) return null;
    const state = this.store.getState();
    state.setRecording(rec, cursorFor(rec), rec.replay);
    // What Reset said about Undo is about the edit before this one.
    for (const n of state.notices) if (n.text === RESET_NOTICE) state.dismiss(n.id);
    if (before) {
      state.setHistory(afterEdit(state.history, { scenario: before.scenario, cursor, label }));
    }
    return rec;
  }

  /** Undo or redo: runs the scenario the history gives back and moves the history along. */
  private async travel(move: typeof undoFrom): Promise<boolean> {
    const { recording, cursor, history } = this.store.getState();
    if (!recording) return false;
    const moved = move(history, { scenario: recording.scenario, cursor });
    if (!moved) return false;
    const rec = await this.run(moved.show.scenario);
    if (!rec) return false;
    const state = this.store.getState();
    state.setRecording(rec, moved.show.cursor, rec.replay);
    state.setHistory(moved.history);
    // What Reset said about Undo is no longer true once the history has moved.
    for (const n of state.notices) if (n.text === RESET_NOTICE) state.dismiss(n.id);
    return true;
  }

  /** A freshly opened scenario: shown at its last step (or `cursorFor`'s) with nothing selected. */
  private async openScenario(scenario: Scenario, cursorFor?: CursorFor): Promise<boolean> {
    const ok = await this.loadScenario(scenario, cursorFor);
    if (ok) this.store.getState().select(null);
    return ok;
  }

  /** Asks the engine something; a failure gets a notice naming `source` and gives null. */
  private async ask<T>(question: () => Promise<T>, source: string): Promise<T | null> {
    try {
      return await question();
    } catch (err) {
      if (!(err instanceof EngineStoppedError)) {
        this.store.getState().notify('error', `${source}: ${errorText(err)}`);
      }
      return null;
    }
  }

  /** Marks the store busy with `kind` while `work` runs (runs can overlap: newest wins). */
  private async busyWith<T>(kind: Exclude<Busy, null>, work: () => Promise<T>): Promise<T> {
    const token = { kind };
    this.runs.push(token);
    this.store.getState().setBusy(kind);
    try {
      return await work();
    } finally {
      this.runs = this.runs.filter((r) => r !== token);
      this.store.getState().setBusy(this.runs.at(-1)?.kind ?? null);
    }
  }

  private async run(scenario: Scenario): Promise<ReceivedRecording | null> {
    try {
      return await this.busyWith('load', () =>
        this.engine.load(scenario, this.files, (p) => this.store.getState().setProgress(p)),
      );
    } catch (err) {
      if (!(err instanceof EngineStoppedError))
        this.store.getState().notify('error', errorText(err));
      return null;
    }
  }
}
