import { describe, expect, it, vi } from 'vitest';
import { EngineLog } from '../events';
import { writeErrorImage, writeImage } from '../image/writer';
import { THREE_TASKS } from '../image/test-fixtures';
import type { Container, World } from '../kernel/types';
import type { ContainerView, TaskView } from '../snapshot';
import type { RunResult } from './outcome';
import { parseScenario } from './parse';
import { imageTaskCount, TREE_RECORD_OFFSET } from './report-image';
import { reportToJson, toReport } from './report';
import { sha256Hex } from './sha256';
import { TASK_VIEW_KEYS } from './testing';

// The report's contract is its shape and order, not how a task becomes a view: a fake view
// that lists tasks in reverse pid order checks that the report sorts them itself.
vi.mock('../kernel/view', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../kernel/view')>()),
  containerView: (c: Container): ContainerView => ({
    id: c.id,
    destroyed: c.destroyed,
    tasks: [...c.tasks.keys()].reverse().map((pid) => fakeTask(pid)),
  }),
}));

function fakeTask(pid: number): TaskView {
  // Keys deliberately out of contract order.
  return {
    traced: false,
    frozen: false,
    pdeath_signal: 0,
    exit_signal: 17,
    exit_code: 0,
    state: 'running',
    comm: `t${pid}`,
    sid: 1,
    pgid: 1,
    ppid: pid - 1,
    tgid: pid,
    pid,
  };
}

function container(id: number, pids: number[], destroyed = false): Container {
  const tasks = new Map(pids.map((p) => [p, { pid: p } as never]));
  return {
    id,
    destroyed,
    tasks,
    outer: [],
    threads: new Map(),
    pidHigh: -1,
    root: pids[0] ?? 0,
    init: 1,
    freezer: 'THAWED',
    nsproxy: id,
  };
}

function run(overrides: Partial<RunResult> = {}): RunResult {
  const parsed = parseScenario('{"format": "crviz-scenario/1", "steps": []}', 'three-zombies.json');
  if (!parsed.ok) throw new Error(parsed.message);
  const world: World = {
    containers: [container(1, [], true), container(2, [1, 3, 2])],
    current: 2,
    images: new Map([
      ['a', writeImage(THREE_TASKS)],
      ['refused', writeErrorImage('pid 3: unfrozen')],
    ]),
    log: new EngineLog(),
  };
  return {
    scenario: parsed.scenario,
    variant: 'v18-28',
    world,
    events: [
      { seq: 0, actor: 'user', fn: 'freezer_write', what: 'freeze' },
      { seq: 1, actor: 'coord', fn: 'do_restart', what: 'start', data: { active_pid: 1 } },
    ],
    steps: [
      { index: 0, op: 'fork', ok: true, fields: { pid: 3 } },
      {
        index: 1,
        op: 'checkpoint',
        ok: false,
        errno: 'EBUSY',
        code: -16,
        message: 'not frozen',
        fields: { image: 'refused' },
      },
      {
        index: 2,
        op: 'restart',
        ok: true,
        fields: { container: 2, order: [1, 2, 3], events: 61, ctx_refcount_end: 0 },
      },
    ],
    ...overrides,
  };
}

describe('toReport', () => {
  it('has the contract shape and key order', () => {
    const r = toReport(run(), { trace: false });
    expect(Object.keys(r)).toEqual([
      'format',
      'scenario',
      'variant',
      'ok',
      'steps',
      'containers',
      'images',
    ]);
    expect(r).toMatchObject({
      format: 'crviz-report/1',
      scenario: 'three-zombies',
      variant: 'v18-28',
      ok: true,
    });
    expect(r.steps[1]).toEqual({
      index: 1,
      op: 'checkpoint',
      ok: false,
      image: 'refused',
      errno: 'EBUSY',
      code: -16,
      message: 'not frozen',
    });
    expect(Object.keys(r.steps[1])).toEqual([
      'index',
      'op',
      'ok',
      'image',
      'errno',
      'code',
      'message',
    ]);
    expect(Object.keys(r.steps[2])).toEqual([
      'index',
      'op',
      'ok',
      'container',
      'order',
      'events',
      'ctx_refcount_end',
    ]);
    expect(r.containers.map((c) => [c.id, c.destroyed, c.tasks.map((t) => t.pid)])).toEqual([
      [1, true, []],
      [2, false, [1, 2, 3]],
    ]);
    expect(Object.keys(r.containers[1].tasks[0])).toEqual(TASK_VIEW_KEYS);
    const a = run().world.images.get('a') as Uint8Array;
    expect(r.images).toEqual({
      a: { bytes: a.length, tasks: 3, sha256: sha256Hex(a) },
      refused: {
        bytes: run().world.images.get('refused')?.length,
        tasks: 0,
        sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
      },
    });
    expect('trace' in r).toBe(false);
  });

  it('is not ok when an expectation failed, and marks the step', () => {
    const base = run();
    base.steps[0] = {
      index: 0,
      op: 'wait',
      ok: true,
      expect_failed: true,
      fields: { child: 3, status: 0 },
    };
    const r = toReport(base, { trace: false });
    expect(r.ok).toBe(false);
    expect(r.steps[0]).toEqual({
      index: 0,
      op: 'wait',
      ok: true,
      child: 3,
      status: 0,
      expect_failed: true,
    });
  });

  it('adds the trace on request, last', () => {
    const r = toReport(run(), { trace: true });
    expect(Object.keys(r).at(-1)).toBe('trace');
    expect(r.trace).toEqual(run().events);
  });

  it('is byte-identical for the same run and ends with a newline', () => {
    const a = reportToJson(toReport(run(), { trace: true }));
    const b = reportToJson(toReport(run(), { trace: true }));
    expect(a).toBe(b);
    expect(a.endsWith('}\n')).toBe(true);
    expect(a).toContain('\n  "format": "crviz-report/1",');
  });
});

describe('imageTaskCount', () => {
  it('reads nr_tasks of a full image and 0 otherwise', () => {
    const full = writeImage(THREE_TASKS);
    expect(imageTaskCount(full)).toBe(3);
    expect(imageTaskCount(full.subarray(0, TREE_RECORD_OFFSET + 4))).toBe(0);
    expect(imageTaskCount(writeErrorImage('x'))).toBe(0);
    expect(imageTaskCount(new Uint8Array(0))).toBe(0);
    const moved = new Uint8Array(full.length + 3);
    moved.set(full, 3);
    expect(imageTaskCount(moved.subarray(3))).toBe(3);
  });
});

describe('image names', () => {
  it('lists an image named __proto__ like any other', () => {
    const base = run();
    base.world.images = new Map([['__proto__', new Uint8Array([1])]]);
    const json = JSON.parse(reportToJson(toReport(base, { trace: false })));
    expect(Object.keys(json.images)).toEqual(['__proto__']);
  });
});
