/** The real file system and engine modules behind CliDeps. */
import { mkdirSync, openAsBlob, statSync, writeFileSync } from 'node:fs';
import { fileType, readBounded, reason } from './bounded-read';
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
  pathKind(path) {
    try {
      const st = statSync(path);
      if (st.isDirectory()) return { kind: 'dir', size: st.size };
      if (st.isFile()) return { kind: 'file', size: st.size };
      return { kind: 'other', what: fileType(st) };
    } catch {
      return null;
    }
  },
  openBlob: (path) => openAsBlob(path),
  loadRunner: async () => (await import('../engine/scenario/runner')).runScenario,
  loadExplorer: async () => (await import('../engine/explore/explore')).exploreScenario,
  progress: (line) => {
    // Only a terminal gets progress, one line rewritten in place (as git does): a program
    // reading stderr through a pipe gets the result lines alone, however slow the machine.
    if (process.stderr.isTTY) process.stderr.write(`\r${line}\x1b[K`);
  },
  now: () => performance.now(),
  loadInspector: async () => (await import('./inspect')).inspectCommand,
  proc: { reader: nodeProcReader, uid: currentUid() },
};
