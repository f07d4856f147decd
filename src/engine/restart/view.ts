import type { ParticipantView, RestartCtxView, RestartView } from '../snapshot';
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

/**
 * The ctx as views show it, one entry per field in view order: how each is read from the
 * restart's ctx. `refcount_history` is the one that only grows during a run, which the
 * timeline's heads mirror instead of copying (timeline/restart-recorder.ts, timeline/views.ts);
 * every other field is compared and copied as it is.
 */
export const CTX_VIEW_FIELDS: {
  readonly [K in keyof RestartCtxView]: (ctx: RestartCtx) => RestartCtxView[K];
} = {
  active_pid: (ctx) => ctx.active,
  nr_pids: (ctx) => ctx.nrPids,
  refcount: (ctx) => ctx.refcount,
  refcount_history: (ctx) => toArray(ctx.refHistory),
  error: ctxErrorText,
  completed: (ctx) => ctx.completed,
  success: (ctx) => ctx.success,
  freed: (ctx) => ctx.freed,
};

export const CTX_VIEW_KEYS = Object.keys(CTX_VIEW_FIELDS) as (keyof RestartCtxView)[];

/** The ctx fields that are plain values (all but the growing history), in view order. */
export const CTX_VIEW_VALUES = CTX_VIEW_KEYS.filter(
  (k): k is Exclude<keyof RestartCtxView, 'refcount_history'> => k !== 'refcount_history',
);

function ctxView(ctx: RestartCtx): RestartCtxView {
  const v = {} as Record<keyof RestartCtxView, unknown>;
  for (const k of CTX_VIEW_KEYS) v[k] = CTX_VIEW_FIELDS[k](ctx);
  return v as RestartCtxView;
}

/** Who holds active_pid: the pid of the task whose turn it is, `complete` past the last one. */
export type ActiveHolder = number | 'complete' | null;

/** The part of a restart's view (or the timeline's head of one) that says whose turn it is. */
interface TurnView {
  pids: readonly number[];
  ctx: { active_pid: number } | null;
}

/**
 * Who holds active_pid in a restart view: ctx.active_pid indexes its pids; null before the first
 * turn (-1) or without a ctx, `complete` once it has passed the last entry.
 */
export function activeHolder(r: TurnView): ActiveHolder {
  const i = r.ctx?.active_pid ?? -1;
  if (i < 0) return null;
  return i >= r.pids.length ? 'complete' : r.pids[i];
}

/** The pid holding active_pid in a restart view, or null (no turn yet, or past the last). */
export function activePid(r: TurnView): number | null {
  const h = activeHolder(r);
  return typeof h === 'number' ? h : null;
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
    ctx: ctx ? ctxView(ctx) : null,
    participants: participantsOf(s).map((p) => participantView(s, p)),
    finished: s.finished,
  };
}
