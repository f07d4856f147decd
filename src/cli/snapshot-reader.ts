/** The real file system behind the /proc importer's ProcReader. */
import { readdirSync, readFileSync } from 'node:fs';
import type { ProcReader } from '../engine/import/types';

// Every failure is null: ENOENT/ESRCH mean the task exited, and the importer tells that apart
// from an unreadable file by listing the directory again.
export const nodeProcReader: ProcReader = {
  listDir(path) {
    try {
      return readdirSync(path);
    } catch {
      return null;
    }
  },
  readFile(path) {
    try {
      return readFileSync(path, 'utf8');
    } catch {
      return null;
    }
  },
  readBytes(path) {
    try {
      return new Uint8Array(readFileSync(path));
    } catch {
      return null;
    }
  },
};

/** The uid whose ptrace access decides whether zombies' exit codes are readable. */
export function currentUid(): number | undefined {
  return typeof process.getuid === 'function' ? process.getuid() : undefined;
}
