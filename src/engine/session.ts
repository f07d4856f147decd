import { EngineLog, type EngineEvent, type EventInput } from './events';
import type { World } from './kernel/types';
import type { RestartRun } from './restart/restart';
import type { Part } from './restart/types';
import { initialWorld, runSteps, type RunObserver } from './scenario/runner';
import { reportOutcome } from './scenario/report';
import type { Scenario } from './scenario/types';
import type { WorldSnapshot } from './snapshot';
import type { FrameChange } from './timeline/changes';
import { RecordedFrames } from './timeline/columns/recorded-frames';
import { checkpointEvery, FrameWriter } from './timeline/columns/writer';
import type { ImageVersion, SessionProgress, SessionRecording } from './session-types';
import { ChangeRecorder } from './timeline/recorder';

/** Progress is reported every this many events: often enough for a bar, cheap enough to ignore. */
const PROGRESS_EVERY = 4096;

/** A log that calls back after each event, so the session can record the world there. */
class TappedLog extends EngineLog {
  constructor(private readonly after: (e: EngineEvent, touched?: readonly number[]) => void) {
    super();
  }
  override emit(e: EventInput): EngineEvent {
    const ev = super.emit(e);
    this.after(ev, e.touched);
    return ev;
  }
}

function taskCount(world: World): number {
  let n = 0;
  for (const c of world.containers) n += c.tasks.size;
  return n;
}

export interface SessionOptions {
  readFile?: (path: string) => Uint8Array | null;
  onProgress?: (p: SessionProgress) => void;
  /** Called with the world right after each frame is recorded (tests check the timeline by it). */
  onFrame?: (index: number, world: World, restart: RestartRun | null) => void;
  /** Frames between the recording's checkpoints (tests make it small); chosen by size otherwise. */
  checkpointEvery?: number;
}

/**
 * One frame's change followed by `late` (what changed after it within the same step), as one
 * change: later values win, task and participant changes apply in order, and a participant
 * reset in `late` replaces the earlier participant list wholesale.
 */
export function mergeChanges(first: FrameChange, late: FrameChange): FrameChange {
  const out: FrameChange = { ...first, ...late };
  if (first.tasks && late.tasks) out.tasks = [...first.tasks, ...late.tasks];
  if (!late.participantsReset && first.participants && late.participants) {
    out.participants = [...first.participants, ...late.participants];
  }
  if (late.participantsReset && !late.participants) delete out.participants;
  return out;
}

/** The recording as the session makes it: frames in columns (timeline/columns). */
export type RecordedSession = SessionRecording & { frames: RecordedFrames };

/**
 * Records a run for the debugger, as the run's observer: a frame per engine event (or per step
 * for very large trees), each with what changed since the frame before, written straight into
 * the compact recording's columns (no frame object is kept). Restart events are emitted in the
 * middle of a step; their changes are recorded once the step has finished, so a frame never
 * shows a half-taken step (or a stale run queue).
 */
class SessionRecorder implements RunObserver {
  readonly stepStarts: number[] = [];
  readonly imageVersions: ImageVersion[] = [];
  /** The bytes of each image when last noted in imageVersions. */
  private readonly imageBytes = new Map<string, Uint8Array>();
  readonly log: EngineLog;
  private step = -1;
  private restartRun: RestartRun | null = null;
  /** The restart the last recorded frame saw (it outlives `restartRun` to the step's end). */
  private recordedRun: RestartRun | null = null;
  private world: World | null = null;
  private changes: ChangeRecorder | null = null;
  private writer: FrameWriter | null = null;
  /** Restart frames waiting for their step to finish. */
  private pending = 0;
  private eventsAtStart = 0;

  constructor(
    private readonly scenario: Scenario,
    private readonly options: Pick<SessionOptions, 'onProgress' | 'onFrame' | 'checkpointEvery'>,
  ) {
    this.log = new TappedLog((event, touched) => this.event(event, touched));
  }

  /** The world is built: from here on its changes are recorded. */
  begin(world: World): WorldSnapshot {
    this.world = world;
    this.changes = new ChangeRecorder(world);
    const tasks = taskCount(world);
    const initial = this.changes.snapshot();
    this.writer = new FrameWriter(initial, this.options.checkpointEvery ?? checkpointEvery(tasks));
    return initial;
  }

  private get frames(): number {
    return this.writer?.frames ?? 0;
  }

  /** The frames written, in columns. */
  done(): RecordedFrames {
    return new RecordedFrames(this.writer!.done());
  }

  progress(): void {
    const s = this.restartRun?.s;
    const step = this.step;
    this.options.onProgress?.({
      step,
      steps: this.scenario.steps.length,
      op: step < 0 ? 'tree' : this.scenario.steps[step].op,
      done: s ? s.tasksDone : 0,
      total: s ? s.pids.length : 0,
      events: this.log.length,
    });
  }

  stepStarted(index: number): void {
    this.step = index;
    this.progress();
    this.stepStarts.push(this.frames);
    this.eventsAtStart = this.log.length;
  }

  stepEnded(): void {
    if (this.log.length === this.eventsAtStart) return;
    this.settle(this.frames - 1);
    for (const [name, bytes] of this.world!.images) {
      if (this.imageBytes.get(name) === bytes) continue;
      this.imageBytes.set(name, bytes);
      this.imageVersions.push({ name, frame: this.frames - 1, bytes });
    }
  }

  restart(run: RestartRun | null): void {
    this.fillPending();
    this.restartRun = run;
  }

  restartStepped(stepped: Part, broadcast: boolean): void {
    this.changes?.noteStep(stepped, broadcast);
    this.fillPending();
  }

  private event(event: EngineEvent, touched?: readonly number[]): void {
    if (this.options.onProgress && this.log.length % PROGRESS_EVERY === 0) this.progress();
    this.changes?.noteEvent(event, touched);
    if (!this.writer || this.step < 0) return;
    const index = this.writer.event(event, this.step);
    if (this.restartRun) this.pending++;
    else this.record(index);
  }

  private record(index: number): void {
    this.recordedRun = this.restartRun;
    const change = this.changes!.record(this.world!, this.restartRun?.s ?? null);
    this.writer!.change(index, change, this.changes!.activePid());
    this.options.onFrame?.(index, this.world!, this.restartRun);
  }

  /**
   * A step may change the world after its last event: checkpoint stores the image it wrote once
   * sys_checkpoint has returned. That belongs to the step's own result, so it is folded into the
   * step's last frame (a step's effects are visible at that step, not one frame later). The
   * restart the frame was recorded with is kept, so a restart that just ended still shows as it
   * finished.
   */
  private settle(index: number): void {
    const run = this.recordedRun;
    const late = this.changes!.record(this.world!, run?.s ?? null);
    if (!late) return;
    this.writer!.change(index, late, this.changes!.activePid());
    this.options.onFrame?.(index, this.world!, run);
  }

  private fillPending(): void {
    if (!this.world || this.pending === 0) return;
    for (let i = this.frames - this.pending; i < this.frames; i++) this.record(i);
    this.pending = 0;
  }
}

/**
 * Runs a scenario for the debugger, recording what changed after every engine event (or after
 * every step for very large trees) in the compact recording's columns. Deterministic: the same
 * scenario gives the same recording. The scenario must come from parseScenario (its tree is
 * valid); anything else throws.
 */
export function runSession(
  scenario: Scenario,
  readFile: (path: string) => Uint8Array | null = () => null,
  onProgress?: (p: SessionProgress) => void,
  onFrame?: SessionOptions['onFrame'],
  every?: number,
): RecordedSession {
  const session = new SessionRecorder(scenario, { onProgress, onFrame, checkpointEvery: every });
  session.progress();
  const world = initialWorld(scenario, session.log);
  if ('unsupported' in world) throw new Error(world.unsupported);
  const initial = session.begin(world);
  const result = runSteps(scenario, world, scenario.variant, {
    baseDir: '.',
    readFile,
    log: session.log,
    observer: session,
  });
  const images: Record<string, Uint8Array> = {};
  for (const [k, v] of world.images) images[k] = v;
  const frames = session.done();
  const { stepStarts, imageVersions } = session;
  const report = reportOutcome(result);
  return { scenario, initial, frames, stepStarts, report, images, imageVersions };
}
