import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { scenario } from '../../engine/scenario/testing';
import { runSession } from '../../engine/session';
import { createDebuggerStore } from '../../store/createDebuggerStore';
import type { DebuggerInstance } from '../instance';
import { installPersistence, loadPersisted, STORAGE_KEY } from './persist';

/** localStorage as a Map, counting writes. */
function memoryStorage() {
  const data = new Map<string, string>();
  const storage = {
    writes: 0,
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => {
      storage.writes++;
      data.set(k, v);
    },
    removeItem: (k: string) => void data.delete(k),
  };
  return storage;
}

function instanceWith(tasks: number) {
  const tree = [{ pid: 1, ppid: 0, comm: 'init' }];
  for (let pid = 2; pid <= tasks; pid++) tree.push({ pid, ppid: 1, comm: `w${pid}` });
  const store = createDebuggerStore();
  store.getState().setRecording(runSession(scenario({ tree, steps: [{ op: 'freeze' }] })));
  return { store } as unknown as DebuggerInstance;
}

describe('session persistence', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.stubGlobal('window', { addEventListener() {}, removeEventListener() {} });
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('keeps the scenario and the cursor, writing once for a burst of cursor moves', () => {
    const storage = memoryStorage();
    const instance = instanceWith(3);
    const off = installPersistence(instance, storage as unknown as Storage);
    for (let i = 0; i < 5; i++) instance.store.getState().stepBy(-1);
    vi.advanceTimersByTime(300);
    // The scenario once, the moment once.
    expect(storage.writes).toBe(2);
    instance.store.getState().stepBy(1);
    vi.advanceTimersByTime(300);
    expect(storage.writes).toBe(3);
    expect(loadPersisted(storage as unknown as Storage)!.cursor).toBe(
      instance.store.getState().cursor,
    );
    const m = loadPersisted(storage as unknown as Storage)!;
    expect(m.cursor).toBe(instance.store.getState().cursor);
    expect(JSON.parse(m.scenarioText)).toEqual(instance.store.getState().recording!.scenario);
    off();
  });

  it('does not keep a scenario too large for localStorage, and forgets an older one', () => {
    const storage = memoryStorage();
    storage.setItem(STORAGE_KEY, JSON.stringify({ scenarioText: '{}', cursor: 0 }));
    const instance = instanceWith(15_000);
    const off = installPersistence(instance, storage as unknown as Storage);
    instance.store.getState().stepBy(-1);
    vi.advanceTimersByTime(300);
    expect(storage.getItem(STORAGE_KEY)).toBeNull();
    expect(loadPersisted(storage as unknown as Storage)).toBeNull();
    off();
  });

  it('a full storage says once that the session is no longer saved', () => {
    const storage = memoryStorage();
    storage.setItem = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    const instance = instanceWith(3);
    const off = installPersistence(instance, storage as unknown as Storage);
    for (let i = 0; i < 3; i++) {
      instance.store.getState().stepBy(-1);
      vi.advanceTimersByTime(300);
    }
    expect(instance.store.getState().notices.map((n) => n.text)).toEqual([
      'The session is no longer saved (The quota has been exceeded.): a reload will not bring it back.',
    ]);
    off();
  });
});
