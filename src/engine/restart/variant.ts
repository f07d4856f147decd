import type { Variant } from '../scenario/types';

/*
 * What each protocol variant does differently, one question per function, so that the step
 * machines ask "does this version do X" rather than list version names. Sources (repository
 * sjp38/lore-linux-mm, checkpoint/restart.c unless said otherwise):
 *   v17      [RFC v17][PATCH 26/60] "c/r: restart multiple processes" and 28/60 "c/r: support
 *            for zombie processes"
 *   v18-28   [PATCH v18 28/80] "c/r: support for zombie processes" (the seed)
 *   v18-73   [PATCH v18 73/80] "c/r: correctly restore pgid" (ghosts, nr_total)
 *   v19      the v19-rc1 changes, as merged in [C/R v20][PATCH 30/96] "c/r: restart multiple
 *            processes" (changelog [v19-rc1]: "Simplify logic of tracking restarting tasks",
 *            "Coordinator kills descendants on failure", "Coordinator to report correct error")
 *   naive    not a kernel version: v18-28 with the zombie hand-off moved before do_exit
 */

/**
 * do_restore_task takes its ctx with `xchg(&current->checkpoint_ctx, NULL)` and puts it back
 * with a second xchg, so checkpoint_ctx is NULL in between (v17 26/60, v18 as shown in 73/80's
 * context). v19-rc1 reads it with get_task_ctx under task_lock and never clears it.
 */
export function hasXchgWindow(v: Variant): boolean {
  return v !== 'v19';
}

/**
 * restore_activate_next wakes the next task only when `task->checkpoint_ctx == ctx` ("target
 * task must have same restart context", v18); v17's ckpt_activate_next wakes any task that has
 * the pid.
 */
export function activationNeedsSameCtx(v: Variant): boolean {
  return v !== 'v17';
}

/** v17's wait_all_tasks_finish: `if (ckpt_test_ctx_error(ctx)) ret = -EBUSY;`. */
export function coordinatorReturnsEbusy(v: Variant): boolean {
  return v === 'v17';
}

/**
 * v19-rc1's do_restore_coord, at `out:`: `if (ckpt_test_error(ctx)) destroy_descendants(ctx)`,
 * which SIGKILLs every task of the root's subtree whose checkpoint_ctx is this ctx.
 */
export function destroysDescendants(v: Variant): boolean {
  return v === 'v19';
}

/**
 * 73/80: completion is counted (nr_total, restore_task_done), a task activates the next before
 * a zombie's do_exit, and ghost tasks hold dead pgids until every task is activated.
 */
export function countsCompletion(v: Variant): boolean {
  return v === 'v18-73';
}

/** v17 never puts the zombie's local reference before do_exit (the leak 28/80 fixes). */
export function leaksZombieReference(v: Variant): boolean {
  return v === 'v17';
}
