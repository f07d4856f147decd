/** kill_orphaned_pgrp(): job control's rescue of stopped jobs whose last outside link died. */
import { SIGCONT, SIGHUP, TASK_STOPPED } from './constants';
import type { Container, Task } from './types';
import { emit, type K } from './operation';
import { partId } from '../part-id';
import { isLeader } from './tree';

/**
 * `parent` null: `tsk` (a group leader) is exiting and may have been its pgrp's link outside.
 * Otherwise `tsk` is a child being reparented away from `parent`, which was the link.
 * A parent outside the container has an unknown pgrp and session, so it is never a link.
 */
export function killOrphanedPgrp(k: K, tsk: Task, parent: Task | null, restarting: boolean): void {
  if (restarting) return;
  const { c } = k;
  const ignored = parent ? null : tsk;
  const link = parent ?? c.tasks.get(tsk.parent);
  if (!link || link.pgid === tsk.pgid || link.sid !== tsk.sid) return;
  const pgid = tsk.pgid;
  if (!willBecomeOrphaned(c, pgid, ignored) || !hasStoppedJobs(c, pgid)) return;
  const members = [...c.tasks.values()]
    .filter((p) => p.pgid === pgid && isLeader(p) && p.exit_state === 0)
    .map((p) => p.pid)
    .sort((a, b) => a - b);
  const actor = partId(parent ? parent.pid : tsk.pid);
  emit(
    k,
    actor,
    'kill_orphaned_pgrp',
    `process group ${pgid} is orphaned with stopped jobs: SIGHUP, SIGCONT`,
    tsk.pid,
    {
      pgid,
      members: members.length,
    },
  );
  for (const sig of [SIGHUP, SIGCONT]) {
    for (const pid of members)
      k.queue.push({ pid, sig, actor, why: 'orphaned process group', internal: true });
  }
}

function willBecomeOrphaned(c: Container, pgid: number, ignored: Task | null): boolean {
  for (const p of c.tasks.values()) {
    // Only group leaders are attached to a pgrp (attach_pid(PIDTYPE_PGID) in copy_process).
    if (p.pgid !== pgid || p === ignored || p.exit_state !== 0 || !isLeader(p)) continue;
    const rp = p.parent === 0 ? undefined : c.tasks.get(p.parent);
    if (rp && rp.pgid !== pgid && rp.sid === p.sid) return false;
  }
  return true;
}

function hasStoppedJobs(c: Container, pgid: number): boolean {
  for (const p of c.tasks.values()) {
    if (p.pgid === pgid && p.exit_state === 0 && p.state & TASK_STOPPED) return true;
  }
  return false;
}
