import { EventLog, type EngineEvent, type EventInput } from './events';
import { containerView } from './kernel/view';
import type { World } from './kernel/types';
import type { RestartRun } from './restart/restart';
import { restartView } from './restart/view';
import { initialWorld, runSteps } from './scenario/runner';
import { reportOutcome } from './scenario/report';
import type { Scenario } from './scenario/types';
import type { Frame, WorldSnapshot } from './snapshot';
import type { SessionProgress, SessionRecording } from './session-types';

/** Above this many tasks a frame per event would not fit in memory: frames are kept per step. */
const FRAME_PER_EVENT_LIMIT = 400;

/** Progress is reported every this many events: often enough for a bar, cheap enough to ignore. */
const PROGRESS_EVERY = 4096;

/** A log that calls back after each event, so the session can snapshot the world there. */
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

export function snapshotOf(world: World, restart: RestartRun | null): WorldSnapshot {
  return {
    current: world.current,
    containers: world.containers.map((c) => ({
      ...containerView(c),
      freezer: c.freezer,
      root: c.root,
    })),
    images: [...world.images.keys()],
    restart: restart ? restartView(restart.s) : null,
  };
}

function taskCount(world: World): number {
  let n = 0;
  for (const c of world.containers) n += c.tasks.size;
  return n;
}

/**
 * Runs a scenario for the debugger, recording a snapshot after every engine event (or after
 * every step for very large trees). Deterministic: the same scenario gives the same recording.
 * The scenario must come from parseScenario (its tree is valid); anything else throws.
 */
export function runSession(
  scenario: Scenario,
  readFile: (path: string) => Uint8Array | null = () => null,
  onProgress?: (p: SessionProgress) => void,
): SessionRecording {
  let step = -1;
  let restart: RestartRun | null = null;
  let perEvent = true;
  let world: World | null = null;
  const frames: Frame[] = [];
  const stepStarts: number[] = [];
  // Restart events are emitted in the middle of a step; their frames are filled in once the
  // step has finished, so a frame never shows a half-taken step (or a stale run queue).
  let pending = 0;
  const fillPending = () => {
    if (!world || pending === 0) return;
    const snapshot = snapshotOf(world, restart);
    for (let i = frames.length - pending; i < frames.length; i++) frames[i].snapshot = snapshot;
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
    if (!world || step < 0 || !perEvent) return;
    if (restart) {
      frames.push({ event, step, snapshot: null as unknown as WorldSnapshot });
      pending++;
    } else {
      frames.push({ event, step, snapshot: snapshotOf(world, null) });
    }
  });
  progress();
  const built = initialWorld(scenario, log);
  if ('unsupported' in built) throw new Error(built.unsupported);
  world = built;
  perEvent = taskCount(world) <= FRAME_PER_EVENT_LIMIT;
  const initial = snapshotOf(world, null);
  let eventsAtStart = 0;
  const result = runSteps(scenario, world, scenario.variant, {
    baseDir: '.',
    readFile,
    log,
    onRestart: (r) => {
      fillPending();
      restart = r;
      if (r) r.afterStep = fillPending;
    },
    onStep: (index, phase, w) => {
      if (phase === 'start') {
        step = index;
        progress();
        stepStarts.push(frames.length);
        eventsAtStart = log.length;
      } else if (!perEvent && log.length > eventsAtStart) {
        frames.push({
          event: log.events[log.length - 1],
          step: index,
          snapshot: snapshotOf(w, null),
        });
      }
    },
  });
  const images: Record<string, Uint8Array> = {};
  for (const [k, v] of world.images) images[k] = v;
  return {
    scenario,
    initial,
    frames,
    stepStarts,
    report: reportOutcome(result),
    images,
  };
}
