import type { EngineEvent } from '../engine/events';
import type { ParticipantView, WorldSnapshot } from '../engine/snapshot';
import type { SessionRecording } from '../engine/session-types';
import type { DebuggerState, OpenCounterexample } from './types';

/** The open counterexample, while the trace it was opened as is the one on screen. */
export const selectCounterexample = (s: DebuggerState): OpenCounterexample | null =>
  s.counterexample && s.counterexample.recording === s.recording ? s.counterexample : null;

/** The frame where a counterexample broke: the restart's start plus the explorer's event index. */
export function breakFrame(rec: SessionRecording, stepIndex: number, event?: number): number {
  const start = rec.stepStarts[stepIndex] ?? rec.frames.length - 1;
  const end = (rec.stepStarts[stepIndex + 1] ?? rec.frames.length) - 1;
  if (event === undefined) return Math.min(start, rec.frames.length - 1);
  return Math.max(-1, Math.min(start + event, end, rec.frames.length - 1));
}

/** Index (from the restart step's start) of the first event that differs between two traces. */
export function divergeIndex(a: SessionRecording, b: SessionRecording, stepIndex: number): number {
  const sa = a.stepStarts[stepIndex] ?? a.frames.length;
  const sb = b.stepStarts[stepIndex] ?? b.frames.length;
  const fa = a.frames;
  const fb = b.frames;
  // Column reads: building each frame would rebuild every task row of a big restart twice.
  for (let i = 0; ; i++) {
    const x = sa + i;
    const y = sb + i;
    if (x >= fa.length || y >= fb.length) return i;
    if (fa.fnAt(x) !== fb.fnAt(y) || fa.actorAt(x) !== fb.actorAt(y)) return i;
    if (fa.whatAt(x) !== fb.whatAt(y)) return i;
  }
}

const who = (p: ParticipantView) => (p.pid === null ? 'the coordinator' : `pid ${p.pid}`);

/** "pid 4 is still in exit_notify" for each participant in `ps`, joined. */
function stillIn(ps: ParticipantView[]): string {
  return ps.map((p) => `${who(p)} is still in ${p.pc}`).join(' and ');
}

/**
 * What is wrong where a counterexample broke, in words made from the invariant and the world
 * there (the restart's participants, ctx and container), not from a canned sentence; the
 * explorer's own message when the world does not say more.
 */
export function describeViolation(
  invariant: string,
  message: string,
  world: WorldSnapshot | null,
  event: EngineEvent | null,
): string {
  const r = world?.restart;
  if (!r) return message;
  const tasks = r.participants.filter((p) => p.pid !== null);
  const ctx = r.ctx;
  const completed = ctx?.completed ? 'the coordinator completed' : 'the coordinator’s wait ended';
  switch (invariant) {
    case 'zombies-before-completion': {
      const late = tasks.filter((p) => p.zombie && !p.done && p.pc !== 'exit_checkpoint_put');
      return late.length
        ? `${completed} while ${stillIn(late)}, not yet EXIT_ZOMBIE (its exit_notify has not run)`
        : message;
    }
    case 'restored-before-completion': {
      const late = tasks.filter((p) => !p.zombie && !p.done && p.pc.startsWith('wait_'));
      return late.length ? `${completed} while ${stillIn(late)}, not yet restored` : message;
    }
    case 'no-spurious-failure': {
      const open = tasks.filter((p) => !p.done && p.checkpoint_ctx === 'NULL');
      const failed = event?.errno ? `${event.fn} failed with ${event.errno}` : message;
      return open.length
        ? `${failed} while ${open.map((p) => `${who(p)} is in ${p.pc} with checkpoint_ctx NULL`).join(' and ')}: a task that exists was taken for one that does not`
        : failed;
    }
    case 'no-ctx-leak':
      return ctx
        ? `the restart ended with the ctx reference count at ${ctx.refcount} (history ${ctx.refcount_history.join(' → ')}): nobody puts the last reference, so the ctx is never freed`
        : message;
    case 'no-deadlock': {
      const asleep = r.participants.filter((p) => !p.done);
      return asleep.length
        ? `no participant can run: ${asleep.map((p) => `${who(p)} sleeps in ${p.pc}`).join(', ')}`
        : message;
    }
    case 'error-kills-all': {
      const c = world.containers.find((x) => x.id === r.container);
      const alive = c?.tasks.filter((t) => t.state !== 'dead').map((t) => t.pid) ?? [];
      return alive.length
        ? `the restart failed (${ctx?.error ?? 'error'}) but pid ${alive.join(', ')} still exist${alive.length === 1 ? 's' : ''} in container ${r.container}`
        : message;
    }
    default:
      return event ? `${message} (at ${event.fn} by ${event.actor})` : message;
  }
}
