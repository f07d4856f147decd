import { describe, expect, it } from 'vitest';
import { writeImage } from './image/writer';
import type { ImageInput } from './image/types';
import { buildContainer } from './kernel/build';
import { fork, thread } from './kernel/fork';
import { PID_MAX_LIMIT } from './kernel/tree';
import { createWorld, currentContainer } from './kernel/world';
import { formatBytes, MAX_TASKS, sizeRefusal } from './limits';
import { parseScenario } from './scenario/parse';
import { runScenario } from './scenario/runner';
import type { TreeEntry } from './scenario/types';
import { entries } from './kernel/testing';

/** init with n - 1 children, as a scenario's JSON text (defaults keep it small). */
function treeText(n: number, steps: unknown[] = []): string {
  const tree = ['{"pid":1,"ppid":0,"init":true}'];
  for (let pid = 2; pid <= n; pid++) tree.push(`{"pid":${pid},"ppid":1}`);
  return `{"format":"crviz-scenario/1","name":"big","tree":[${tree.join(',')}],"steps":${JSON.stringify(steps)}}`;
}

function flatTree(n: number): TreeEntry[] {
  return entries(Array.from({ length: n }, (_, i) => ({ pid: i + 1, ppid: i === 0 ? 0 : 1 })));
}

describe('one task limit for a container', () => {
  it('a million-task tree is refused up front by the parser, naming the limit', () => {
    const r = parseScenario(treeText(1_000_000), 'big.json');
    expect(r).toEqual({
      ok: false,
      message: `tree: the tree has 1,000,000 tasks, more than the ${MAX_TASKS.toLocaleString('en')} crviz simulates in one container`,
    });
  });

  it('a tree at the limit is accepted', () => {
    expect(parseScenario(treeText(MAX_TASKS), 'max.json').ok).toBe(true);
  });

  it('building a container over the limit fails without creating a task', () => {
    const w = createWorld();
    const r = buildContainer(w, flatTree(MAX_TASKS + 1));
    expect(r.ok).toBe(false);
    expect(w.containers).toHaveLength(0);
  });

  it('fork and thread in a full container are EAGAIN', () => {
    const w = createWorld();
    expect(buildContainer(w, flatTree(MAX_TASKS)).ok).toBe(true);
    const f = fork(w, { pid: 1 });
    expect(!f.ok && f.error.errno).toBe('EAGAIN');
    const t = thread(w, { pid: 2 });
    expect(!t.ok && t.error.errno).toBe('EAGAIN');
    expect(currentContainer(w)!.tasks.size).toBe(MAX_TASKS);
  });

  it('restarting an image of more tasks than the limit is ENOMEM before any task exists', () => {
    const n = MAX_TASKS + 1;
    const img: ImageInput = {
      uflags: 0,
      pids: Array.from({ length: n }, (_, i) => ({
        vpid: i + 1,
        vppid: i === 0 ? 0 : 1,
        vtgid: i + 1,
        vpgid: 1,
        vsid: 1,
      })),
      tasks: Array.from({ length: n }, () => ({
        state: 2,
        exit_state: 0,
        exit_code: 0,
        exit_signal: 17,
        pdeath_signal: 0,
        set_child_tid: 0,
        clear_child_tid: 0,
        comm: 't',
      })),
    };
    const bytes = writeImage(img);
    const s = parseScenario(
      JSON.stringify({
        format: 'crviz-scenario/1',
        name: 'load',
        steps: [
          { op: 'load_image', image: 'a', path: 'a.ckpt' },
          { op: 'restart', image: 'a' },
        ],
      }),
      'load.json',
    );
    if (!s.ok) throw new Error(s.message);
    const r = runScenario(s.scenario, { baseDir: '.', readFile: () => bytes });
    if ('unsupported' in r) throw new Error(r.unsupported);
    expect(r.steps[1]).toMatchObject({ ok: false, errno: 'ENOMEM' });
    expect(r.steps[1].message).toContain('crviz simulates in one container');
  });
});

describe('one pid limit for fork', () => {
  it('a default child pid never passes PID_MAX_LIMIT: it wraps to the lowest free pid from 300', () => {
    const w = createWorld();
    expect(buildContainer(w, entries([{ pid: 1 }, { pid: PID_MAX_LIMIT, ppid: 1 }])).ok).toBe(true);
    const r = fork(w, { pid: 1 });
    expect(r).toEqual({ ok: true, value: { pid: 300 } });
    const again = fork(w, { pid: 1 });
    expect(again).toEqual({ ok: true, value: { pid: 301 } });
    const explicit = fork(w, { pid: 1, child: PID_MAX_LIMIT + 1 });
    expect(!explicit.ok && explicit.error.errno).toBe('EINVAL');
  });
});

describe('size limits', () => {
  it('names sizes and limits', () => {
    expect(formatBytes(900)).toBe('900 bytes');
    expect(formatBytes(16 * 1024 * 1024)).toBe('16 MiB');
    expect(formatBytes(1.5 * 1024 ** 3)).toBe('1.5 GiB');
    expect(sizeRefusal('image', 16 * 1024 * 1024)).toBeNull();
    expect(sizeRefusal('image', 16 * 1024 * 1024 + 1)).toBe(
      'too large (16,777,217 bytes): a checkpoint image may be at most 16 MiB',
    );
  });
});
