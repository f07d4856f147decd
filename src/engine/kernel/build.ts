/** The initial container from a scenario's tree (CONTRACTS.md 2.1). */
import { fail, ok, type KResult } from '../errno';
import type { TreeEntry } from '../scenario/types';
import { EXIT_ZOMBIE, TASK_DEAD, TASK_RUNNING, TASK_STOPPED, validSignal } from './constants';
import type { Container, World } from './types';
import { showComm, truncateComm } from './comm';
import { validPid } from './tree';
import { createTask, newContainer } from './world';

/** Checks the whole tree before creating anything, so a bad tree leaves the world untouched. */
function check(tree: TreeEntry[]): string | null {
  if (!Array.isArray(tree) || tree.length === 0) return 'the tree has no tasks';
  const seen = new Map<number, TreeEntry>();
  for (let i = 0; i < tree.length; i++) {
    const e = tree[i];
    const bad = entryProblem(e, i, seen);
    if (bad) return `tree[${i}] (pid ${String(e?.pid)}): ${bad}`;
    seen.set(e.pid, e);
  }
  return null;
}

function entryProblem(e: TreeEntry, i: number, seen: Map<number, TreeEntry>): string | null {
  if (!e || !validPid(e.pid)) return `invalid pid`;
  if (seen.has(e.pid)) return `duplicate pid ${e.pid}`;
  const leader = e.tgid === e.pid ? undefined : seen.get(e.tgid);
  if (e.tgid !== e.pid) {
    if (!leader) return `thread-group leader ${e.tgid} does not appear earlier`;
    if (leader.tgid !== leader.pid) return `${e.tgid} is not a thread-group leader`;
    if (e.state === 'zombie') return `a thread is reaped at once and cannot be a zombie`;
    if (e.exit_signal !== -1) return `a thread's exit_signal must be -1`;
    if (e.pgid !== leader.pgid || e.sid !== leader.sid)
      return `a thread shares its leader's pgid and sid`;
  } else if (i === 0) {
    if (e.ppid !== 0) return `the first entry must be the root (ppid 0)`;
  } else {
    if (e.ppid === 0) return `a second root (ppid 0)`;
    const parent = seen.get(e.ppid);
    if (!parent) return `parent ${e.ppid} does not appear earlier`;
    if (parent.state === 'zombie')
      return `parent ${e.ppid} is a zombie, which cannot have children`;
  }
  if (e.init && i !== 0) return `"init" is only meaningful for the root`;
  if (e.state !== 'zombie' && e.exit_code !== 0) return `exit_code is only allowed for a zombie`;
  if (!validSignal(e.pdeath_signal)) return `invalid pdeath_signal ${e.pdeath_signal}`;
  if (e.exit_signal !== -1 && !validSignal(e.exit_signal))
    return `invalid exit_signal ${e.exit_signal}`;
  if (!validPid(e.pgid) || !validPid(e.sid)) return `invalid pgid or sid`;
  return null;
}

export function buildContainer(world: World, tree: TreeEntry[]): KResult<Container> {
  const bad = check(tree);
  if (bad) {
    world.log.emit({ actor: 'user', fn: 'copy_process', what: bad, errno: 'EINVAL' });
    return fail('EINVAL', bad);
  }
  const root = tree[0];
  const c = newContainer(world, root.pid, root.init);
  for (const e of tree) {
    const leader = e.tgid === e.pid ? undefined : c.tasks.get(e.tgid);
    const parent = leader ? leader.parent : e.ppid;
    const zombie = e.state === 'zombie';
    createTask(c, {
      pid: e.pid,
      tgid: e.tgid,
      parent,
      comm: truncateComm(e.comm),
      pgid: e.pgid,
      sid: e.sid,
      state: zombie ? TASK_DEAD : e.state === 'stopped' ? TASK_STOPPED : TASK_RUNNING,
      exit_state: zombie ? EXIT_ZOMBIE : 0,
      exit_code: zombie ? e.exit_code : 0,
      exit_signal: e.exit_signal,
      pdeath_signal: e.pdeath_signal,
    });
    const kind = zombie ? 'zombie' : e.state;
    const rel = leader ? `thread of ${e.tgid}` : `child of ${parent || 'outside'}`;
    world.log.emit({
      actor: 'user',
      fn: 'copy_process',
      what: `tree: ${e.pid} "${showComm(e.comm)}" ${rel}, ${kind}`,
      pid: e.pid,
      data: { parent, tgid: e.tgid },
    });
  }
  return ok(c);
}
