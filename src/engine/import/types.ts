/**
 * Shared shapes of the two real-tree importers (/proc snapshots and criu-tree/1 bundles).
 * Both are pure: they take already-read data, so the same code runs in the CLI and the browser.
 */

/**
 * Read access to a /proc tree. `null` means "not there (or not readable)": a task that exits
 * while it is being read makes its files disappear, and the importer has to tell that apart
 * from a broken input by looking again, never by catching exceptions.
 */
/**
 * A /proc file that exists but is not read: not a regular file (a FIFO in a copied tree would
 * block the read for ever) or larger than any /proc file (`PROC_FILE_LIMIT`).
 */
export interface ProcRefusal {
  refused: string;
}

/** Null: unreadable or gone (the importer tells them apart by listing the directory again). */
export interface ProcReader {
  listDir(path: string): string[] | null;
  readFile(path: string): string | null | ProcRefusal;
  /**
   * The file's bytes, where the reader can give them: a comm in `stat` is the kernel's bytes and
   * need not be UTF-8 (kernel/comm.ts), which a text read would turn into U+FFFD.
   */
  readBytes?(path: string): Uint8Array | null | ProcRefusal;
}

/** One tree entry as the importers write it: only keys whose value differs from the default. */
export interface OutEntry {
  pid: number;
  ppid: number;
  tgid?: number;
  comm?: string;
  state?: 'running' | 'stopped' | 'zombie';
  exit_code?: number;
  exit_signal?: number;
  pdeath_signal?: number;
  pgid?: number;
  sid?: number;
  init?: boolean;
}

export type ImportResult =
  { ok: true; json: string; tasks: number; notes: string[] } | { ok: false; message: string };
