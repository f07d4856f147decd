import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { TaskView, WorldSnapshot } from '../../engine/snapshot';
import type { DebuggerApp } from '../../app/debuggerApp';
import { createDebuggerStore } from '../../store/createDebuggerStore';
import type { Busy } from '../../store/types';
import { ACTIONS, actionById, actionForKey } from './registry';
import type { FoundViolation } from '../../engine/explore/explore';
import { DebuggerContext } from '../context';
import { UiHandles } from '../handles';
import { HelpSheet } from '../HelpSheet';
import type { DebuggerInstance } from '../instance';
import { enabledStates, runAction } from './run';
import type { ActionContext } from './types';
import { frameList } from '../../engine/timeline/frames';

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
  busy?: Busy;
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
  store.getState().setBusy(opts.busy ?? null);
  const steps: unknown[] = [];
  const app = { applyStep: async (s: unknown) => steps.push(s) } as unknown as DebuggerApp;
  const c: ActionContext = {
    state: store.getState(),
    end,
    here: end,
    app,
    store,
    handles: new UiHandles(),
    source: 'button',
  };
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
    expect(actionById('freeze').enabledWhen(ctx({ busy: 'load' }).c)).toMatch(/busy/);
    // The explorer keeps the engine busy too: a step would queue behind it.
    expect(actionById('fork').enabledWhen(ctx({ selection: 1, busy: 'explore' }).c)).toMatch(
      /busy/,
    );
    expect(actionById('kill').enabledWhen(ctx({ selection: 1, busy: 'explore' }).c)).toMatch(
      /busy/,
    );
    expect(actionById('cancel-run').enabledWhen(ctx({ busy: 'explore' }).c)).toBe(true);
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

describe('runAction', () => {
  it('runs an action only when it is enabled, with what it acts on', async () => {
    const store = createDebuggerStore();
    const calls: unknown[] = [];
    const app = {
      explore: async (v: unknown) => calls.push(['explore', v]),
      openViolation: async (v: unknown, variant: unknown) => calls.push(['open', v, variant]),
    } as unknown as DebuggerApp;
    const instance = { store, app, handles: new UiHandles() } as unknown as DebuggerInstance;
    expect(runAction(instance, 'explore', 'palette')).toBe(false);
    expect(runAction(instance, 'open-counterexample', 'button')).toBe(false);
    const v = { invariant: 'i', message: 'm', schedule: [] } as unknown as FoundViolation;
    store.getState().setExploreResult({ variant: 'naive', violations: [v] } as never);
    expect(enabledStates(store.getState())['open-counterexample']).toBe(true);
    store.getState().setBusy('explore');
    expect(enabledStates(store.getState())['open-counterexample']).toMatch(/busy/);
    store.getState().setBusy(null);
    expect(runAction(instance, 'open-counterexample', 'button', v)).toBe(true);
    expect(calls).toEqual([['open', v, 'naive']]);
  });

  it('calls what a mounted component offers, and nothing once it is withdrawn', () => {
    const store = createDebuggerStore();
    const handles = new UiHandles();
    const instance = { store, app: {}, handles } as unknown as DebuggerInstance;
    let fits = 0;
    const withdraw = handles.offer('fitTree', () => fits++);
    expect(runAction(instance, 'fit', 'button')).toBe(true);
    withdraw();
    runAction(instance, 'fit', 'button');
    expect(fits).toBe(1);
  });
});

/** A recording with just what the enabled-when checks read. */
function recording(images: Record<string, Uint8Array>, fns: string[] = []) {
  const frames = frameList(fns.map((fn) => ({ event: { fn } }) as never));
  return { scenario: { name: 's', steps: [] }, frames, images } as never;
}

/** The user actions that once bypassed the registry, each by the id it now runs under. */
const ONCE_BYPASSED = [
  'patch-image',
  'save-scenario',
  'export-svg',
  'export-png',
  'export-trace',
  'view-image',
  'download-image',
  'break-on-errors',
  'break-on-function',
  'break-when-active',
  'delete-breakpoint',
  'import-dropped',
];

describe('one action path', () => {
  it('has every user action in the registry, and the help sheet lists each', () => {
    const ids: string[] = ACTIONS.map((a) => a.id);
    expect(ONCE_BYPASSED.filter((id) => !ids.includes(id))).toEqual([]);
    const instance = { store: createDebuggerStore(), handles: new UiHandles() };
    const sheet = renderToStaticMarkup(
      createElement(
        DebuggerContext.Provider,
        { value: instance as never },
        createElement(HelpSheet),
      ),
    );
    for (const a of ACTIONS) expect(sheet).toContain(`<td>${a.label}</td>`);
  });

  it('runs the image, breakpoint and drop actions with what they act on', () => {
    const store = createDebuggerStore();
    const handles = new UiHandles();
    const instance = { store, app: {}, handles } as unknown as DebuggerInstance;
    expect(runAction(instance, 'view-image', 'button', 'ckpt1')).toBe(false);
    expect(runAction(instance, 'break-on-function', 'button')).toBe(false);
    store.setState({
      recording: recording({ ckpt1: new Uint8Array([1]), ckpt2: new Uint8Array([2]) }, ['do_exit']),
      cursor: 0,
    });
    const viewed: string[] = [];
    handles.offer('viewImage', (name) => viewed.push(name));
    expect(runAction(instance, 'view-image', 'button', 'ckpt1')).toBe(true);
    runAction(instance, 'view-image', 'palette');
    expect(viewed).toEqual(['ckpt1', 'ckpt2']);

    runAction(instance, 'break-on-errors', 'button');
    runAction(instance, 'break-on-function', 'palette');
    runAction(instance, 'break-on-function', 'button', 'copy_process');
    expect(store.getState().breakpoints).toEqual([
      { kind: 'error' },
      { kind: 'fn', fn: 'do_exit' },
      { kind: 'fn', fn: 'copy_process' },
    ]);
    runAction(instance, 'delete-breakpoint', 'button', { kind: 'fn', fn: 'do_exit' });
    runAction(instance, 'delete-breakpoint', 'palette');
    expect(store.getState().breakpoints).toEqual([{ kind: 'error' }]);

    let picks = 0;
    handles.offer('pickImportFile', () => picks++);
    expect(runAction(instance, 'import-dropped', 'palette')).toBe(true);
    expect(picks).toBe(1);
  });

  it('patches an image only when the engine is free', () => {
    const store = createDebuggerStore();
    const steps: unknown[] = [];
    const app = { applyStep: async (s: unknown) => steps.push(s) } as unknown as DebuggerApp;
    const instance = { store, app, handles: new UiHandles() } as unknown as DebuggerInstance;
    const patch = { image: 'ckpt1', pid: 1, field: 'exit_code', value: 3 } as const;
    expect(enabledStates(store.getState())['patch-image']).toMatch(/No scenario/);
    store.setState({
      recording: recording({ ckpt1: new Uint8Array() }),
      endSnapshot: { images: ['ckpt1'], containers: [] } as never,
    });
    store.getState().setBusy('explore');
    expect(runAction(instance, 'patch-image', 'button', patch)).toBe(false);
    store.getState().setBusy(null);
    expect(runAction(instance, 'patch-image', 'button', patch)).toBe(true);
    // The patch writes a new image, never over the one patched.
    expect(steps).toEqual([{ op: 'patch', ...patch, out: 'ckpt1-patched' }]);
  });
});
