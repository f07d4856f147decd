import { kerror, type KError, type KResult } from '../errno';
import type { PidsEntry } from '../image/types';

/*
 * DumpForest, as user space runs it before it creates anything: columbia/user-cr restart.c at
 * commit 43936cf (2009-09-03, the v18-28 era): ckpt_init_tree, ckpt_setup_task,
 * ckpt_set_creator, ckpt_placeholder_task, ckpt_propagate_session (the algorithm of Laadan and
 * Nieh, "Transparent Checkpoint/Restart of Multiple Processes on Commodity Operating Systems",
 * USENIX 2007). With `ghosts` (the 73/80 era, restart.c of 2009-09-23, c82d64b), an entry for a
 * sid or pgid that names no task is a TASK_GHOST that stays and calls restart(RESTART_GHOST)
 * instead of a TASK_DEAD that exits.
 */

export const TASK_ROOT = 0x1;
export const TASK_DEAD = 0x2;
export const TASK_THREAD = 0x4;
export const TASK_SIBLING = 0x8;
export const TASK_SESSION = 0x10;
export const TASK_GHOST = 0x40;

/** One entry of user space's task table. Children form the C code's linked list. */
export interface ForestTask {
  pid: number;
  ppid: number;
  tgid: number;
  sid: number;
  flags: number;
  /** Index in the pids array; -1 for dead entries, ghosts and placeholders. */
  index: number;
  /** null: the root, created by the coordinator (zero_task). */
  creator: ForestTask | null;
  /** First child; a creator forks its children in this list's order. */
  children: ForestTask | null;
  nextSib: ForestTask | null;
  prevSib: ForestTask | null;
  /** The placeholder that forks this session's orphans. */
  phantom: ForestTask | null;
}

interface Table {
  tasks: ForestTask[];
  byPid: Map<number, ForestTask>;
  /** ctx->tasks_pid: the highest pid a dead entry took, where placeholder pids start. */
  maxPid: number;
  root: ForestTask;
}

function entry(pid: number, ppid: number, tgid: number, sid: number, flags: number, index: number) {
  const t: ForestTask = {
    pid,
    ppid,
    tgid,
    sid,
    flags,
    index,
    creator: null,
    children: null,
    nextSib: null,
    prevSib: null,
    phantom: null,
  };
  return t;
}

/** The children of a forest entry, in the order its creator forks them. */
export function childrenOf(t: ForestTask): ForestTask[] {
  const out: ForestTask[] = [];
  for (let c = t.children; c; c = c.nextSib) out.push(c);
  return out;
}

/**
 * DumpForest: every entry's creator and flags, plus the entries for sids and pgids that name no
 * task and the placeholders for orphans of another session. A logical error is EINVAL (user
 * space prints it and exits before it forks anything).
 */
export function dumpForest(input: readonly PidsEntry[], ghosts: boolean): KResult<ForestTask[]> {
  // ckpt_init_tree "XXX for out-of-container subtrees" (43936cf): sids and pgids equal to the
  // root's sid or pgid become the root's pid (on user space's copy of the array). c82d64b has
  // dropped it.
  const rootPid = input[0].vpid;
  const rootSid = input[0].vsid;
  const rootPgid = input[0].vpgid;
  const pids = ghosts
    ? input
    : input.map((e) => ({
        ...e,
        vsid: e.vsid === rootSid ? rootPid : e.vsid,
        vpgid: e.vpgid === rootSid || e.vpgid === rootPgid ? rootPid : e.vpgid,
      }));
  const byPid = new Map<number, ForestTask>();
  const tasks: ForestTask[] = [];
  for (let i = 0; i < pids.length; i++) {
    const e = pids[i];
    const t = entry(e.vpid, e.vppid, e.vtgid, e.vsid, 0, i);
    tasks.push(t);
    byPid.set(t.pid, t);
  }
  const table: Table = { tasks, byPid, maxPid: 0, root: tasks[0] };
  // ckpt_setup_task: a sid or pgid nobody has becomes an entry of its own. 43936cf: a
  // TASK_DEAD with ppid the root and sid itself, which re-creates that id and exits. c82d64b:
  // a TASK_GHOST with ppid and sid the root (for a sid) or the task's session (for a pgid),
  // which stays and calls restart(RESTART_GHOST) so that the pgid has a live owner.
  for (const e of pids) {
    if (ghosts) {
      setupGhost(table, e.vsid, rootPid);
      setupGhost(table, e.vtgid, e.vsid);
      setupGhost(table, e.vpgid, e.vsid);
    } else {
      setupTask(table, e.vsid);
      setupTask(table, e.vpgid);
    }
  }
  table.root.flags |= TASK_ROOT;
  for (let i = 0; i < table.tasks.length; i++) {
    const t = table.tasks[i];
    if (t === table.root || t.creator) continue;
    const error = setCreator(table, t);
    if (error) return { ok: false, error };
  }
  return { ok: true, value: table.tasks };
}

function setupTask(table: Table, pid: number): void {
  if (pid === 0 || table.byPid.has(pid)) return;
  add(table, entry(pid, table.root.pid, pid, pid, TASK_DEAD, -1));
}

function setupGhost(table: Table, pid: number, ppid: number): void {
  if (pid === 0 || table.byPid.has(pid)) return;
  add(table, entry(pid, ppid, pid, ppid, TASK_GHOST, -1));
}

function add(table: Table, t: ForestTask): void {
  table.tasks.push(t);
  table.byPid.set(t.pid, t);
  if (t.pid > table.maxPid) table.maxPid = t.pid;
}

/** Puts `task` at the head of `creator`'s children (the C code prepends). */
function prepend(creator: ForestTask, task: ForestTask): void {
  task.prevSib = null;
  task.nextSib = creator.children;
  if (creator.children) creator.children.prevSib = task;
  creator.children = task;
  task.creator = creator;
}

/**
 * Takes `task` out of its creator's list. (restart.c sets the creator's head to the task's
 * next sibling, which loses the siblings before it when the task is not the head; crviz
 * unlinks it properly.)
 */
function unlink(task: ForestTask): void {
  const c = task.creator;
  if (task.prevSib) task.prevSib.nextSib = task.nextSib;
  else if (c && c.children === task) c.children = task.nextSib;
  if (task.nextSib) task.nextSib.prevSib = task.prevSib;
  task.nextSib = null;
  task.prevSib = null;
}

function setCreator(table: Table, task: ForestTask): KError | null {
  const { byPid, root } = table;
  const session = byPid.get(task.sid);
  const parent = byPid.get(task.ppid);
  let creator: ForestTask | undefined;
  if (task.tgid !== task.pid) {
    // thread: its creator is the thread group leader
    creator = byPid.get(task.tgid);
    if (!creator) return kerror('EINVAL', `pid ${task.pid}: no leader ${task.tgid}`);
    task.flags |= TASK_THREAD;
  } else if (task.pid === task.sid) {
    // session leader: its creator is its parent (a dead entry's sid is itself: the root)
    creator = parent;
  } else if (task.flags & TASK_DEAD) {
    creator = session;
  } else if (parent && task.sid === parent.sid) {
    creator = parent;
  } else if (task.ppid === 1) {
    // an orphan of another session: a placeholder forks it and exits
    if (!session) return kerror('EINVAL', `pid ${task.pid}: no session leader ${task.sid}`);
    if (!session.phantom) placeholder(table, task, session);
    creator = session.phantom!;
  } else {
    if (!session) return kerror('EINVAL', `pid ${task.pid}: no session leader ${task.sid}`);
    if (!session.creator && session !== root) {
      const error = setCreator(table, session);
      if (error) return error;
    }
    // The root's creator is the coordinator, zero_task: pid 0.
    const sessionCreatorPid = session.creator?.pid ?? 0;
    if (sessionCreatorPid === task.ppid) {
      if (session === root)
        return kerror('EINVAL', `pid ${task.pid}: sibling session prohibited with init as creator`);
      creator = session;
      task.flags |= TASK_SIBLING;
    } else {
      creator = parent;
      task.flags |= TASK_SESSION;
    }
  }
  if (!creator) return kerror('EINVAL', `pid ${task.pid}: invalid ppid ${task.ppid}`);
  prepend(creator, task);
  if (task.flags & TASK_SESSION) return propagateSession(table, task);
  return null;
}

/** ckpt_placeholder_task: a TASK_DEAD entry in the session that will fork `task` and exit. */
function placeholder(table: Table, task: ForestTask, session: ForestTask): void {
  do table.maxPid++;
  while (table.byPid.has(table.maxPid));
  const holder = entry(table.maxPid, table.root.pid, table.maxPid, task.sid, TASK_DEAD, -1);
  table.tasks.push(holder);
  prepend(session, holder);
  session.phantom = holder;
  unlink(task);
  task.creator = holder;
}

/** ckpt_propagate_session: TASK_SESSION up the creators until one has the session's id. */
function propagateSession(table: Table, start: ForestTask): KError | null {
  const { byPid, root } = table;
  const sid = start.sid;
  const session = byPid.get(sid);
  let task = start;
  do {
    task.flags |= TASK_SESSION;
    const creator = task.creator!;
    if (creator.pid === 1 && session) {
      placeholder(table, task, session);
      prepend(task.creator!, task);
    }
    task = creator;
    if (!task.creator && task !== root) {
      const error = setCreator(table, task);
      if (error) return error;
    }
  } while (
    task.sid !== sid &&
    task !== root &&
    !(task.flags & TASK_SESSION) &&
    task.creator !== session
  );
  return null;
}
