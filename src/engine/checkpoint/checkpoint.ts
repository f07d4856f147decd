import { kerror, type KError } from '../errno';
import type { EngineLog } from '../events';
import {
  EXIT_ZOMBIE,
  TASK_DEAD,
  TASK_STOPPED,
  TASK_STOPPED_STATE,
  TASK_UNINTERRUPTIBLE,
} from '../kernel/constants';
import type { Container, Task } from '../kernel/types';
import type { Variant } from '../scenario/types';
import { CHECKPOINT_SUBTREE } from '../image/layout';
import { writeErrorImage, writeImage } from '../image/writer';
import type { PidsEntry, TaskRecord } from '../image/types';
import { mayCheckpointTask, type CheckContext } from './may-checkpoint';
import { walkTree } from './walk';
import type { KernelFn } from '../kernel-fns';
import { showComm } from '../kernel/comm';

export interface CheckpointArgs {
  root?: number;
  subtree?: boolean;
  variant: Variant;
  privileged?: boolean;
}

export interface CheckpointResult {
  ok: boolean;
  /** The image: the full stream on success, ERROR + STRING on refusal. */
  image: Uint8Array;
  error?: KError;
  /** Vpids in pids-array order (empty on refusal). */
  pids: number[];
}

const ACTOR = 'checkpoint';

/**
 * sys_checkpoint(root, fd, flags) from a privileged checkpointer outside the container.
 * Never modifies a task: both success and refusal leave the container as it was.
 */
export function sysCheckpoint(
  log: EngineLog,
  c: Container,
  args: CheckpointArgs,
): CheckpointResult {
  const flags = args.subtree ? CHECKPOINT_SUBTREE : 0;
  const rootPid = args.root ?? c.root;
  log.emit({
    actor: ACTOR,
    fn: 'sys_checkpoint',
    what: `checkpoint pid ${rootPid}, flags ${flags}`,
    pid: rootPid,
  });

  const refuse = (fn: KernelFn, error: KError, text: string, pid?: number): CheckpointResult => {
    log.emit({
      actor: ACTOR,
      fn,
      what: error.message,
      errno: error.errno,
      ...(pid ? { pid } : {}),
    });
    log.emit({
      actor: ACTOR,
      fn: 'ckpt_write_err',
      what: `image holds ERROR + STRING "${text.trimEnd()}"`,
    });
    return { ok: false, image: writeErrorImage(text), error, pids: [] };
  };

  const root = c.tasks.get(rootPid);
  if (!root || root.exit_state !== 0) {
    // No task, or an exiting one without an nsproxy: both are -ESRCH, before any message exists.
    const error = kerror(
      'ESRCH',
      root ? `pid ${rootPid} is exiting (no nsproxy)` : `no task with pid ${rootPid}`,
    );
    log.emit({
      actor: ACTOR,
      fn: 'init_checkpoint_ctx',
      what: error.message,
      errno: 'ESRCH',
      pid: rootPid,
    });
    return { ok: false, image: new Uint8Array(0), error, pids: [] };
  }
  const containerInit = c.init === root.pid;
  if (!containerInit && !args.subtree) {
    return refuse(
      'init_checkpoint_ctx',
      kerror('EINVAL', `pid ${rootPid} is not a container init (use subtree)`),
      '[err -22]: not container init',
      rootPid,
    );
  }
  log.emit({
    actor: ACTOR,
    fn: 'init_checkpoint_ctx',
    what: `root pid ${rootPid}${containerInit ? ', container init' : ', subtree'}`,
    pid: rootPid,
  });

  const rootCgroupFrozen = root.inFreezer && c.freezer === 'FROZEN';
  if (!rootCgroupFrozen) {
    return refuse(
      'cgroup_freezer_begin_checkpoint',
      kerror('EBUSY', 'freezer cgroup is not FROZEN'),
      '[err -16]: freezer cgroup failed',
    );
  }
  log.emit({
    actor: ACTOR,
    fn: 'cgroup_freezer_begin_checkpoint',
    what: 'freezer FROZEN -> CHECKPOINTING',
  });

  const ctx: CheckContext = {
    c,
    root,
    containerInit,
    privileged: args.privileged ?? true,
    variant: args.variant,
  };
  const order: Task[] = [];
  let refusal: ReturnType<typeof mayCheckpointTask> = null;
  walkTree(c, root, containerInit, (t) => {
    refusal = mayCheckpointTask(ctx, t);
    log.emit({
      actor: ACTOR,
      fn: 'may_checkpoint_task',
      what: refusal ? refusal.error.message : `pid ${t.pid} ok${t.exit_state ? ' (zombie)' : ''}`,
      pid: t.pid,
      ...(refusal ? { errno: (refusal as { error: KError }).error.errno } : {}),
    });
    if (refusal) return false;
    order.push(t);
    return true;
  });
  if (refusal) {
    const r = refusal as NonNullable<ReturnType<typeof mayCheckpointTask>>;
    log.emit({ actor: ACTOR, fn: 'cgroup_freezer_end_checkpoint', what: 'freezer back to FROZEN' });
    return refuse('build_tree', r.error, r.text);
  }
  log.emit({
    actor: ACTOR,
    fn: 'build_tree',
    what: `${order.length} tasks in DFS order`,
    data: { nr_tasks: order.length },
  });

  const pids = order.map((t) => pidsEntry(c, t, containerInit && t === root));
  const tasks = order.map(taskRecord);
  const image = writeImage({ uflags: flags, pids, tasks });
  log.emit({
    actor: ACTOR,
    fn: 'checkpoint_write_header',
    what: 'HEADER, uts BUFFERs, HEADER_ARCH',
  });
  log.emit({
    actor: ACTOR,
    fn: 'checkpoint_tree',
    what: `TREE + pids BUFFER (${order.length} entries)`,
  });
  for (const t of order) {
    log.emit({
      actor: ACTOR,
      fn: 'checkpoint_task',
      what: t.exit_state
        ? `zombie: state, exit_state, exit_code ${t.exit_code} and comm only`
        : `TASK + comm "${showComm(t.comm)}"`,
      pid: t.pid,
    });
  }
  log.emit({ actor: ACTOR, fn: 'checkpoint_write_tail', what: `TAIL; ${image.length} bytes` });
  log.emit({ actor: ACTOR, fn: 'cgroup_freezer_end_checkpoint', what: 'freezer back to FROZEN' });
  return { ok: true, image, pids: order.map((t) => t.pid) };
}

/** The parent's tgid as seen in the container; 0 for a parent outside it (a container init). */
function pidsEntry(c: Container, t: Task, isInitRoot: boolean): PidsEntry {
  const parent = t.parent === 0 || isInitRoot ? undefined : c.tasks.get(t.parent);
  return {
    vpid: t.pid,
    vppid: parent ? parent.tgid : 0,
    vtgid: t.tgid,
    vpgid: t.pgid,
    vsid: t.sid,
  };
}

/** checkpoint_task_struct: a zombie saves only state, exit_state and exit_code (28/80). */
export function taskRecord(t: Task): TaskRecord {
  if (t.exit_state !== 0) {
    return {
      state: TASK_DEAD,
      exit_state: EXIT_ZOMBIE,
      exit_code: t.exit_code,
      exit_signal: 0,
      pdeath_signal: 0,
      set_child_tid: 0,
      clear_child_tid: 0,
      comm: t.comm,
    };
  }
  // A frozen task sits in the refrigerator (TASK_UNINTERRUPTIBLE); a job-stopped one reads
  // 2.6.31's TASK_STOPPED, TASK_WAKEKILL | __TASK_STOPPED = 132 (checkpoint_task_struct saves
  // t->state as it is).
  const state = t.state & TASK_STOPPED ? TASK_STOPPED_STATE : TASK_UNINTERRUPTIBLE;
  return {
    state,
    exit_state: 0,
    exit_code: t.exit_code,
    exit_signal: t.exit_signal,
    pdeath_signal: t.pdeath_signal,
    set_child_tid: t.set_child_tid,
    clear_child_tid: t.clear_child_tid,
    comm: t.comm,
  };
}
