import { kerror, type KError } from '../errno';
import { CHECKPOINT_SUBTREE } from '../image/layout';
import { runUserOp } from './clone-tree';
import { dumpForest } from './forest';
import { planMakeForest } from './make-forest';
import type { World } from '../kernel/types';
import { removeTask } from '../kernel/world';
import { failCoordinator } from './coord-error';
import { activateNext, ctxAlloc, ctxGet, ctxPut } from './ctx';
import { prepareDescendants } from './prepare-descendants';
import type { Emit } from './emit';
import { readImageHead, readTailAt, restoreReadHeader, restoreReadTree } from './stream';
import { coordinatorReturnsEbusy, countsCompletion, destroysDescendants } from './variant';
import { isHung, markReturned } from './runnable';
import type { RestartState, TaskPart } from './types';

const A = 'coord';

/** Steps of the coordinator: user-space `restart` building the tree, then do_restore_coord. */
export function stepCoordinator(s: RestartState, world: World, emit: Emit): { broadcast: boolean } {
  const p = s.coord;
  const ctx = s.ctx;
  switch (p.pc) {
    case 'restart': {
      const head = readImageHead(s.bytes);
      if (!head.ok) {
        p.result = head.error;
        emit(A, 'restart', `user space cannot read the image: ${head.error.message}`, {
          errno: head.error.errno,
        });
        p.pc = 'kill_tree';
        return { broadcast: false };
      }
      s.pids = head.value.pids;
      s.uflags = head.value.uflags;
      const root = s.pids[0];
      s.container!.root = root.vpid;
      s.container!.init = s.uflags & CHECKPOINT_SUBTREE ? 0 : root.vpid;
      // ckpt_build_tree (DumpForest) runs before anything is forked.
      const forest = dumpForest(s.pids, countsCompletion(s.variant));
      if (!forest.ok) {
        p.result = forest.error;
        emit(A, 'restart', `user space: ${forest.error.message}`, { errno: forest.error.errno });
        p.pc = 'kill_tree';
        return { broadcast: false };
      }
      s.userOps = planMakeForest(forest.value[0]);
      const extra = forest.value.length - s.pids.length;
      emit(
        A,
        'restart',
        `user space read the header and tree: ${s.pids.length} tasks to create` +
          (extra ? `, plus ${extra} TASK_DEAD entr${extra === 1 ? 'y' : 'ies'}` : ''),
        { data: { nr_pids: s.pids.length, dead: extra } },
      );
      p.pc = 'clone_with_pids';
      return { broadcast: false };
    }
    case 'clone_with_pids': {
      // One step of MakeForest: a clone, a setsid, a TASK_DEAD exit or its reaping.
      const error = runUserOp(s, s.userOps[p.nextClone], world, emit);
      if (error) {
        p.result = error;
        emit(A, 'clone_with_pids', error.message, { errno: error.errno });
        p.pc = 'kill_tree';
        return { broadcast: false };
      }
      p.nextClone++;
      if (p.nextClone >= s.userOps.length) p.pc = 'ckpt_ctx_alloc';
      return { broadcast: false };
    }
    case 'ckpt_ctx_alloc':
      s.ctx = ctxAlloc(s.pids);
      p.hasAlloc = true;
      emit(A, 'ckpt_ctx_alloc', 'sys_restart(root, fd, 0): new ctx, refcount 1', {
        data: { refcount: 1 },
      });
      p.pc = 'restore_read_header';
      return { broadcast: false };
    case 'restore_read_header': {
      // The feeder re-emits the header and tree user space read; the kernel checks their values.
      const read = restoreReadHeader(s.bytes);
      if (!read.ok) return returnEarly(s, read.error, emit, 'restore_read_header');
      s.offset = read.value;
      emit(A, 'restore_read_header', 'HEADER, uts BUFFERs and HEADER_ARCH match this kernel');
      p.pc = 'restore_read_tree';
      return { broadcast: false };
    }
    case 'restore_read_tree': {
      const read = restoreReadTree(s.bytes, s.offset);
      if (!read.ok) return returnEarly(s, read.error, emit, 'restore_read_tree');
      s.offset = read.value;
      emit(A, 'restore_read_tree', `TREE: nr_pids ${s.pids.length}`, {
        data: { nr_pids: s.pids.length },
      });
      p.pc = 'init_restart_ctx';
      return { broadcast: false };
    }
    case 'init_restart_ctx': {
      const root = s.byPid.get(s.pids[0].vpid);
      if (!root || s.container!.tasks.get(root.pid)?.parent !== 0) {
        return failCoordinator(
          s,
          kerror('ESRCH', `the coordinator has no child with pid ${s.pids[0].vpid}`),
          emit,
          'init_restart_ctx',
        );
      }
      emit(A, 'init_restart_ctx', `root pid ${root.pid}; active_pid = -1`, {
        pid: root.pid,
        data: { active_pid: -1 },
      });
      p.pc = 'set_task_ctx';
      return { broadcast: false };
    }
    case 'set_task_ctx':
      p.hasPtr = true;
      emit(A, 'ckpt_ctx_get', 'coordinator sets its own checkpoint_ctx', {
        data: { refcount: ctxGet(ctx!) },
      });
      p.pc = 'prepare_descendants';
      return { broadcast: false };
    case 'prepare_descendants':
      return prepareDescendants(s, emit);
    case 'restore_activate_next': {
      activateNext(s, emit, A, 'restore_activate_next');
      p.pc = 'wait_all_tasks_finish';
      return { broadcast: !!ctx!.error || ctx!.active >= ctx!.nrPids };
    }
    case 'wait_all_tasks_finish': {
      if (ctx!.error) {
        // v17: `if (ckpt_test_ctx_error(ctx)) ret = -EBUSY;` the others keep the first error.
        p.result = coordinatorReturnsEbusy(s.variant)
          ? kerror('EBUSY', 'ckpt_test_ctx_error: the restart failed')
          : ctx!.error;
        emit(A, 'wait_all_tasks_finish', `woken: ctx error ${ctx!.error.errno}`, {
          errno: ctx!.error.errno,
        });
        p.pc = 'do_restore_coord';
        return { broadcast: false };
      }
      s.completion = {
        liveNotRestored: s.tasks.filter((t) => !t.restored && !t.ghost).map((t) => t.pid),
        zombiesNotZombie: s.tasks.filter((t) => t.zombie && !isZombieNow(s, t)).map((t) => t.pid),
      };
      emit(A, 'wait_all_tasks_finish', 'woken: ctx->complete; every task has had its turn', {
        data: { active_pid: ctx!.active },
      });
      p.pc = 'restore_read_tail';
      return { broadcast: false };
    }
    case 'restore_read_tail': {
      const tail = readTailAt(s.bytes, s.offset);
      if (!tail.ok) return failCoordinator(s, tail.error, emit, 'restore_read_tail');
      s.offset = tail.value;
      emit(A, 'restore_read_tail', 'TAIL magic ok');
      p.pc = 'do_restore_coord';
      return { broadcast: false };
    }
    case 'do_restore_coord': {
      if (ctx!.error) {
        if (!coordinatorReturnsEbusy(s.variant)) p.result = ctx!.error;
        emit(
          A,
          'do_restore_coord',
          `out: mark ctx ERROR (${ctx!.error.errno}), wake_up_all(&ctx->waitq)`,
          { errno: ctx!.error.errno },
        );
        if (destroysDescendants(s.variant)) {
          p.pc = 'destroy_descendants';
          return { broadcast: true };
        }
      } else {
        ctx!.success = true;
        emit(A, 'do_restore_coord', 'out: mark ctx SUCCESS, wake_up_all(&ctx->waitq)', {
          data: { success: true },
        });
      }
      p.pc = 'clear_task_ctx';
      return { broadcast: true };
    }
    case 'destroy_descendants': {
      // v19-rc1: walk_task_subtree(root, __destroy_descendants): force_sig(SIGKILL, task) for
      // every task whose checkpoint_ctx is this ctx. The tasks die in their own waits.
      // Returning early (header or tree refused) nobody has a ctx yet: v19 still kills the tree
      // it would otherwise leave blocked ("Coordinator kills descendants on failure"; see
      // docs/SEMANTICS.md for why this follows the changelog rather than 30/96's early return).
      const early = !p.hasPtr;
      const marked = s.tasks.filter(
        (t) =>
          t.pc !== 'done' &&
          !t.killed &&
          (early ? t.pc === 'wait_checkpoint_ctx' && !t.hasPtr : t.hasPtr && !t.ctxNull),
      );
      for (const t of marked) t.killed = true;
      const whose = early ? 'created for this restart' : 'whose checkpoint_ctx is this ctx';
      emit(A, 'destroy_descendants', `force_sig(SIGKILL) to ${marked.length} task(s) ${whose}`, {
        data: { killed: marked.length },
      });
      p.pc = early ? 'ckpt_ctx_put' : 'clear_task_ctx';
      return { broadcast: true };
    }
    case 'clear_task_ctx':
      p.hasPtr = false;
      emit(A, 'ckpt_ctx_put', 'coordinator clears its own checkpoint_ctx', {
        data: { refcount: ctxPut(ctx!) },
      });
      p.pc = 'ckpt_ctx_put';
      return { broadcast: false };
    case 'ckpt_ctx_put': {
      p.hasAlloc = false;
      const left = ctxPut(ctx!);
      const ret = p.result ? `returns ${p.result.code} (${p.result.errno})` : 'returns 0';
      emit(
        A,
        'ckpt_ctx_put',
        `sys_restart ${ret}; refcount ${left}${left === 0 ? ': ctx freed' : ': ctx still referenced'}`,
        {
          data: { refcount: left, freed: left === 0 },
          ...(p.result ? { errno: p.result.errno } : {}),
        },
      );
      // The kernel sends no signal: each task that got the ctx kills itself on the error.
      p.pc = p.result ? 'zap_pid_ns_processes' : 'done';
      if (p.result) markReturned(s);
      return { broadcast: !!p.result && s.hung > 0 };
    }
    case 'kill_tree': {
      // User space itself failed (it could not read the image or create a task) before it
      // called restart(2): it kills what it created.
      const alive = s.tasks.filter((t) => t.pc !== 'done');
      for (const t of alive) t.killed = true;
      emit(A, 'kill_tree', `user space gives up: SIGKILL to ${alive.length} task(s) it created`, {
        ...(p.result ? { errno: p.result.errno } : {}),
      });
      p.pc = 'zap_pid_ns_processes';
      markReturned(s);
      return { broadcast: true };
    }
    case 'zap_pid_ns_processes':
      return tearDown(s, emit);
    case 'done':
      return { broadcast: false };
  }
}

/**
 * do_restore_coord returns before its `out:` (restore_read_header or restore_read_tree failed):
 * no ctx error is set and nobody is woken, so the created tasks stay in their wait for a ctx.
 * sys_restart puts the ctx (nobody else holds it yet) and returns the error.
 */
function returnEarly(
  s: RestartState,
  error: KError,
  emit: Emit,
  fn: 'restore_read_header' | 'restore_read_tree',
): { broadcast: boolean } {
  s.coord.result = error;
  emit(A, fn, `${error.message}; do_restore_coord returns: nobody is prepared or woken`, {
    errno: error.errno,
  });
  s.coord.pc = destroysDescendants(s.variant) ? 'destroy_descendants' : 'ckpt_ctx_put';
  return { broadcast: false };
}

/**
 * After a failed restart, once every task is dead or blocked for good: when the container init
 * has died, zap_pid_ns_processes kills and reaps everything left in the namespace; otherwise
 * the dead are reaped and the blocked tasks stay, still waiting for a ctx.
 */
function tearDown(s: RestartState, emit: Emit): { broadcast: boolean } {
  const c = s.container!;
  const hung = s.tasks.filter((t) => isHung(s, t));
  const init = c.init ? c.tasks.get(c.init) : undefined;
  const initDead = !init || init.exit_state !== 0;
  s.coord.pc = 'done';
  if (hung.length === 0 || initDead) {
    const n = c.tasks.size;
    for (const t of hung) t.pc = 'done';
    s.tasksDone += hung.length;
    s.hung = 0;
    c.tasks.clear();
    c.pidHigh = 0;
    c.threads.clear();
    c.outer.length = 0;
    c.destroyed = true;
    emit(
      A,
      'zap_pid_ns_processes',
      `the namespace is torn down: ${n} task(s) reaped, nothing of the failed restart survives`,
    );
    return { broadcast: true };
  }
  const dead = s.tasks.filter((t) => t.pc === 'done');
  for (const t of dead) {
    const task = c.tasks.get(t.pid);
    if (task) removeTask(c, task);
    const i = c.outer.indexOf(t.pid);
    if (i >= 0) c.outer.splice(i, 1);
  }
  emit(
    A,
    'release_task',
    `${hung.length} task(s) stay blocked waiting for a ctx nobody will give (pid ${hung.map((t) => t.pid).join(', ')})` +
      (dead.length ? `; ${dead.length} dead task(s) reaped` : ''),
    { data: { hung: hung.length } },
  );
  return { broadcast: true };
}

function isZombieNow(s: RestartState, t: TaskPart): boolean {
  return (s.container!.tasks.get(t.pid)?.exit_state ?? 0) !== 0;
}
