/**
 * A dump handed over as Blobs, as the page gets it: a folder dropped or picked (each file with
 * its path inside the folder) or one archive. Only pstree.img and core-*.img of the folder that
 * holds pstree.img are read (a dropped Podman export keeps them under checkpoint/); memory pages
 * and everything else stay unread. Runs in the worker.
 */
import type { ImportResult } from '../types';
import { importArchive, type ArchiveProgress } from './archive';
import { importCriuDump, MAX_CORE_BYTES, MAX_PSTREE_BYTES, type DumpFiles } from './dump';

export interface DumpBlob {
  /** Path inside what was dropped, `/`-separated: `dump/checkpoint/core-7.img`. */
  path: string;
  file: Blob;
}

export type DumpInput = { archive: Blob } | { files: DumpBlob[] };

const WANTED = /^(pstree\.img|core-\d+\.img)$/;

const dirOf = (path: string) => path.slice(0, path.lastIndexOf('/') + 1);
const baseOf = (path: string) => path.slice(path.lastIndexOf('/') + 1);

/** The folder holding the dump: the shallowest one with a pstree.img. */
export function dumpDir(paths: string[]): string | null {
  const dirs = paths.filter((p) => baseOf(p) === 'pstree.img').map(dirOf);
  dirs.sort((a, b) => a.split('/').length - b.split('/').length || a.localeCompare(b));
  return dirs[0] ?? null;
}

async function importFolder(
  files: DumpBlob[],
  name: string,
  onProgress?: (p: ArchiveProgress) => void,
): Promise<ImportResult> {
  const dir = dumpDir(files.map((f) => f.path));
  if (dir === null) return { ok: false, message: 'no pstree.img in it, so not a CRIU dump' };
  const wanted = files.filter((f) => dirOf(f.path) === dir && WANTED.test(baseOf(f.path)));
  const total = wanted.reduce((n, f) => n + f.file.size, 0);
  const kept = new Map<string, Uint8Array | number>();
  let read = 0;
  for (const f of wanted) {
    const base = baseOf(f.path);
    const max = base === 'pstree.img' ? MAX_PSTREE_BYTES : MAX_CORE_BYTES;
    // Bounded before it is read: a file too big for what it claims to be keeps only its size.
    kept.set(base, f.file.size > max ? f.file.size : new Uint8Array(await f.file.arrayBuffer()));
    read += f.file.size;
    onProgress?.({ read, total });
  }
  const dumpFiles: DumpFiles = {
    read(n, maxBytes) {
      const v = kept.get(n);
      if (v === undefined) return { ok: false, missing: true, reason: 'no such file' };
      if (typeof v === 'number') {
        return { ok: false, missing: false, reason: `${v} bytes, more than ${maxBytes}` };
      }
      return { ok: true, bytes: v };
    },
  };
  return importCriuDump(dumpFiles, dir.replace(/\/$/, '') || name, name);
}

/** A dropped folder or archive as a scenario. */
export function importDumpInput(
  input: DumpInput,
  name: string,
  onProgress?: (p: ArchiveProgress) => void,
): Promise<ImportResult> {
  if ('archive' in input) {
    return importArchive(
      input.archive,
      name,
      name.replace(/\.(tar|tar\.gz|tgz)$/i, ''),
      onProgress,
    );
  }
  return importFolder(input.files, name, onProgress);
}
