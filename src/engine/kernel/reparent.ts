/** forget_original_parent(): where the children of an exiting task go (2.6.31). */
import {
  EXIT_DEAD,
  EXIT_ZOMBIE,
  PF_EXITING,
  PF_RESTARTING,
  SIGCHLD,
  TASK_RUNNING,
  TASK_TRACED,
} from './constants';
import { signalName } from './signals';
import type { Container, Task } from './types';
import { emit, type K } from './operation';
import { partId, type Actor } from '../part-id';
import { groupEmpty, linkChild, threadGroup } from './tree';
import { doNotifyParent, releaseTask } from './notify';
import { killOrphanedPgrp } from './pgrp';
import { zapPidNs } from './zap';

/**
 * The pid namespace's child_reaper: the container init while it has not exited, then (as
 * find_new_reaper moves it) the next thread of init's group that has not exited. 0 when there
 * is none, and for a container whose root is not an init (orphans go to the outside parent).
 */
export function childReaper(c: Container): number {
  if (c.init === 0) return 0;
  const init = c.tasks.get(c.init);
  if (!init) return 0;
  return threadGroup(c, init).find((x) => x.exit_state === 0)?.pid ?? 0;
}

/** find_new_reaper(): another live thread of the group, else the child reaper, else outside. */
function findNewReaper(k: K, father: Task): number {
  const group = threadGroup(k.c, father);
  const i = group.indexOf(father);
  // while_each_thread starts after father and wraps around.
  for (const x of group.slice(i + 1).concat(group.slice(0, i))) {
    if (x.exit_state === 0 && !(x.flags & PF_EXITING)) return x.pid;
  }
  const reaper = childReaper(k.c);
  if (reaper === father.pid) {
    zapPidNs(k, father);
    return 0;
  }
  return reaper;
}

export function forgetOriginalParent(k: K, father: Task): void {
  const { c } = k;
  const actor = partId(father.pid);
  exitPtrace(k, father, actor);
  const reaper = findNewReaper(k, father);
  if (father.children.length === 0) return;
  const kids = father.children;
  father.children = [];
  const reaperTask = reaper === 0 ? undefined : c.tasks.get(reaper);
  const where = reaper === 0 ? 'the parent outside the container' : `${reaper}`;
  emit(k, actor, 'forget_original_parent', `${kids.length} children go to ${where}`, father.pid, {
    children: kids.length,
    new_parent: reaper,
  });
  const moved: Task[] = [];
  for (const pid of kids) {
    const p = c.tasks.get(pid);
    if (!p) continue;
    linkChild(c, p, reaper);
    moved.push(p);
  }
  // Threads are found through their parent's children list, so every child moves before any
  // of them is looked at as a thread group (the kernel walks a separate thread list instead).
  const dead: Task[] = [];
  for (const p of moved) {
    const pid = p.pid;
    emit(k, actor, 'reparent_thread', `${pid} reparented from ${father.pid} to ${where}`, pid, {
      old_parent: father.pid,
      new_parent: reaper,
    });
    if (p.pdeath_signal !== 0 && p.exit_state === 0) {
      if (p.flags & PF_RESTARTING) {
        const what = `parent-death ${signalName(p.pdeath_signal)} skipped: ${pid} is restarting`;
        emit(k, actor, 'reparent_thread', what, pid, { signal: p.pdeath_signal, muted: true });
      } else {
        k.queue.push({
          pid,
          sig: p.pdeath_signal,
          actor,
          why: 'parent-death signal',
          internal: true,
        });
      }
    }
    if (p.exit_signal === -1) continue;
    // A threaded reparent (to a sibling thread of the dead parent) tells nobody anything.
    if (reaperTask && reaperTask.tgid === father.tgid) continue;
    p.exit_signal = SIGCHLD;
    if (
      !p.ptracer &&
      p.exit_state === EXIT_ZOMBIE &&
      groupEmpty(c, p) &&
      doNotifyParent(k, p, actor)
    ) {
      p.exit_state = EXIT_DEAD;
      dead.push(p);
    }
    killOrphanedPgrp(k, p, father, (p.flags & PF_RESTARTING) !== 0);
  }
  for (const p of dead) releaseTask(k, p, actor);
}

/** exit_ptrace(): a dying tracer lets its tracees go; they run again. */
function exitPtrace(k: K, tracer: Task, actor: Actor): void {
  if (tracer.tracees === 0) return;
  tracer.tracees = 0;
  for (const t of k.c.tasks.values()) {
    if (t.ptracer !== tracer.pid) continue;
    t.ptracer = 0;
    if (t.state & TASK_TRACED) t.state = TASK_RUNNING;
    emit(
      k,
      actor,
      'ptrace_detach',
      `tracer ${tracer.pid} exits: ${t.pid} detached and resumes`,
      t.pid,
      {
        tracer: tracer.pid,
      },
    );
  }
}
