/** zap_pid_ns_processes(): the end of a pid namespace, done in one pass for big containers. */
import { SIGKILL } from './constants';
import type { Container, Task } from './types';
import { emit, type K } from './operation';
import { partId, type Actor } from '../part-id';
import { removeTask } from './world';

/**
 * The child reaper is exiting: SIGKILL every other task of the namespace and reap them all.
 * Done in bulk (no per-task reparenting) because every one of them dies in the same step;
 * the dying init keeps its own zombie leader, if any, until its own exit completes.
 */
export function zapPidNs(k: K, father: Task): void {
  const { c } = k;
  const actor = partId(father.pid);
  const victims = [...c.tasks.values()]
    .filter((x) => x !== father && !(x.tgid === father.tgid && x.exit_state !== 0))
    .map((x) => x.pid)
    .sort((a, b) => a - b);
  emit(
    k,
    actor,
    'zap_pid_ns_processes',
    `container init exits: SIGKILL to ${victims.length} tasks`,
    father.pid,
    {
      tasks: victims.length,
    },
  );
  killAll(k, c, victims, actor);
  father.children = [];
  c.outer = c.outer.filter((pid) => c.tasks.has(pid));
  k.zapped = true;
}

function killAll(k: K, c: Container, pids: number[], actor: Actor): void {
  for (const pid of pids) {
    const t = c.tasks.get(pid);
    if (!t) continue;
    const what = t.exit_state === 0 ? `${pid} killed by SIGKILL and reaped` : `${pid} reaped`;
    // Released, then said: the frame of this event shows the world after it (it showed the
    // task still there, and its removal at the next task's event).
    removeTask(c, t);
    k.log.emit({ actor, fn: 'release_task', what, pid, data: { signal: SIGKILL } });
  }
}

/** The outside parent reaps the dead init: nothing of the namespace is left. */
export function finishZap(k: K, actor: Actor): void {
  const { c } = k;
  emit(
    k,
    actor,
    'release_task',
    `container ${c.id} is gone: its init was reaped outside`,
    undefined,
    {
      container: c.id,
    },
  );
  c.destroyed = true;
  c.tasks.clear();
  c.pidHigh = 0;
  c.threads.clear();
  c.outer = [];
}

/** The destroy op: every task, init included, dies by SIGKILL; the container is gone. */
export function destroyContainer(k: K): void {
  const { c } = k;
  const pids = [...c.tasks.keys()].sort((a, b) => a - b);
  emit(
    k,
    'user',
    'zap_pid_ns_processes',
    `destroy container ${c.id}: SIGKILL to ${pids.length} tasks`,
    undefined,
    {
      tasks: pids.length,
      container: c.id,
    },
  );
  killAll(k, c, pids, 'user');
  finishZap(k, 'user');
}
