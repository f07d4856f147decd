import { createDebuggerStore, type DebuggerStore } from '../store/createDebuggerStore';
import { Session } from '../store/session';
import { EngineClient, RESTART_NOTICE, type WorkerLike } from '../worker/client';

/** One debugger: its store, its engine worker and its session. Several can share a page. */
export interface DebuggerInstance {
  store: DebuggerStore;
  client: EngineClient;
  session: Session;
  /** Starts the engine worker (from an effect). */
  start(): void;
  /** Stops the worker; start() may follow (React StrictMode does that). */
  stop(): void;
  dispose(): void;
}

export function createEngineWorker(): WorkerLike {
  return new Worker(new URL('../worker/engine.worker.ts', import.meta.url), {
    type: 'module',
    name: 'crviz-engine',
  }) as unknown as WorkerLike;
}

export function createDebuggerInstance(
  createWorker: () => WorkerLike = createEngineWorker,
): DebuggerInstance {
  const store = createDebuggerStore();
  const client = new EngineClient({ createWorker });
  const session = new Session(store, client);
  const off = client.on((e) => {
    if (e.type === 'restarted') store.getState().notify('warning', RESTART_NOTICE);
    else session.replaceRecording(e.recording);
  });
  return {
    store,
    client,
    session,
    start: () => client.start(),
    stop: () => client.stop(),
    dispose() {
      off();
      client.dispose();
    },
  };
}
