import type { DebuggerInstance } from './instance';

export interface CrvizTestHook {
  /** Terminates the engine worker behind the client's back, as a crash would. */
  killWorker(): void;
  /** How many times the client has restarted the worker. */
  restarts(): number;
  /** Number of steps in the session's scenario. */
  scenarioSteps(): number;
}

declare global {
  interface Window {
    __crviz?: CrvizTestHook;
  }
}

/** Installs `window.__crviz` in dev and test builds only; returns its remover. */
export function installTestHook(instance: DebuggerInstance): () => void {
  if (!(import.meta.env.DEV || import.meta.env.MODE === 'test')) return () => undefined;
  const hook: CrvizTestHook = {
    killWorker: () => instance.killWorker(),
    restarts: () => instance.restarts(),
    scenarioSteps: () => instance.store.getState().recording?.scenario.steps.length ?? 0,
  };
  window.__crviz = hook;
  return () => {
    if (window.__crviz === hook) delete window.__crviz;
  };
}
