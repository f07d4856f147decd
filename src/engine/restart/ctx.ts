import type { KError } from '../errno';
import type { PidsEntry } from '../image/types';
import type { RestartCtx, RestartState } from './types';
import type { Emit } from './emit';
import { append } from './trail';
import { activationNeedsSameCtx, countsCompletion } from './variant';
import type { Actor } from '../part-id';
import type { KernelFn } from '../kernel-fns';

/** ckpt_ctx_alloc: refcount 1, owned by the coordinator's sys_restart. */
export function ctxAlloc(pids: PidsEntry[]): RestartCtx {
  return {
    refcount: 1,
    refHistory: append(null, 1),
    pids,
    nrPids: pids.length,
    active: -1,
    nrTotal: 0,
    error: null,
    errorPid: null,
    completed: false,
    success: false,
    freed: false,
  };
}

export function ctxGet(ctx: RestartCtx): number {
  ctx.refcount += 1;
  ctx.refHistory = append(ctx.refHistory, ctx.refcount);
  return ctx.refcount;
}

/** ckpt_ctx_put: frees the ctx (and its pids array) when the count reaches 0. */
export function ctxPut(ctx: RestartCtx): number {
  ctx.refcount -= 1;
  ctx.refHistory = append(ctx.refHistory, ctx.refcount);
  if (ctx.refcount === 0) ctx.freed = true;
  return ctx.refcount;
}

/** get_active_pid as a pid: the task whose turn it is; null before the first turn or past the last. */
export function activeTaskPid(ctx: RestartCtx): number | null {
  return ctx.active >= 0 && ctx.active < ctx.nrPids ? ctx.pids[ctx.active].vpid : null;
}

/**
 * restore_notify_error: the first error wins; sets CKPT_CTX_ERROR, completes the coordinator's
 * completion and (the caller's step says so) wakes every waiter on waitq. Emits nothing itself:
 * it is part of the step that calls it, and a step is one event. Returns whether it was first.
 */
export function recordError(s: RestartState, error: KError, pid: number | null): boolean {
  const ctx = s.ctx;
  if (!ctx || ctx.error) return false;
  ctx.error = error;
  ctx.errorPid = pid;
  ctx.completed = true;
  return true;
}

/**
 * How a step that recorded an error describes it in its one event. v17's ckpt_notify_error
 * only sets CKPT_CTX_ERROR and completes (26/60); v18 records the first errno ("Track and
 * report the first error if restart fails").
 */
export function errorNote(s: RestartState, first: boolean, error: KError): string {
  if (!first) return `an earlier error is already recorded`;
  return s.variant === 'v17'
    ? `ckpt_notify_error: set CKPT_CTX_ERROR, complete(&ctx->complete)`
    : `restore_notify_error: first error ${error.errno}, complete + wake_up_all`;
}

/** The kernel's name for a function that v17 called differently. */
export function fnName(s: RestartState, fn: KernelFn): KernelFn {
  if (s.variant !== 'v17') return fn;
  if (fn === 'restore_activate_next') return 'ckpt_activate_next';
  if (fn === 'restore_notify_error') return 'ckpt_notify_error';
  return fn;
}

/**
 * Whether restore_activate_next wakes the task of `vpid`. v18: `if (task &&
 * task->checkpoint_ctx == ctx) wake_up_process(task); else task = NULL;` v17's
 * ckpt_activate_next only needs find_task_by_pid_ns to find the pid.
 */
export function activationFinds(s: RestartState, vpid: number): boolean {
  const part = s.byPid.get(vpid);
  const task = s.container?.tasks.get(vpid);
  return activationNeedsSameCtx(s.variant)
    ? !!part && !!task && part.hasPtr && !part.ctxNull
    : !!part && !!task;
}

/**
 * restore_activate_next (28/80 rule): advance active_pid; past the last entry complete the
 * coordinator's wait, else wake the task of the next entry, which must carry this ctx.
 * Returns the error it recorded, if any.
 */
export function activateNext(
  s: RestartState,
  emit: Emit,
  actor: Actor,
  fn: KernelFn,
): KError | null {
  const ctx = s.ctx!;
  fn = fnName(s, fn);
  ctx.active += 1;
  if (ctx.active >= ctx.nrPids && countsCompletion(s.variant)) {
    // 73/80: all_tasks_activated: wake the ghosts; completion is nr_total's business.
    emit(actor, fn, `active_pid ${ctx.active} = nr_pids: wake_up_all(&ctx->ghostq)`, {
      data: { active_pid: ctx.active },
    });
    return null;
  }
  if (ctx.active >= ctx.nrPids) {
    ctx.completed = true;
    emit(actor, fn, `active_pid ${ctx.active} >= nr_pids ${ctx.nrPids}: complete(&ctx->complete)`, {
      data: { active_pid: ctx.active, completed: true },
    });
    return null;
  }
  const vpid = ctx.pids[ctx.active].vpid;
  const part = s.byPid.get(vpid);
  const task = s.container?.tasks.get(vpid);
  if (!activationFinds(s, vpid)) {
    const inWindow = !!part && !!task && part.ctxNull;
    const error: KError = {
      errno: 'ESRCH',
      code: -3,
      message: inWindow
        ? `pid ${vpid} (pids[${ctx.active}]) has checkpoint_ctx NULL: it is between its two xchg()s`
        : `no restarting task for pids[${ctx.active}] = ${vpid}`,
    };
    const first = recordError(s, error, vpid);
    if (part && task && !s.spurious)
      s.spurious = `restore_activate_next failed with ESRCH for pid ${vpid}, which exists (${
        inWindow ? 'in its xchg window' : 'without this ctx'
      })`;
    emit(actor, fn, `active_pid ${ctx.active}: ${error.message}; ${errorNote(s, first, error)}`, {
      errno: 'ESRCH',
      pid: vpid,
      data: { active_pid: ctx.active, checkpoint_ctx: part?.ctxNull ? 'NULL' : null },
    });
    return error;
  }
  s.order.push(vpid);
  emit(actor, fn, `active_pid ${ctx.active}: wake_up_process(pid ${vpid})`, {
    pid: vpid,
    data: { active_pid: ctx.active, next: vpid },
  });
  return null;
}
