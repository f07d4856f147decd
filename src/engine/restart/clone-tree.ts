import { kerror, type KError } from '../errno';
import { TASK_INTERRUPTIBLE } from '../kernel/constants';
import { createTask } from '../kernel/world';
import type { RestartState, TaskPart } from './types';

/** ckpt_make_tree in user space, one clone per step, in pids order. */
export function cloneNext(s: RestartState): KError | null {
  const c = s.container!;
  const i = s.coord.nextClone;
  const e = s.pids[i];
  if (c.tasks.has(e.vpid)) return kerror('EBUSY', `pids[${i}]: pid ${e.vpid} is already in use`);
  let parent: number;
  if (i === 0) parent = 0;
  else if (e.vtgid !== e.vpid) {
    const leader = c.tasks.get(e.vtgid);
    if (!leader)
      return kerror('EINVAL', `pids[${i}]: thread ${e.vpid} has no leader ${e.vtgid} before it`);
    parent = leader.parent;
  } else if (e.vppid === 0) parent = 0;
  else {
    const par = c.tasks.get(e.vppid);
    if (!par)
      return kerror('EINVAL', `pids[${i}]: pid ${e.vpid} has no parent ${e.vppid} before it`);
    parent = par.pid;
  }
  const parentComm = parent ? (c.tasks.get(parent)?.comm ?? 'restart') : 'restart';
  createTask(c, {
    pid: e.vpid,
    tgid: e.vtgid,
    parent,
    comm: parentComm,
    pgid: e.vpgid,
    sid: e.vsid,
    state: TASK_INTERRUPTIBLE,
    exit_signal: e.vtgid !== e.vpid ? -1 : 17,
  });
  const part: TaskPart = {
    kind: 'task',
    id: `pid:${e.vpid}`,
    slot: i + 1,
    pid: e.vpid,
    index: i,
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
  s.byPid.set(e.vpid, part);
  s.coord.nextClone = i + 1;
  return null;
}
