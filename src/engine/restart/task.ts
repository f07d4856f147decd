import { touchedBySubSteps } from './touched';
import { kerror } from '../errno';
import { EngineLog } from '../events';
import {
  EXIT_DEAD,
  EXIT_ZOMBIE,
  PF_EXITING,
  PF_RESTARTING,
  SIGKILL,
  TASK_DEAD,
  TASK_RUNNING,
} from '../kernel/constants';
import { describeWaitStatus } from '../kernel/signals';
import { beginExit, exitNotify, finishExit } from '../kernel/exit';
import type { World } from '../kernel/types';
import { activateNext, ctxGet, ctxPut, errorNote, fnName, recordError } from './ctx';
import type { Emit } from './emit';
import { restoreTaskStruct } from './restore-task-struct';
import { countsCompletion, hasXchgWindow } from './variant';
import { restoreTaskDone, restoreTaskPgid } from './completion';
import { fail, hex } from './task-out';
import type { Task } from '../kernel/types';
import type { RestartState, TaskPart } from './types';
import type { KernelFn } from '../kernel-fns';

/** One step of a restarting task's do_restore_task (and, for a zombie, its do_exit). */
export function stepTask(
  s: RestartState,
  p: TaskPart,
  world: World,
  emit: Emit,
): { broadcast: boolean } {
  const ctx = s.ctx;
  const c = s.container!;
  const found = c.tasks.get(p.pid);
  const A = p.id;
  // exit_checkpoint runs inside do_exit even when the namespace teardown has reaped the task.
  if (!found && p.pc !== 'exit_checkpoint' && p.pc !== 'exit_checkpoint_put')
    return gone(s, p, emit);
  const t = found ?? reaped(p.pid);
  switch (p.pc) {
    case 'wait_checkpoint_ctx':
      if (!p.hasPtr) {
        // Killed before prepare_descendants gave it a ctx: it holds no reference.
        markKilled(t);
        emit(A, 'do_exit', 'SIGKILL while waiting for a ctx: exits with no reference held', {
          pid: p.pid,
        });
        p.pc = 'done';
        return { broadcast: false };
      }
      p.hasLocal = true;
      if (hasXchgWindow(s.variant)) {
        // v17 26/60, v18 (73/80's context): ctx = xchg(&current->checkpoint_ctx, NULL);
        // ckpt_ctx_get(ctx). Until the second xchg, restore_activate_next sees NULL here.
        p.ctxNull = true;
        emit(
          A,
          'ckpt_ctx_get',
          'ctx = xchg(&checkpoint_ctx, NULL) and a local reference: checkpoint_ctx reads NULL until it is put back',
          { pid: p.pid, data: { refcount: ctxGet(ctx!), checkpoint_ctx: 'NULL' } },
        );
        p.pc = 'xchg_checkpoint_ctx';
      } else {
        // v19-rc1 wait_checkpoint_ctx: get_task_ctx() under task_lock, checkpoint_ctx untouched.
        emit(A, 'get_task_ctx', 'task_lock: a local reference; checkpoint_ctx stays set', {
          pid: p.pid,
          data: { refcount: ctxGet(ctx!), checkpoint_ctx: 'ctx' },
        });
        p.pc = 'set_PF_RESTARTING';
      }
      return { broadcast: false };
    case 'xchg_checkpoint_ctx':
      // old_ctx = xchg(&current->checkpoint_ctx, ctx): NULL, since no other restart touched it.
      p.ctxNull = false;
      emit(
        A,
        'do_restore_task',
        'xchg puts the ctx back on checkpoint_ctx (the old value is NULL)',
        {
          pid: p.pid,
          data: { checkpoint_ctx: 'ctx' },
        },
      );
      p.pc = 'set_PF_RESTARTING';
      return { broadcast: false };
    case 'set_PF_RESTARTING':
      t.flags |= PF_RESTARTING;
      if (p.ghost) {
        // 73/80 do_ghost_task: after wait_checkpoint_ctx, PF_RESTARTING, then the ghostq.
        emit(A, 'do_ghost_task', 'sets PF_RESTARTING and waits until every task is activated', {
          pid: p.pid,
        });
        p.pc = 'wait_ghostq';
        return { broadcast: false };
      }
      emit(A, 'do_restore_task', 'sets PF_RESTARTING and waits for its turn', { pid: p.pid });
      p.pc = 'wait_task_active';
      return { broadcast: false };
    case 'wait_ghostq':
      // wait_event_interruptible(ctx->ghostq, all_tasks_activated(ctx) || error): the ghost
      // exits either way, so its pgid stays owned until nobody needs it.
      t.exit_signal = -1;
      t.exit_code = 0;
      emit(
        A,
        'do_ghost_task',
        ctx!.error
          ? 'woken by the ctx error: exit_signal = -1, on to do_exit(0)'
          : 'every task is activated: exit_signal = -1, on to do_exit(0)',
        { pid: p.pid },
      );
      p.pc = 'ghost_put_local';
      return { broadcast: false };
    case 'ghost_put_local':
      p.hasLocal = false;
      emit(A, 'ckpt_ctx_put', 'the ghost puts its local reference before do_exit(0)', {
        pid: p.pid,
        data: { refcount: ctxPut(ctx!) },
      });
      p.pc = 'do_exit';
      return { broadcast: false };
    case 'restore_task_pgid':
      return restoreTaskPgid(s, p, emit);
    case 'restore_task_done':
      restoreTaskDone(s, emit, A, p.pid);
      p.pc = 'wait_task_sync';
      return { broadcast: false };
    case 'wait_task_active':
      if (p.killed || ctx!.error) return wokenToDie(p, emit, 'wait_task_active');
      emit(A, 'wait_task_active', `its turn: active_pid ${ctx!.active} is pid ${p.pid}`, {
        pid: p.pid,
        data: { active_pid: ctx!.active },
      });
      p.pc = 'restore_task_struct';
      return { broadcast: false };
    case 'restore_task_struct':
      return restoreTaskStruct(s, p, emit);
    case 'restore_activate_next': {
      const error = activateNext(s, emit, A, 'restore_activate_next');
      if (error) {
        // The recorded error makes every wait condition true; the run queue must see it.
        fail(p, error, null, 'restore_activate_next', '');
        return { broadcast: true };
      }
      p.pc = p.zombie
        ? 'ckpt_ctx_put_local'
        : countsCompletion(s.variant)
          ? 'restore_task_done'
          : 'wait_task_sync';
      // Past the last entry every waiter may wake (73/80 wakes the ghosts).
      return { broadcast: ctx!.active >= ctx!.nrPids };
    }
    case 'wait_task_sync':
      if (p.killed || ctx!.error) return wokenToDie(p, emit, 'wait_task_sync');
      emit(A, 'wait_task_sync', 'woken: ctx SUCCESS', { pid: p.pid });
      p.pc = 'clear_task_ctx';
      return { broadcast: false };
    case 'ckpt_ctx_put_local':
      p.hasLocal = false;
      ctxPut(ctx!);
      emit(A, 'ckpt_ctx_put', 'zombie puts its local reference before do_exit', {
        pid: p.pid,
        data: { refcount: ctx!.refcount },
      });
      p.pc = 'do_exit';
      return { broadcast: false };
    case 'do_exit':
      beginExit(world, c, p.pid, t.exit_code);
      emit(A, 'do_exit', `do_exit(${hex(t.exit_code)}): ${describeWaitStatus(t.exit_code)}`, {
        pid: p.pid,
        data: { exit_code: t.exit_code },
        // beginExit sets the task's own PF_EXITING and wait status, nothing else.
        touched: [p.pid],
      });
      p.pc = 'exit_notify';
      return { broadcast: false };
    case 'exit_notify': {
      if (c.init === p.pid && s.tasksDone < s.tasks.length - 1) return zapNamespace(s, p, emit);
      // The kernel's exit_notify logs its own sub-steps; one restart step shows as one event.
      const sub = new EngineLog();
      exitNotify({ ...world, log: sub }, c, p.pid);
      s.sigchldFromRestarting += sub.events.filter(
        (e) => e.fn === 'do_notify_parent' && typeof e.data?.signal === 'number' && !e.data?.muted,
      ).length;
      const state =
        t.exit_state === EXIT_ZOMBIE
          ? 'EXIT_ZOMBIE'
          : t.exit_state === EXIT_DEAD
            ? 'EXIT_DEAD'
            : `exit_state ${t.exit_state}`;
      emit(A, 'exit_notify', `becomes ${state}; PF_RESTARTING mutes SIGCHLD to its parent`, {
        pid: p.pid,
        data: { exit_state: t.exit_state },
        touched: touchedBySubSteps(p.pid, sub.events),
      });
      p.pc = 'exit_checkpoint';
      return { broadcast: false };
    }
    case 'exit_checkpoint': {
      if (countsCompletion(s.variant) && t.flags & PF_RESTARTING) {
        // 73/80: a restarting zombie (or ghost) only reports itself done.
        restoreTaskDone(s, emit, A, p.pid);
      } else if (s.variant === 'naive' || !(t.flags & PF_RESTARTING)) {
        emit(A, 'exit_checkpoint', 'takes its ctx pointer; does not activate anyone', {
          pid: p.pid,
        });
      } else {
        activateNext(s, emit, A, 'exit_checkpoint');
      }
      p.pc = 'exit_checkpoint_put';
      return { broadcast: !!ctx!.error };
    }
    case 'exit_checkpoint_put':
      p.hasPtr = false;
      finishExit(world, c, p.pid);
      emit(
        A,
        'ckpt_ctx_put',
        'exit_checkpoint puts the task-struct reference; the zombie is done',
        { pid: p.pid, data: { refcount: ctxPut(ctx!) } },
      );
      p.pc = 'done';
      return { broadcast: false };
    case 'clear_task_ctx':
      if (p.hasPtr) {
        p.hasPtr = false;
        ctxPut(ctx!);
        emit(A, 'ckpt_ctx_put', 'out: clears checkpoint_ctx', {
          pid: p.pid,
          data: { refcount: ctx!.refcount },
        });
      } else {
        emit(A, 'do_restore_task', 'out: checkpoint_ctx already clear', { pid: p.pid });
      }
      p.pc = p.ret && !ctx!.error ? 'restore_notify_error' : 'out_put_local';
      return { broadcast: false };
    case 'restore_notify_error': {
      const first = recordError(s, p.ret!, p.pid);
      emit(A, fnName(s, 'restore_notify_error'), errorNote(s, first, p.ret!), {
        pid: p.pid,
        errno: p.ret!.errno,
      });
      p.pc = 'out_put_local';
      return { broadcast: true };
    }
    case 'out_put_local':
      t.flags &= ~PF_RESTARTING;
      if (p.hasLocal) {
        p.hasLocal = false;
        emit(A, 'ckpt_ctx_put', 'clears PF_RESTARTING, puts its local reference', {
          pid: p.pid,
          data: { refcount: ctxPut(ctx!) },
        });
      } else {
        emit(A, 'do_restore_task', 'clears PF_RESTARTING', { pid: p.pid });
      }
      p.pc = p.ret ? 'do_exit_sigkill' : 'restore_retval';
      return { broadcast: false };
    case 'restore_retval':
      // v18's restore_task_struct reads state only to tell a zombie (TASK_DEAD) from a live
      // task, so a task saved job-stopped (TASK_STOPPED, 132) comes back running.
      t.state = TASK_RUNNING;
      emit(A, 'restore_retval', 'returns from sys_restart to user space', { pid: p.pid });
      p.pc = 'done';
      return { broadcast: false };
    case 'do_exit_sigkill':
      markKilled(t);
      emit(A, 'do_exit', 'sys_restart: force_sig(SIGKILL): "partial restore is undefined"', {
        pid: p.pid,
        data: { exit_code: SIGKILL },
      });
      p.pc = 'done';
      return { broadcast: false };
    case 'zap_pid_ns_wait':
      emit(
        A,
        'zap_pid_ns_processes',
        'every other task of the namespace is dead; init goes on exiting',
        {
          pid: p.pid,
        },
      );
      p.pc = 'exit_notify';
      return { broadcast: false };
    case 'done':
      return { broadcast: false };
  }
}

/** Stands in for a task the namespace teardown has already reaped: exit_checkpoint reads flags. */
function reaped(pid: number): Task {
  return {
    pid,
    tgid: pid,
    parent: 0,
    pgid: 0,
    sid: 0,
    comm: '',
    state: TASK_DEAD,
    exit_state: EXIT_DEAD,
    exit_code: 0,
    exit_signal: -1,
    pdeath_signal: 0,
    set_child_tid: 0,
    clear_child_tid: 0,
    flags: PF_RESTARTING,
    ptracer: 0,
    tracees: 0,
    inFreezer: false,
    pending: [],
    ignoreSigchld: false,
    nsproxy: 0,
    children: [],
  };
}

/**
 * The container init is exiting as a restored zombie: zap_pid_ns_processes SIGKILLs every other
 * task of the namespace and waits for them, so they leave their waits (-EINTR), go through their
 * out: paths and die before init goes on with exit_notify.
 */
function zapNamespace(s: RestartState, p: TaskPart, emit: Emit): { broadcast: boolean } {
  let n = 0;
  for (const o of s.tasks) {
    if (o !== p && o.pc !== 'done' && !o.killed) {
      o.killed = true;
      n++;
    }
  }
  emit(
    p.id,
    'zap_pid_ns_processes',
    `container init exits: SIGKILL to ${n} task(s), waits for them`,
    {
      pid: p.pid,
    },
  );
  p.pc = 'zap_pid_ns_wait';
  return { broadcast: true };
}

/** A participant whose task has been reaped under it: drop what it holds and end. */
function gone(s: RestartState, p: TaskPart, emit: Emit): { broadcast: boolean } {
  const ctx = s.ctx;
  if (ctx && p.hasPtr) ctxPut(ctx);
  if (ctx && p.hasLocal) ctxPut(ctx);
  p.hasPtr = false;
  p.hasLocal = false;
  emit(p.id, 'release_task', 'the task was reaped by the namespace teardown', { pid: p.pid });
  p.pc = 'done';
  return { broadcast: false };
}

/**
 * An interruptible wait that ends in death: SIGKILL makes it return -EINTR (-ERESTARTSYS at
 * the syscall boundary); a ctx error makes the task force_sig(SIGKILL) itself and return -EBUSY.
 */
function wokenToDie(p: TaskPart, emit: Emit, fn: KernelFn): { broadcast: boolean } {
  const error = p.killed
    ? kerror('EINTR', 'interrupted by SIGKILL')
    : kerror('EBUSY', 'ctx error: force_sig(SIGKILL)');
  return fail(p, error, emit, fn, 'woken');
}

/** A SIGKILLed restarting task; the namespace teardown reaps it at the end. */
function markKilled(t: {
  state: number;
  exit_state: number;
  exit_code: number;
  flags: number;
}): void {
  t.state = TASK_DEAD;
  t.exit_state = EXIT_ZOMBIE;
  t.exit_code = SIGKILL;
  t.flags = (t.flags | PF_EXITING) & ~PF_RESTARTING;
}
