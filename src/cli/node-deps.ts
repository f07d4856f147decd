/** The real file system and engine modules behind CliDeps. */
import { errorText } from '../engine/error-text';
import { mkdirSync, openAsBlob, readFileSync, statSync, writeFileSync } from 'node:fs';
import { currentUid, nodeProcReader } from './snapshot-reader';
import type { CliDeps } from './types';

function reason(err: unknown): string {
  const code = (err as { code?: string } | null)?.code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'is a directory, not a file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ENOTDIR') return 'a parent of this path is not a directory';
  return errorText(err);
}

export const nodeDeps: CliDeps = {
  readFile(path) {
    try {
      return { ok: true, bytes: new Uint8Array(readFileSync(path)) };
    } catch (err) {
      return { ok: false, reason: reason(err) };
    }
  },
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
      return { kind: st.isDirectory() ? 'dir' : 'file', size: st.size };
    } catch {
      return null;
    }
  },
  openBlob: (path) => openAsBlob(path),
  loadRunner: async () => (await import('../engine/scenario/runner')).runScenario,
  loadExplorer: async () => (await import('../engine/explore/explore')).exploreScenario,
  progress: (line) => {
    // A terminal gets one line rewritten in place; a pipe gets plain lines.
    if (process.stderr.isTTY) process.stderr.write(`\r${line}\x1b[K`);
    else if (line) process.stderr.write(`${line}\n`);
  },
  now: () => performance.now(),
  loadInspector: async () => (await import('./inspect')).inspectCommand,
  proc: { reader: nodeProcReader, uid: currentUid() },
};
