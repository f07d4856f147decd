import { describe, expect, it } from 'vitest';
import { kerror } from '../errno';
import { stateKey } from '../explore/hash';
import { cloneContainer } from '../kernel/world';
import { prepareRestart } from '../scenario/runner';
import { CHECKPOINT_RESTART_STEPS, scenario } from '../scenario/testing';
import { cloneRun } from './clone';
import {
  COORD_PART_FIELDS,
  RESTART_CTX_FIELDS,
  RESTART_STATE_FIELDS,
  RESTARTING_TASK_FIELDS,
  TASK_PART_FIELDS,
  type FieldRole,
} from './fields';
import { beginRestart, stepRestart, type RestartRun } from './restart';
import type { RestartState } from './types';

/** A restart half-way: every task cloned, some restored, the ctx in use. */
function halfWay(): RestartRun {
  const s = scenario({
    tree: [
      { pid: 1, ppid: 0, comm: 'init' },
      { pid: 2, ppid: 1, comm: 'sh' },
      { pid: 3, ppid: 2, state: 'zombie', exit_code: 256 },
    ],
    steps: CHECKPOINT_RESTART_STEPS,
  });
  const prep = prepareRestart(s, { baseDir: '.', readFile: () => null });
  if ('unsupported' in prep) throw new Error(prep.unsupported);
  const run = beginRestart(prep.freshWorld(), {
    imageName: prep.image,
    bytes: prep.bytes,
    variant: prep.variant,
    log: null,
  });
  for (let i = 0; i < 20; i++) expect(stepRestart(run).ok).toBe(true);
  expect(run.s.ctx).not.toBeNull();
  expect(run.s.tasks.length).toBe(3);
  return run;
}

/** A different value of the same kind. */
function other(v: unknown): unknown {
  if (typeof v === 'boolean') return !v;
  if (typeof v === 'number') return v + 1;
  if (typeof v === 'string') return v === 'done' ? 'restart' : 'done';
  if (v === null) return kerror('EINVAL', 'changed');
  if (Array.isArray(v)) return [...(v as unknown[]), 99];
  if (typeof v === 'object' && 'errno' in v) return null;
  return { changed: true };
}

/**
 * For every field of a table, a copy of the half-way restart with only that field changed:
 * the key must change for the fields the table marks `state`, and not for the others (`fixed`
 * fields never differ between states of one restart: the key may read them or not).
 */
function expectKeyFollows(
  table: Record<string, FieldRole>,
  target: (s: RestartState) => Record<string, unknown>,
  change: (field: string, v: unknown) => unknown = (_field, v) => other(v),
) {
  const run = halfWay();
  const before = stateKey(run.s);
  const keyed: Record<string, boolean> = {};
  const expected: Record<string, boolean> = {};
  for (const [field, role] of Object.entries(table)) {
    if (role === 'fixed') continue;
    const copy = cloneRun(run);
    copy.s.container = cloneContainer(copy.s.container!);
    const obj = target(copy.s);
    expect(obj).toHaveProperty(field);
    obj[field] = change(field, obj[field]);
    keyed[field] = stateKey(copy.s) !== before;
    expected[field] = role === 'state';
  }
  expect(keyed).toEqual(expected);
}

describe('the explorer field tables', () => {
  it('the state key holds exactly the keyed fields of a restarting task part', () => {
    expectKeyFollows(TASK_PART_FIELDS, (s) => s.tasks[1] as never);
  });

  it('... of the coordinator', () => {
    expectKeyFollows(COORD_PART_FIELDS, (s) => s.coord as never);
  });

  it('... of the ctx', () => {
    expectKeyFollows(RESTART_CTX_FIELDS, (s) => s.ctx as never);
  });

  it('... of a restarting kernel task', () => {
    expectKeyFollows(RESTARTING_TASK_FIELDS, (s) => s.container!.tasks.get(2) as never);
  });

  it('... of the restart itself (its parts and ctx by their own tables)', () => {
    const own = Object.fromEntries(
      Object.entries(RESTART_STATE_FIELDS).filter(
        ([k]) => !['container', 'ctx', 'coord', 'tasks', 'byPid', 'runqueue', 'taken'].includes(k),
      ),
    );
    expectKeyFollows(
      own,
      (s) => s as never,
      (field, v) =>
        field === 'completion' ? { liveNotRestored: [2], zombiesNotZombie: [] } : other(v),
    );
  });

  it('a copy has every field of its original and shares no part with it', () => {
    const run = halfWay();
    const copy = cloneRun(run);
    expect({ ...copy.s, runqueue: null }).toEqual({ ...run.s, runqueue: null });
    // The container is shared copy on write: neither owns it until one of them writes.
    expect(copy.s.container).toBe(run.s.container);
    expect([copy.s.ownsContainer, run.s.ownsContainer]).toEqual([false, false]);
    expect(copy.s.runqueue.slots()).toEqual(run.s.runqueue.slots());
    expect(copy.s.coord).not.toBe(run.s.coord);
    expect(copy.s.ctx).not.toBe(run.s.ctx);
    copy.s.tasks.forEach((t, i) => {
      expect(t).not.toBe(run.s.tasks[i]);
      expect(copy.s.byPid.get(t.pid)).toBe(t);
    });
  });
});
