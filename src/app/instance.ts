import { createDebuggerStore, type DebuggerStore } from '../store/createDebuggerStore';
import { EngineClient, restartNotice, type WorkerLike } from '../worker/client';
import { atOnce, type SliceRunner } from '../store/cursorSeek';
import { DebuggerApp, type DebuggerAppOptions } from './debuggerApp';

/** One debugger: its store, its engine worker and its app service. Several can share a page. */
export interface AppInstance {
  store: DebuggerStore;
  app: DebuggerApp;
  /** Inflates a link's data in the engine worker, refusing it past `limit` bytes. */
  inflate(bytes: Uint8Array, limit: number): Promise<Uint8Array>;
  /** Starts the engine worker (from an effect). */
  start(): void;
  /** Stops the worker; start() may follow (React StrictMode does that). */
  stop(): void;
  dispose(): void;
  /** Test hooks: kill the worker behind the client's back, as a crash would; count restarts. */
  killWorker(): void;
  restarts(): number;
}

export function createEngineWorker(): WorkerLike {
  return new Worker(new URL('../worker/engine.worker.ts', import.meta.url), {
    type: 'module',
    name: 'crviz-engine',
  }) as unknown as WorkerLike;
}

export function createAppInstance(
  createWorker: () => WorkerLike = createEngineWorker,
  options: DebuggerAppOptions = {},
  /** How far cursor moves are run over turns (the UI passes the page's sliced-job runner). */
  seekRunner: SliceRunner = atOnce,
): AppInstance {
  const store = createDebuggerStore(undefined, seekRunner);
  const client = new EngineClient({ createWorker });
  const app = new DebuggerApp(store, client, options);
  const off = client.on((e) => {
    if (e.type === 'restarted') store.getState().notify('warning', restartNotice(e));
    else if (e.type === 'refused') {
      store.getState().notify('error', e.text);
      // Also where a developer (and the e2e fixture) looks: a refusal is a bug of the app's.
      console.error(e.text);
    } else app.replaceRecording(e.recording);
  });
  return {
    store,
    app,
    inflate: (bytes, limit) => client.inflate(bytes, limit),
    start: () => client.start(),
    stop: () => client.stop(),
    dispose() {
      off();
      client.dispose();
    },
    killWorker: () => client.killWorker(),
    restarts: () => client.restarts,
  };
}
