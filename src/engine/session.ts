import { EventLog, type EngineEvent, type EventInput } from './events';
import type { World } from './kernel/types';
import type { RestartRun } from './restart/restart';
import { initialWorld, runSteps } from './scenario/runner';
import { reportOutcome } from './scenario/report';
import type { Scenario } from './scenario/types';
import type { Frame } from './timeline/changes';
import type { SessionProgress, SessionRecording } from './session-types';
import { ChangeRecorder } from './timeline/recorder';

/**
 * Up to this many tasks every event gets its own frame. Each frame's diff compares every task
 * (O(tasks) time, no allocation), and a restart has about ten events per task, so the cost
 * grows with tasks²: 2,500 tasks take about a second; above it frames are kept per step.
 */
const FRAME_PER_EVENT_LIMIT = 2500;

/** Progress is reported every this many events: often enough for a bar, cheap enough to ignore. */
const PROGRESS_EVERY = 4096;

/** A log that calls back after each event, so the session can record the world there. */
class TappedLog extends EventLog {
  constructor(private readonly after: (e: EngineEvent) => void) {
    super();
  }
  override emit(e: EventInput): EngineEvent {
    const ev = super.emit(e);
    this.after(ev);
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
}

/**
 * Runs a scenario for the debugger, recording what changed after every engine event (or after
 * every step for very large trees). Deterministic: the same scenario gives the same recording.
 * The scenario must come from parseScenario (its tree is valid); anything else throws.
 */
export function runSession(
  scenario: Scenario,
  readFile: (path: string) => Uint8Array | null = () => null,
  onProgress?: (p: SessionProgress) => void,
  onFrame?: SessionOptions['onFrame'],
): SessionRecording {
  let step = -1;
  let restart: RestartRun | null = null;
  let perEvent = true;
  let world: World | null = null;
  let recorder: ChangeRecorder | null = null;
  const frames: Frame[] = [];
  const stepStarts: number[] = [];
  const record = (index: number) => {
    const frame = frames[index];
    frame.change = recorder!.record(world!, restart?.s ?? null);
    frame.active = recorder!.activePid();
    onFrame?.(index, world!, restart);
  };

  // Restart events are emitted in the middle of a step; their frames are recorded once the step
  // has finished, so a frame never shows a half-taken step (or a stale run queue).
  let pending = 0;
  const fillPending = () => {
    if (!world || pending === 0) return;
    for (let i = frames.length - pending; i < frames.length; i++) record(i);
    pending = 0;
  };
  const progress = () => {
    const s = restart?.s;
    onProgress?.({
      step,
      steps: scenario.steps.length,
      op: step < 0 ? 'tree' : scenario.steps[step].op,
      done: s ? s.tasksDone : 0,
      total: s ? s.pids.length : 0,
      events: log.length,
    });
  };
  const log = new TappedLog((event) => {
    if (onProgress && log.length % PROGRESS_EVERY === 0) progress();
    recorder?.noteEvent(event);
    if (!world || step < 0 || !perEvent) return;
    const frame: Frame = { event, step, change: null, active: null };
    frames.push(frame);
    if (restart) pending++;
    else record(frames.length - 1);
  });
  progress();
  const built = initialWorld(scenario, log);
  if ('unsupported' in built) throw new Error(built.unsupported);
  world = built;
  recorder = new ChangeRecorder(world);
  perEvent = taskCount(world) <= FRAME_PER_EVENT_LIMIT;
  const initial = recorder.snapshot();
  let eventsAtStart = 0;
  const result = runSteps(scenario, world, scenario.variant, {
    baseDir: '.',
    readFile,
    log,
    onRestart: (r) => {
      fillPending();
      restart = r;
      if (r) {
        r.afterStep = (stepped, broadcast) => {
          recorder!.noteStep(stepped, broadcast);
          fillPending();
        };
      }
    },
    onStep: (index, phase) => {
      if (phase === 'start') {
        step = index;
        progress();
        stepStarts.push(frames.length);
        eventsAtStart = log.length;
      } else if (!perEvent && log.length > eventsAtStart) {
        const frame: Frame = {
          event: log.events[log.length - 1],
          step: index,
          change: null,
          active: null,
        };
        frames.push(frame);
        record(frames.length - 1);
      }
    },
  });
  const images: Record<string, Uint8Array> = {};
  for (const [k, v] of world.images) images[k] = v;
  return { scenario, initial, frames, stepStarts, report: reportOutcome(result), images };
}
