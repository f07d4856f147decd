import { kerror, type KError } from '../errno';
import { EngineLog } from '../events';
import { EXIT_DEAD, EXIT_ZOMBIE, TASK_INTERRUPTIBLE } from '../kernel/constants';
import { doExitK } from '../kernel/exit';
import { kctx } from '../kernel/operation';
import { releaseTask } from '../kernel/notify';
import { settle } from '../kernel/deliver';
import { createTask } from '../kernel/world';
import type { World } from '../kernel/types';
import type { Emit } from './emit';
import { TASK_DEAD, TASK_GHOST, TASK_SIBLING, TASK_THREAD } from './forest';
import { cloneFlags, type UserOp } from './make-forest';
import { partId } from '../part-id';
import type { RestartState, TaskPart } from './types';

/**
 * Runs one user-space step of MakeForest (make-forest.ts) on the container being built, as one
 * event whose actor is the task that does it. Kernel work inside a step (exit_notify, the
 * reap) is logged to a scratch log: a restart step is one event. The schedule runs these steps
 * as the coordinator's (user space is one deterministic order), and each event says so in
 * `data.scheduled`, since its actor is another task.
 */
export function runUserOp(s: RestartState, op: UserOp, world: World, emit: Emit): KError | null {
  const c = s.container!;
  const scratch = { ...world, log: new EngineLog() };
  const e = op.task;
  switch (op.kind) {
    case 'clone': {
      if (c.tasks.has(e.pid))
        return kerror('EBUSY', `clone_with_pids: pid ${e.pid} is already in use`);
      const creator = op.actor === 'coord' ? undefined : c.tasks.get(e.creator!.pid);
      if (op.actor !== 'coord' && !creator)
        return kerror('ESRCH', `clone_with_pids: creator ${e.creator!.pid} is gone`);
      // CLONE_THREAD and CLONE_PARENT give the new task its creator's parent; every clone
      // inherits the creator's pgid and sid (the root: what the image says, until its setsid).
      const parent = !creator
        ? 0
        : e.flags & (TASK_THREAD | TASK_SIBLING)
          ? creator.parent
          : creator.pid;
      const root = s.pids[0];
      const participant = e.index >= 0 || (e.flags & TASK_GHOST) !== 0;
      createTask(c, {
        pid: e.pid,
        tgid: e.flags & TASK_THREAD ? creator!.tgid : e.pid,
        parent,
        comm: 'restart',
        pgid: creator ? creator.pgid : root.vpgid,
        sid: creator ? creator.sid : root.vsid,
        state: participant ? TASK_INTERRUPTIBLE : undefined,
        exit_signal: e.flags & TASK_THREAD ? -1 : 17,
      });
      if (participant) addParticipant(s, e.pid, e.index);
      const role =
        e.flags & TASK_DEAD
          ? e.index < 0 && e.sid !== e.pid
            ? 'a placeholder (TASK_DEAD) for orphans of session ' + e.sid
            : `a TASK_DEAD entry for the unused id ${e.pid}`
          : e.flags & TASK_GHOST
            ? `a ghost for the unused id ${e.pid}: it will call restart(RESTART_GHOST)`
            : 'it will call restart(0, fd, 0) and wait for a ctx';
      emit(op.actor, 'clone_with_pids', `creates pid ${e.pid} with ${cloneFlags(e)}: ${role}`, {
        pid: e.pid,
        data: { creator: op.actor, flags: cloneFlags(e), scheduled: 'coord' },
      });
      return null;
    }
    case 'setsid': {
      const t = c.tasks.get(e.pid);
      if (!t) return kerror('ESRCH', `setsid: pid ${e.pid} is gone`);
      t.sid = t.pid;
      t.pgid = t.pid;
      emit(partId(e.pid), 'setsid', `becomes the leader of session and group ${e.pid}`, {
        pid: e.pid,
        data: { sid: e.pid, scheduled: 'coord' },
      });
      return null;
    }
    case 'exit': {
      const k = kctx(scratch, c);
      doExitK(k, e.pid, 0);
      settle(k);
      emit(
        partId(e.pid),
        'do_exit',
        'a TASK_DEAD entry has done its job: exit(0); its children go to the child reaper',
        { pid: e.pid, data: { exit_code: 0, scheduled: 'coord' } },
      );
      return null;
    }
    case 'waitpid': {
      const x = c.tasks.get(e.pid);
      if (!x || x.exit_state !== EXIT_ZOMBIE)
        return kerror('ECHILD', `waitpid: ${e.pid} is not a zombie child of ${op.by.pid}`);
      x.exit_state = EXIT_DEAD;
      const k = kctx(scratch, c);
      releaseTask(k, x, partId(op.by.pid));
      settle(k);
      emit(partId(op.by.pid), 'do_wait', `3rd pass: reaps its TASK_DEAD child ${e.pid}`, {
        pid: e.pid,
        data: { scheduled: 'coord' },
      });
      return null;
    }
  }
}

function addParticipant(s: RestartState, pid: number, index: number): void {
  const part: TaskPart = {
    kind: 'task',
    id: partId(pid),
    slot: s.tasks.length + 1,
    pid,
    index,
    ghost: index < 0,
    pc: 'wait_checkpoint_ctx',
    hasPtr: false,
    ctxNull: false,
    hasLocal: false,
    restored: false,
    zombie: false,
    ret: null,
    killed: false,
  };
  s.tasks.push(part);
  s.byPid.set(pid, part);
}
