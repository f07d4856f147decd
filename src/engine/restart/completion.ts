import { kerror } from '../errno';
import { EXIT_ZOMBIE } from '../kernel/constants';
import type { Actor } from '../part-id';
import type { Emit } from './emit';
import { fail } from './task-out';
import type { RestartState, TaskPart } from './types';

/*
 * The 73/80 additions ([PATCH v18 73/80] "c/r: correctly restore pgid", checkpoint/restart.c
 * and checkpoint/process.c): completion counted by nr_total, and the pgid restored.
 */

/** restore_task_done: `if (atomic_dec_and_test(&ctx->nr_total)) complete(&ctx->complete)`. */
export function restoreTaskDone(s: RestartState, emit: Emit, actor: Actor, pid: number): void {
  const ctx = s.ctx!;
  ctx.nrTotal -= 1;
  if (ctx.nrTotal === 0) ctx.completed = true;
  emit(
    actor,
    'restore_task_done',
    ctx.nrTotal === 0
      ? 'nr_total reaches 0: complete(&ctx->complete)'
      : `nr_total ${ctx.nrTotal}: others still have to finish`,
    { pid, data: { nr_total: ctx.nrTotal, completed: ctx.completed } },
  );
}

/**
 * restore_task_pgid (73/80, checkpoint/process.c): a thread-group leader moves to the pgid its
 * pids entry names. The owner of that pgid must be a leader of this restart (its
 * checkpoint_ctx is this ctx; a zombie owner's parent's is) in the same session; a session
 * leader cannot change its pgrp. Otherwise -EINVAL.
 */
export function restoreTaskPgid(s: RestartState, p: TaskPart, emit: Emit): { broadcast: boolean } {
  const c = s.container!;
  const t = c.tasks.get(p.pid)!;
  const A = p.id;
  p.pc = 'restore_activate_next';
  const pgid = s.ctx!.pids[s.ctx!.active].vpgid;
  if (t.tgid !== t.pid || pgid === t.pgid) {
    emit(A, 'restore_task_pgid', `pgid ${t.pgid}: nothing to do`, { pid: p.pid });
    return { broadcast: false };
  }
  const refuse = (why: string) =>
    fail(
      p,
      kerror('EINVAL', `pid ${p.pid}: cannot restore pgid ${pgid}: ${why}`),
      emit,
      'restore_task_pgid',
      'restore_task_pgid',
    );
  if (t.sid === t.pid) return refuse('a session leader cannot change its pgrp');
  let owner = pgid === 0 ? undefined : c.tasks.get(pgid);
  if (!owner || owner.tgid !== owner.pid) return refuse('no thread-group leader owns it');
  if (owner.exit_state === EXIT_ZOMBIE) owner = c.tasks.get(owner.parent);
  const ownerPart = owner ? s.byPid.get(owner.pid) : undefined;
  if (!owner || !ownerPart || !ownerPart.hasPtr || ownerPart.ctxNull)
    return refuse(`its owner's checkpoint_ctx is not this ctx`);
  if (owner.sid !== t.sid) return refuse(`its owner is in session ${owner.sid}, not ${t.sid}`);
  const from = t.pgid;
  t.pgid = pgid;
  emit(A, 'restore_task_pgid', `change_pid(PIDTYPE_PGID): pgid ${from} -> ${pgid}`, {
    pid: p.pid,
    data: { pgid },
  });
  return { broadcast: false };
}
