import type { TaskView } from '../../engine/snapshot';
import type { TaskNode } from './model';

/**
 * `tasks` merged by pid with the last build's list `prev` (made into `prevNodes`), both in pid
 * order (the engine's lists are: timeline.ts tasksOf); null when `tasks` is not. Says which
 * indexes of `tasks` hold a new task object (`redo`), which pids came or went (`moved`), each
 * task's last node where its object is the same (`kept`, null where not: those are in `redo`)
 * and each index's index in `prev` (`source`, -1 for a task that came). A compare per task; a
 * pid is read only where the lists differ (a read of every task's pid is a cache miss each).
 * It does not yield: a compare per task is cheap enough for one slice at 100,000 tasks.
 */
export function alignByPid(
  tasks: readonly TaskView[],
  prev: readonly TaskView[],
  prevNodes: readonly TaskNode[],
): { redo: number[]; moved: number[]; kept: (TaskNode | null)[]; source: Int32Array } | null {
  const source = new Int32Array(tasks.length);
  const redo: number[] = [];
  const moved: number[] = [];
  const kept: (TaskNode | null)[] = [];
  let i = 0;
  for (let j = 0; j < tasks.length;) {
    const t = tasks[j];
    const p = i < prev.length ? prev[i] : undefined;
    if (p === t) {
      // Kept tasks come in the last list's order, which is pid order, and after a task
      // made again each is above it (the merge passed it first): no pid read. Reading each
      // task's pid was a cache miss per task, 3 ms a step at 70,000.
      kept.push(prevNodes[i]);
      source[j++] = i++;
    } else if (j > 0 && !(t.pid > tasks[j - 1].pid)) {
      return null;
    } else if (p && p.pid < t.pid) {
      moved.push(p.pid);
      i++;
    } else {
      if (!p || p.pid !== t.pid) {
        moved.push(t.pid);
        source[j] = -1;
      } else source[j] = i++;
      kept.push(null);
      redo.push(j++);
    }
  }
  for (; i < prev.length; i++) moved.push(prev[i].pid);
  return { redo, moved, kept, source };
}

/** A membership test for a few pids: compares for one or two, a Set beyond. */
export function pidsIn(pids: readonly number[]): (pid: number) => boolean {
  if (pids.length === 1) {
    const a = pids[0];
    return (pid) => pid === a;
  }
  const set = new Set(pids);
  return (pid) => set.has(pid);
}
