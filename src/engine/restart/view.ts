import type { ParticipantView, RestartView } from '../snapshot';
import { canRun, isHung } from './runnable';
import { toArray } from './trail';
import type { Part, RestartCtx, RestartState } from './types';

/** Where one participant is: its kernel function, and whether it can run, sleeps or is done. */
export function participantView(s: RestartState, p: Part): ParticipantView {
  const runnable = canRun(s, p);
  const done = p.pc === 'done';
  return {
    id: p.id,
    pid: p.kind === 'task' ? p.pid : null,
    pc: p.pc,
    sleeping: !done && !runnable,
    runnable,
    done,
    zombie: p.kind === 'task' && p.zombie,
    checkpoint_ctx: checkpointCtxOf(p),
    hung: isHung(s, p),
  };
}

/** task->checkpoint_ctx as restore_activate_next would read it. */
export function checkpointCtxOf(p: Part): 'ctx' | 'NULL' {
  return p.hasPtr && !(p.kind === 'task' && p.ctxNull) ? 'ctx' : 'NULL';
}

/** The participants in view order: the coordinator, then the tasks as they were created. */
export function participantsOf(s: RestartState): Part[] {
  return [s.coord, ...s.tasks];
}

/** The ctx error as views show it: "EINTR: message", or null. */
export function ctxErrorText(ctx: RestartCtx): string | null {
  return ctx.error ? `${ctx.error.errno}: ${ctx.error.message}` : null;
}

/** Plain-data view of a restart in progress, for snapshots and the UI. */
export function restartView(s: RestartState): RestartView {
  const ctx = s.ctx;
  return {
    variant: s.variant,
    image: s.imageName,
    container: s.container?.id ?? 0,
    pids: s.pids.map((e) => e.vpid),
    order: s.order.slice(),
    ctx: ctx
      ? {
          active_pid: ctx.active,
          nr_pids: ctx.nrPids,
          refcount: ctx.refcount,
          refcount_history: toArray(ctx.refHistory),
          error: ctxErrorText(ctx),
          completed: ctx.completed,
          success: ctx.success,
          freed: ctx.freed,
        }
      : null,
    participants: participantsOf(s).map((p) => participantView(s, p)),
    finished: s.finished,
  };
}
