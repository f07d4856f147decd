import { describe, expect, it } from 'vitest';
import { threadExit } from './exit-ops';
import { thread } from './fork';
import { cur, task, worldOf, type Entry } from './testing';
import { threadGroup } from './tree';
import { cloneContainer } from './world';

/** init with `n` sibling children, the last of which has two threads. */
function siblings(n: number): Entry[] {
  const list: Entry[] = [{ pid: 1 }];
  for (let pid = 2; pid <= n + 1; pid++) list.push({ pid, ppid: 1 });
  list.push({ pid: n + 2, tgid: n + 1 }, { pid: n + 3, tgid: n + 1 });
  return list;
}

describe('threadGroup', () => {
  it('returns the leader, then the threads in the order they were created', () => {
    const w = worldOf(siblings(3));
    expect(thread(w, { pid: 4, tid: 9 }).ok).toBe(true);
    expect(threadGroup(cur(w), task(w, 6)).map((t) => t.pid)).toEqual([4, 5, 6, 9]);
    expect(threadGroup(cur(w), task(w, 2)).map((t) => t.pid)).toEqual([2]);
  });

  it('looks at the tasks of the group only, never at every sibling (exits stay linear)', () => {
    const w = worldOf(siblings(5000));
    const c = cur(w);
    const get = c.tasks.get.bind(c.tasks);
    let lookups = 0;
    c.tasks.get = (pid: number) => {
      lookups++;
      return get(pid);
    };
    expect(threadGroup(c, get(5002)!).map((t) => t.pid)).toEqual([5001, 5002, 5003]);
    expect(threadGroup(c, get(2)!).map((t) => t.pid)).toEqual([2]);
    expect(lookups).toBeLessThanOrEqual(5);
  });

  it('forgets released threads, and a copy of the container has its own groups', () => {
    const w = worldOf(siblings(2));
    const copy = cloneContainer(cur(w));
    // pid 4 is a thread of 3: a thread that exits is released at once.
    expect(threadExit(w, { pid: 4 }).ok).toBe(true);
    expect(threadGroup(cur(w), task(w, 3)).map((t) => t.pid)).toEqual([3, 5]);
    expect(threadGroup(copy, copy.tasks.get(3)!).map((t) => t.pid)).toEqual([3, 4, 5]);
  });
});
