/** exit_notify's last part and release_task: how a dead task tells its parent, or reaps itself. */
import { EXIT_DEAD, EXIT_ZOMBIE, PF_RESTARTING, SIGCHLD } from './constants';
import { defaultAction, signalName } from './signals';
import type { Task } from './types';
import { emit, type K } from './operation';
import { partId, type Actor } from '../part-id';
import { groupEmpty, isLeader, threadGroup, unlinkChild } from './tree';
import { forgetOriginalParent } from './reparent';
import { killOrphanedPgrp } from './pgrp';

export function exitNotifyK(k: K, pid: number): void {
  const { c } = k;
  const t = c.tasks.get(pid);
  if (!t || t.exit_state !== 0) return;
  const actor = partId(pid);
  if (t.ptracer) {
    emit(
      k,
      actor,
      'ptrace_detach',
      `exiting tracee ${pid} detaches from tracer ${t.ptracer}`,
      pid,
      {
        tracer: t.ptracer,
      },
    );
    const tracer = c.tasks.get(t.ptracer);
    if (tracer) tracer.tracees--;
    t.ptracer = 0;
  }
  forgetOriginalParent(k, t);
  // group_dead: the last thread of the group to get here checks its process group.
  const group = threadGroup(c, t);
  if (group.every((x) => x === t || x.exit_state !== 0)) {
    killOrphanedPgrp(k, group[0] ?? t, null, (t.flags & PF_RESTARTING) !== 0);
  }
  if (isLeader(t) && !groupEmpty(c, t)) {
    t.exit_state = EXIT_ZOMBIE;
    emit(
      k,
      actor,
      'exit_notify',
      `delayed group leader: zombie, parent not told while threads live`,
      pid,
      {
        exit_state: EXIT_ZOMBIE,
      },
    );
    return;
  }
  if (t.exit_signal === -1) {
    t.exit_state = EXIT_DEAD;
    emit(k, actor, 'exit_notify', 'detached (exit_signal -1): EXIT_DEAD, reaped at once', pid, {
      exit_state: EXIT_DEAD,
    });
    releaseTask(k, t, actor);
    return;
  }
  const reap = doNotifyParent(k, t, actor);
  t.exit_state = reap ? EXIT_DEAD : EXIT_ZOMBIE;
  const what = reap ? 'EXIT_DEAD: auto-reaped' : 'zombie, waiting to be reaped';
  emit(k, actor, 'exit_notify', what, pid, { exit_state: t.exit_state, exit_code: t.exit_code });
  if (reap) releaseTask(k, t, actor);
}

/**
 * do_notify_parent(): true when the task must be reaped at once (the parent ignores SIGCHLD).
 * PF_RESTARTING returns early, so a restarting zombie stays a zombie and nobody hears of it.
 */
export function doNotifyParent(k: K, t: Task, actor: Actor): boolean {
  const sig = t.exit_signal;
  if (t.flags & PF_RESTARTING) {
    emit(
      k,
      actor,
      'do_notify_parent',
      'muted by PF_RESTARTING: no signal, parent not woken',
      t.pid,
      {
        muted: true,
      },
    );
    return false;
  }
  const parent = t.parent === 0 ? undefined : k.c.tasks.get(t.parent);
  if (!parent) {
    emit(
      k,
      actor,
      'do_notify_parent',
      `${signalName(sig)} to the parent outside the container`,
      t.pid,
      {
        signal: sig,
        parent: 0,
      },
    );
    return false;
  }
  if (sig === SIGCHLD && parent.ignoreSigchld) {
    t.exit_signal = -1;
    const what = `parent ${parent.pid} ignores SIGCHLD: no signal, reap at once`;
    emit(k, actor, 'do_notify_parent', what, t.pid, {
      exit_signal: sig,
      auto_reap: true,
      parent: parent.pid,
    });
    return true;
  }
  if (sig <= 0) {
    emit(
      k,
      actor,
      'do_notify_parent',
      `exit_signal ${sig}: parent ${parent.pid} is only woken`,
      t.pid,
      {
        parent: parent.pid,
      },
    );
    return false;
  }
  emit(k, actor, 'do_notify_parent', `${signalName(sig)} to parent ${parent.pid}`, t.pid, {
    signal: sig,
    parent: parent.pid,
  });
  // SIGCHLD's default action is to ignore it; other exit signals act on the parent later.
  if (defaultAction(sig) !== 'ignore') {
    k.queue.push({ pid: parent.pid, sig, actor, why: 'exit signal', internal: true });
  }
  return false;
}

/**
 * release_task(): the task disappears. The last thread of a group whose leader is a zombie
 * reports that leader to its parent now, which may reap the leader too.
 */
export function releaseTask(k: K, t: Task, actor: Actor): void {
  const { c } = k;
  unlinkChild(c, t);
  c.tasks.delete(t.pid);
  emit(k, actor, 'release_task', `task ${t.pid} released`, t.pid);
  if (isLeader(t)) return;
  const leader = c.tasks.get(t.tgid);
  if (!leader || leader.exit_state !== EXIT_ZOMBIE || !groupEmpty(c, leader)) return;
  const reap = doNotifyParent(k, leader, actor);
  if (reap) {
    leader.exit_state = EXIT_DEAD;
    releaseTask(k, leader, actor);
  }
}
