/** The real file system behind the /proc importer's ProcReader. */
import { readdirSync } from 'node:fs';
import type { ProcReader, ProcRefusal } from '../engine/import/types';
import { formatBytes, PROC_FILE_LIMIT } from '../engine/limits';
import { readCapped } from './bounded-read';

const tooLarge = (size: number) =>
  `too large (${size.toLocaleString('en')} bytes): no /proc file is over ${formatBytes(PROC_FILE_LIMIT)}`;

/**
 * A /proc file's bytes, bounded like every file the CLI reads: a FIFO or a device in a copied
 * tree is refused instead of blocking, and a huge file is refused instead of filling memory.
 * Every other failure is null: ENOENT/ESRCH mean the task exited, and the importer tells that
 * apart from an unreadable file by listing the directory again.
 */
function readProcBytes(path: string): Uint8Array | null | ProcRefusal {
  const r = readCapped(path, PROC_FILE_LIMIT, tooLarge);
  if (r.ok) return r.bytes;
  return r.refused ? { refused: r.reason } : null;
}

export const nodeProcReader: ProcReader = {
  listDir(path) {
    try {
      return readdirSync(path);
    } catch {
      return null;
    }
  },
  readFile(path) {
    const r = readProcBytes(path);
    return r instanceof Uint8Array ? new TextDecoder().decode(r) : r;
  },
  readBytes: readProcBytes,
};

/** The uid whose ptrace access decides whether zombies' exit codes are readable. */
export function currentUid(): number | undefined {
  return typeof process.getuid === 'function' ? process.getuid() : undefined;
}
