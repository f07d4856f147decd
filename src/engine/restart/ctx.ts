import type { KError } from '../errno';
import type { PidsEntry } from '../image/types';
import type { RestartCtx, RestartState } from './types';
import type { Emit } from './emit';
import { append } from './trail';
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

/** How a step that recorded an error describes it in its one event. */
export function errorNote(first: boolean, error: KError): string {
  return first
    ? `restore_notify_error: first error ${error.errno}, complete + wake_up_all`
    : `an earlier error is already recorded`;
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
  ctx.active += 1;
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
  if (!part || !task || !part.hasPtr) {
    const error: KError = {
      errno: 'ESRCH',
      code: -3,
      message: `no restarting task for pids[${ctx.active}] = ${vpid}`,
    };
    const first = recordError(s, error, vpid);
    emit(actor, fn, `active_pid ${ctx.active}: ${error.message}; ${errorNote(first, error)}`, {
      errno: 'ESRCH',
      data: { active_pid: ctx.active },
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
