import { kerror } from '../errno';
import { CHECKPOINT_SUBTREE } from '../image/layout';
import { cloneNext } from './clone-tree';
import { failCoordinator } from './coord-error';
import { activateNext, ctxAlloc, ctxGet, ctxPut } from './ctx';
import { prepareDescendants } from './prepare-descendants';
import type { Emit } from './emit';
import { readImageHead, readTailAt } from './stream';
import type { RestartState, TaskPart } from './types';

const A = 'coord';

/** Steps of the coordinator: user-space `restart` building the tree, then do_restore_coord. */
export function stepCoordinator(s: RestartState, emit: Emit): { broadcast: boolean } {
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
      // The feeder re-emits the same header and tree to the kernel, so the stream resumes here.
      s.offset = head.value.offset;
      const root = s.pids[0];
      s.container!.root = root.vpid;
      s.container!.init = s.uflags & CHECKPOINT_SUBTREE ? 0 : root.vpid;
      emit(A, 'restart', `user space read the header and tree: ${s.pids.length} tasks to create`, {
        data: { nr_pids: s.pids.length },
      });
      p.pc = 'clone_with_pids';
      return { broadcast: false };
    }
    case 'clone_with_pids': {
      const error = cloneNext(s);
      if (error) {
        p.result = error;
        emit(A, 'clone_with_pids', error.message, { errno: error.errno });
        p.pc = 'kill_tree';
        return { broadcast: false };
      }
      const e = s.pids[p.nextClone - 1];
      emit(
        A,
        'clone_with_pids',
        `creates pid ${e.vpid}${e.vtgid !== e.vpid ? ` (thread of ${e.vtgid})` : ''}; it calls restart(0, fd, 0) and waits for a ctx`,
        { pid: e.vpid },
      );
      if (p.nextClone >= s.pids.length) p.pc = 'ckpt_ctx_alloc';
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
    case 'restore_read_header':
      emit(A, 'restore_read_header', 'HEADER, uts BUFFERs and HEADER_ARCH match this kernel');
      p.pc = 'restore_read_tree';
      return { broadcast: false };
    case 'restore_read_tree':
      emit(A, 'restore_read_tree', `TREE: nr_pids ${s.pids.length}`, {
        data: { nr_pids: s.pids.length },
      });
      p.pc = 'init_restart_ctx';
      return { broadcast: false };
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
      return { broadcast: !!ctx!.error };
    }
    case 'wait_all_tasks_finish': {
      if (ctx!.error) {
        p.result = ctx!.error;
        emit(A, 'wait_all_tasks_finish', `woken: ctx error ${ctx!.error.errno}`, {
          errno: ctx!.error.errno,
        });
        p.pc = 'do_restore_coord';
        return { broadcast: false };
      }
      s.completion = {
        liveNotRestored: s.tasks.filter((t) => !t.restored).map((t) => t.pid),
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
        p.result = ctx!.error;
        emit(
          A,
          'do_restore_coord',
          `out: mark ctx ERROR (${ctx!.error.errno}), wake_up_all(&ctx->waitq)`,
          { errno: ctx!.error.errno },
        );
      } else {
        ctx!.success = true;
        emit(A, 'do_restore_coord', 'out: mark ctx SUCCESS, wake_up_all(&ctx->waitq)', {
          data: { success: true },
        });
      }
      p.pc = 'clear_task_ctx';
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
      p.pc = p.result ? 'kill_tree' : 'done';
      return { broadcast: false };
    }
    case 'kill_tree': {
      const alive = s.tasks.filter((t) => t.pc !== 'done');
      for (const t of alive) t.killed = true;
      emit(
        A,
        'kill_tree',
        `restart failed: user space sends SIGKILL to ${alive.length} task(s) of the half-built tree`,
        {
          ...(p.result ? { errno: p.result.errno } : {}),
        },
      );
      p.pc = 'zap_pid_ns_processes';
      return { broadcast: true };
    }
    case 'zap_pid_ns_processes': {
      const c = s.container!;
      const n = c.tasks.size;
      c.tasks.clear();
      c.threads.clear();
      c.outer.length = 0;
      c.destroyed = true;
      emit(
        A,
        'zap_pid_ns_processes',
        `the namespace is torn down: ${n} task(s) reaped, nothing of the failed restart survives`,
      );
      p.pc = 'done';
      return { broadcast: false };
    }
    case 'done':
      return { broadcast: false };
  }
}

function isZombieNow(s: RestartState, t: TaskPart): boolean {
  return (s.container!.tasks.get(t.pid)?.exit_state ?? 0) !== 0;
}
