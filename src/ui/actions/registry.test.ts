import { describe, expect, it } from 'vitest';
import type { TaskView, WorldSnapshot } from '../../engine/snapshot';
import type { Session } from '../../store/session';
import { createDebuggerStore } from '../../store/createDebuggerStore';
import { ACTIONS, actionById, actionForKey } from './registry';
import type { ActionContext } from './types';

const t = (pid: number, state: TaskView['state'] = 'running'): TaskView => ({
  pid,
  tgid: pid,
  ppid: pid === 1 ? 0 : 1,
  pgid: 1,
  sid: 1,
  comm: 'c',
  state,
  exit_code: 0,
  exit_signal: 17,
  pdeath_signal: 0,
  frozen: false,
  traced: false,
});

function ctx(opts: {
  selection?: number | null;
  images?: string[];
  frozen?: boolean;
  busy?: boolean;
}) {
  const store = createDebuggerStore();
  const end: WorldSnapshot = {
    current: 1,
    containers: [
      {
        id: 1,
        destroyed: false,
        tasks: [t(1), t(2, 'zombie')],
        freezer: opts.frozen ? 'FROZEN' : 'THAWED',
        root: 1,
      },
    ],
    images: opts.images ?? [],
    restart: null,
  };
  store.getState().select(opts.selection ?? null);
  store.getState().setBusy(!!opts.busy);
  const steps: unknown[] = [];
  const session = { applyStep: async (s: unknown) => steps.push(s) } as unknown as Session;
  const c: ActionContext = { state: store.getState(), end, here: end, session };
  return { c, steps };
}

describe('action registry', () => {
  it('has unique ids and unique shortcuts', () => {
    const ids = ACTIONS.map((a) => a.id);
    const keys = ACTIONS.flatMap((a) => (a.shortcut ? [a.shortcut] : []));
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(keys).size).toBe(keys.length);
    expect(actionForKey('k')?.label).toBe('Kill');
  });

  it('says why an action is disabled', () => {
    expect(actionById('restart').enabledWhen(ctx({}).c)).toBe(
      'Restart needs an image: checkpoint first',
    );
    expect(actionById('kill').enabledWhen(ctx({}).c)).toMatch(/Select a task/);
    expect(actionById('kill').enabledWhen(ctx({ selection: 2 }).c)).toMatch(/has exited/);
    expect(actionById('thaw').enabledWhen(ctx({}).c)).toMatch(/not frozen/);
    expect(actionById('freeze').enabledWhen(ctx({ busy: true }).c)).toMatch(/busy/);
    expect(actionById('restart').enabledWhen(ctx({ images: ['a'] }).c)).toBe(true);
  });

  it('performs by appending a step with the chosen parameters', async () => {
    const { c, steps } = ctx({ selection: 1 });
    const params = {
      signal: 9,
      core: true,
      exitStatus: 0,
      variant: null,
      schedule: 'fifo',
      example: null,
    };
    await actionById('kill').perform({ ...c, state: { ...c.state, params } });
    await actionById('checkpoint').perform(c);
    expect(steps).toEqual([
      { op: 'kill', pid: 1, signal: 9, core: true },
      { op: 'checkpoint', image: 'ckpt1' },
    ]);
  });
});
