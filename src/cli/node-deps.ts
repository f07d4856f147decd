/** The real file system and engine modules behind CliDeps. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { readBounded, reason } from './bounded-read';
import { currentUid, nodeProcReader } from './snapshot-reader';
import type { CliDeps } from './types';

export const nodeDeps: CliDeps = {
  readFile: readBounded,
  mkdir(dir) {
    try {
      mkdirSync(dir, { recursive: true });
      return null;
    } catch (err) {
      return reason(err);
    }
  },
  writeFile(path, bytes) {
    try {
      writeFileSync(path, bytes);
      return null;
    } catch (err) {
      return reason(err);
    }
  },
  loadRunner: async () => (await import('../engine/scenario/runner')).runScenario,
  loadExplorer: async () => (await import('../engine/explore/explore')).exploreScenario,
  loadInspector: async () => (await import('./inspect')).inspectCommand,
  proc: { reader: nodeProcReader, uid: currentUid() },
};
