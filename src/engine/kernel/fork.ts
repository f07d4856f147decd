/** do_fork / copy_process: new processes and new threads. */
import { fail, kerror, ok, type KResult } from '../errno';
import type { World } from './types';
import { begin, emit, refuse } from './operation';
import { partId } from '../part-id';
import { showComm, truncateComm } from './comm';
import { nextPid, validPid } from './tree';
import { createTask } from './world';
import type { Container } from './types';

export interface ForkArgs {
  pid: number;
  child?: number;
  comm?: string;
  clone_parent?: boolean;
}

/** A pid for the new task: the one asked for if free, else the next above all pids in use. */
function pickPid(c: Container, asked: number | undefined, what: string): KResult<number> {
  if (asked === undefined) return ok(nextPid(c));
  if (!validPid(asked)) return fail('EINVAL', `${what} ${String(asked)} is not a valid pid`);
  if (c.tasks.has(asked)) return fail('EINVAL', `${what} ${asked} is already in use`);
  return ok(asked);
}

/** fork(), or clone(CLONE_PARENT): a new thread-group leader. */
export function fork(world: World, args: ForkArgs): KResult<{ pid: number }> {
  const b = begin(world, args.pid, 'do_fork', true);
  if (!b.ok) return b;
  const { c, t } = b;
  const actor = partId(t.pid);
  if (args.comm !== undefined && typeof args.comm !== 'string') {
    return refuse(world, actor, 'do_fork', kerror('EINVAL', 'comm must be a string'), t.pid);
  }
  const picked = pickPid(c, args.child, 'child pid');
  if (!picked.ok) return refuse(world, actor, 'do_fork', picked.error, t.pid);
  const pid = picked.value;
  // CLONE_PARENT: real_parent = current->real_parent (outside for a root task).
  const parent = args.clone_parent ? t.parent : t.pid;
  const comm = args.comm !== undefined ? truncateComm(args.comm) : t.comm;
  emit(
    world,
    actor,
    'do_fork',
    `fork${args.clone_parent ? ' (CLONE_PARENT)' : ''} -> ${pid}`,
    t.pid,
    {
      child: pid,
      parent,
    },
  );
  createTask(c, {
    pid,
    tgid: pid,
    parent,
    comm,
    pgid: t.pgid,
    sid: t.sid,
    exit_signal: 17,
    // SIG_IGN survives fork; the freezer cgroup and the namespaces are inherited.
    ignoreSigchld: t.ignoreSigchld,
    inFreezer: t.inFreezer,
    nsproxy: t.nsproxy,
  });
  emit(
    world,
    actor,
    'copy_process',
    `${pid} "${showComm(comm)}": child of ${parent || 'the outside parent'}`,
    pid,
    {
      parent,
      tgid: pid,
    },
  );
  return ok({ pid });
}

export interface ThreadArgs {
  pid: number;
  tid?: number;
}

/** clone(CLONE_THREAD): a new thread in pid's group, a child of the group leader's parent. */
export function thread(world: World, args: ThreadArgs): KResult<{ pid: number }> {
  const b = begin(world, args.pid, 'do_fork', true);
  if (!b.ok) return b;
  const { c, t } = b;
  const actor = partId(t.pid);
  const leader = c.tasks.get(t.tgid);
  if (!leader) {
    return refuse(
      world,
      actor,
      'do_fork',
      kerror('ESRCH', `thread group ${t.tgid} has no leader`),
      t.pid,
    );
  }
  const picked = pickPid(c, args.tid, 'thread id');
  if (!picked.ok) return refuse(world, actor, 'do_fork', picked.error, t.pid);
  const pid = picked.value;
  emit(world, actor, 'do_fork', `clone(CLONE_THREAD) -> ${pid} in group ${t.tgid}`, t.pid, {
    child: pid,
    tgid: t.tgid,
  });
  createTask(c, {
    pid,
    tgid: t.tgid,
    parent: leader.parent,
    comm: t.comm,
    pgid: t.pgid,
    sid: t.sid,
    exit_signal: -1,
    ignoreSigchld: t.ignoreSigchld,
    inFreezer: t.inFreezer,
    nsproxy: t.nsproxy,
  });
  emit(
    world,
    actor,
    'copy_process',
    `thread ${pid} of ${t.tgid}, on ${leader.parent || 'outside'}'s children list`,
    pid,
    {
      parent: leader.parent,
      tgid: t.tgid,
    },
  );
  return ok({ pid });
}
